import type { ContainerScenario } from '../../model/scenario';
import type { Trace } from '../../model/trace';
import { MARKERS } from '../markers';
import { apiInterval, point, type Interval } from './intervals';
import { firstMarker, markersByContainer, runsOf } from './markers-by-container';
import { containerStatus, type PodView } from './pod-history';
import { toMillis } from './time';

/** How far past the first instance's startedAt (whole seconds) its marker-derived start may still lie. */
const SAME_INSTANCE_MS = 500;

/** The API's startedAt of the container's first instance: its own state, or lastState once restarted once. */
function firstInstanceStartedAt(history: PodView[], name: string): Interval | undefined {
  for (const view of history) {
    const status = containerStatus(view.pod, name);
    const restarts = status?.restartCount ?? 0;
    const state = restarts === 0 ? (status?.state?.running ?? status?.state?.terminated) : undefined;
    const at = toMillis(
      state?.startedAt ?? (restarts === 1 ? status?.lastState?.terminated?.startedAt : undefined),
    );
    if (at !== undefined) return apiInterval(at, view.t);
  }
  return undefined;
}

/**
 * When the first instance of a container started: its `started` marker less the program's own start
 * delay (runtime time), else the API's one-second startedAt. An instance killed before its start
 * delay was over (a liveness probe with no initial delay) writes no marker: the first marker then
 * belongs to a later instance and is used only when it agrees with the first instance's startedAt.
 */
export function firstStart(
  trace: Trace,
  history: PodView[],
  podName: string,
  container: ContainerScenario,
): Interval | undefined {
  const runs = runsOf(markersByContainer(trace, podName).get(container.name) ?? []);
  const started = runs.map((run) => firstMarker(run, MARKERS.started)).find((line) => line !== undefined);
  const marker = started && point(started.time - container.behaviour.startDelaySeconds * 1000);
  const api = firstInstanceStartedAt(history, container.name);
  if (!api) return marker;
  if (!marker) return api;
  // The marker's runtime clock and the API's may differ a little; an instance later is seconds apart.
  return marker.lo <= api.hi + SAME_INSTANCE_MS ? marker : api;
}
