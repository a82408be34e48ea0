import type { Observation, Observed } from '../../model/observation';
import type { ContainerScenario, HooksScenario } from '../../model/scenario';
import type { Trace } from '../../model/trace';
import { firstStart } from './container-start';
import { deleteAction } from './created-and-deleted';
import { absentEvent, eventsByReason } from './events';
import { missing, secondsBetween } from './intervals';
import { hookHandlerRequestAt, hookHandlerRequestSeen } from './hook-handler-log';
import { containerStatus, firstTransition, viewAt, type PodView } from './pod-history';
import { observeContainerStop } from './termination';
import { watchWindow, withinWindow } from './watch-window';

type Fields = Record<string, Observed>;

function postStartFields(
  trace: Trace,
  history: PodView[],
  podName: string,
  c: ContainerScenario,
  end: number,
): Fields {
  const n = c.name;
  const fields: Fields = {};
  const within = (t: number) => t <= end;
  const failed = eventsByReason(trace, 'FailedPostStartHook', n).some((seen) => within(seen.t));
  fields[`${n}.failedPostStartHook`] = failed
    ? { kind: 'value', value: true }
    : absentEvent(trace, podName, end, 'FailedPostStartHook event', { kind: 'value', value: false });
  const postStart = c.lifecycle.postStart;
  const start = firstStart(trace, history, podName, c);
  const requested = postStart?.kind === 'httpGet' && hookHandlerRequestSeen(trace, n, postStart);
  // A container never started (its pod unscheduled on a busy node) says nothing of its hook.
  fields[`${n}.postStartRequestSeen`] =
    requested || start
      ? { kind: 'value', value: requested }
      : missing('the container was not seen started, so its postStart could not run');
  const running = firstTransition(
    history,
    (pod) => containerStatus(pod, n)?.state?.running !== undefined,
    'ContainersReady',
    'True',
  );
  fields[`${n}.runningAfterStartSeconds`] =
    start && running
      ? secondsBetween(start, running)
      : missing(start ? 'Running not seen' : 'container start not seen');
  const view = viewAt(history, end);
  const status = view && containerStatus(view.pod, n);
  fields[`${n}.restartCount`] = status
    ? { kind: 'value', value: status.restartCount }
    : missing('no status at the end of the window');
  const kill = eventsByReason(trace, 'Killing', n).find((seen) => within(seen.t));
  fields[`${n}.postStartKillMessage`] = kill?.event.message
    ? { kind: 'text', text: kill.event.message }
    : absentEvent(trace, podName, end, 'Killing event', missing('no Killing event'));
  return fields;
}

/**
 * Whether the container ran before the delete: its program's first line, or a Running status, came
 * first. On a busy node a pod can still be unscheduled (FailedScheduling, then scheduled) when the
 * plan deletes it: no preStop can be judged then.
 */
function startedBefore(
  trace: Trace,
  history: PodView[],
  podName: string,
  c: ContainerScenario,
  at: number,
): boolean {
  const start = firstStart(trace, history, podName, c);
  if (start !== undefined && start.hi <= at) return true;
  return history.some(
    (view) => view.t <= at && containerStatus(view.pod, c.name)?.state?.running !== undefined,
  );
}

function unjudged(fields: Fields): Fields {
  const why = missing('the container had not started when its pod was deleted (not scheduled in time)');
  return Object.fromEntries(Object.keys(fields).map((name) => [name, why]));
}

/** Reduces a hooks case: postStart over the window, then preStop on the final delete. */
export function observeHooks(trace: Trace, scenario: HooksScenario): Observation {
  const podName = scenario.pod.name;
  const { history, timeline, window, cutShort } = watchWindow(trace, podName, scenario.observeSeconds);
  if (!window) return { fields: {}, timeline, anchors: {} };
  const { created, end } = window;
  const fields: Fields = {};
  for (const c of scenario.pod.containers)
    Object.assign(fields, postStartFields(trace, history, podName, c, end));
  const deletion = deleteAction(trace, podName);
  if (deletion) {
    for (const c of scenario.pod.containers.filter((container) => container.lifecycle.preStop)) {
      const stop = observeContainerStop(trace, history, podName, c, deletion.t).fields;
      const preStop = c.lifecycle.preStop;
      if (preStop?.kind === 'httpGet' && preStop.viaHandlerPod) {
        stop[`${c.name}.preStopRequestSeen`] = {
          kind: 'value',
          value: hookHandlerRequestAt(trace, c.name, preStop, deletion.t) !== undefined,
        };
      }
      Object.assign(fields, startedBefore(trace, history, podName, c, deletion.t) ? stop : unjudged(stop));
    }
  }
  const anchors: Record<string, number> = deletion ? { created, end, delete: deletion.t } : { created, end };
  return withinWindow({ fields, timeline, anchors }, cutShort);
}
