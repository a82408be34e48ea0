// @ts-nocheck
import type { ContainerScenario } from '../../model/scenario';
import type { Trace } from '../../model/trace';
import { MARKERS } from '../markers';
import { apiInterval, point, type Interval } from './intervals';
import { markersByContainer, runsOf } from './markers-by-container';
import { containerStatus, type PodView } from './pod-history';
import { toMillis } from './time';

/**
 * When the first instance of a container started: its `started` marker less the program's own start
 * delay (runtime time), else the API's one-second startedAt.
 */
export function firstStart(
  trace: Trace,
  history: PodView[],
  podName: string,
  container: ContainerScenario,
): Interval | undefined {
  const runs = runsOf(markersByContainer(trace, podName).get(container.name) ?? []);
  const started = runs.find((run) => run[0]?.marker === MARKERS.started)?.[0];
  if (started) return point(started.time - container.behaviour.startDelaySeconds * 1000);
  for (const view of history) {
    const status = containerStatus(view.pod, container.name);
    const at = toMillis(status?.state?.running?.startedAt ?? status?.state?.terminated?.startedAt);
    if (at !== undefined && (status?.restartCount ?? 0) === 0) return apiInterval(at);
  }
  return undefined;
}
