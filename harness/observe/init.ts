import { isLostStandIn } from '../lost-container';
import type { Observation, Observed } from '../../model/observation';
import type { InitScenario } from '../../model/scenario';
import type { Trace } from '../../model/trace';
import { absentEvent, eventsByReason } from './events';
import { missing } from './intervals';
import { condition, containerStatus, viewAt, type PodView } from './pod-history';
import { toMillis } from './time';
import { watchWindow, withinWindow } from './watch-window';

type Fields = Record<string, Observed>;

/** When each container was first seen started (arrival of the first view showing it running or done). */
function firstSeenStarted(history: PodView[], name: string): PodView | undefined {
  return history.find((view) => {
    const state = containerStatus(view.pod, name)?.state;
    return state?.running !== undefined || state?.terminated !== undefined;
  });
}

/** First instance's API start and finish (one-second timestamps). */
function firstRun(history: PodView[], name: string): { startedAt?: number; finishedAt?: number } {
  for (const view of history) {
    const status = containerStatus(view.pod, name);
    const done = status?.restartCount === 0 ? status.state?.terminated : status?.lastState?.terminated;
    if (done) return { startedAt: toMillis(done.startedAt), finishedAt: toMillis(done.finishedAt) };
  }
  return {};
}

/** The distinct states of a container in the views up to `end`: `waiting:<reason>`, `running`, `terminated`. */
function statesSeen(history: PodView[], name: string, end: number): string[] {
  const seen = new Set<string>();
  for (const view of history) {
    if (view.t > end) continue;
    const state = containerStatus(view.pod, name)?.state;
    if (state?.waiting) seen.add(`waiting:${state.waiting.reason ?? ''}`);
    else if (state?.running) seen.add('running');
    else if (state?.terminated) seen.add('terminated');
  }
  return [...seen];
}

/** Reduces an init case: start order, one at a time, app waiting, failure handling. */
export function observeInit(trace: Trace, scenario: InitScenario): Observation {
  const { pod } = scenario;
  const { history, timeline, window, cutShort } = watchWindow(trace, pod.name, scenario.observeSeconds);
  if (!window) return { fields: {}, timeline, anchors: {} };
  const { created, end } = window;
  // A pod the kubelet never reported in the window (not scheduled on a busy node) shows nothing of its init phase.
  const reported = history.some(
    (view) => view.t <= end && (view.pod.status?.initContainerStatuses ?? []).length > 0,
  );
  if (!reported) {
    const reason = missing(
      cutShort ?? 'the kubelet reported no container status within the window (pod not started)',
    );
    const names = [...pod.initContainers, ...pod.containers].map((c) => c.name);
    const fields: Fields = Object.fromEntries([
      ...[
        'pod.initStartOrder',
        'pod.initOneAtATime',
        'pod.appsStartAfterInits',
        'pod.phaseAtEnd',
        'pod.initializedAtEnd',
        'pod.initializedReasonAtEnd',
        'pod.initializedMessageAtEnd',
      ].map((f) => [f, reason]),
      ...names.flatMap((n) =>
        ['statesSeen', 'backOffEventSeen', 'exitCode', 'restartCount', 'waitingReasonDuringInit'].map((f) => [
          `${n}.${f}`,
          reason,
        ]),
      ),
    ]);
    return { fields, timeline, anchors: { created, end } };
  }
  const fields: Fields = {};
  const inits = pod.initContainers.map((c) => ({ name: c.name, seen: firstSeenStarted(history, c.name) }));
  const started = inits.filter((i) => i.seen !== undefined && i.seen.t <= end) as {
    name: string;
    seen: PodView;
  }[];
  fields['pod.initStartOrder'] = {
    kind: 'list',
    values: [...started].sort((a, b) => a.seen.t - b.seen.t).map((i) => i.name),
  };
  const regular = pod.initContainers
    .filter((c) => c.restartPolicy !== 'Always')
    .map((c) => firstRun(history, c.name));
  const overlaps = regular.slice(1).some((next, i) => {
    const previous = regular[i];
    return (
      next.startedAt !== undefined &&
      previous.finishedAt !== undefined &&
      next.startedAt < previous.finishedAt
    );
  });
  fields['pod.initOneAtATime'] = { kind: 'value', value: !overlaps };
  const lastInitDone = Math.max(...regular.map((r) => r.finishedAt ?? -Infinity));
  // A short-lived app container may be seen first already terminated: its startedAt counts as well.
  const appStarts = pod.containers.map((c) => {
    const state = containerStatus(firstSeenStarted(history, c.name)?.pod ?? {}, c.name)?.state;
    return toMillis(state?.running?.startedAt ?? state?.terminated?.startedAt);
  });
  fields['pod.appsStartAfterInits'] = appStarts.some((s) => s === undefined)
    ? missing('an app container was not seen running')
    : { kind: 'value', value: appStarts.every((s) => (s as number) >= lastInitDone) };
  for (const app of pod.containers) {
    const waiting = history
      .map((view) => containerStatus(view.pod, app.name)?.state?.waiting?.reason)
      .find((r) => r !== undefined);
    fields[`${app.name}.waitingReasonDuringInit`] = waiting
      ? { kind: 'value', value: waiting }
      : missing('no waiting state seen');
  }
  // Every state each container was seen in during the window.
  for (const c of [...pod.initContainers, ...pod.containers]) {
    const seen = statesSeen(history, c.name, end);
    fields[`${c.name}.statesSeen`] =
      seen.length > 0 ? { kind: 'list', values: seen } : missing('no status seen in the window');
    // kubectl's Init:CrashLoopBackOff: the kubelet met the back-off (its status may still say Terminated).
    fields[`${c.name}.backOffEventSeen`] = eventsByReason(trace, 'BackOff', c.name).some((e) => e.t <= end)
      ? { kind: 'value', value: true }
      : absentEvent(trace, pod.name, end, 'BackOff event', { kind: 'value', value: false });
  }
  const last = viewAt(history, end);
  if (last) {
    fields['pod.phaseAtEnd'] = { kind: 'value', value: last.pod.status?.phase ?? null };
    const initialized = condition(last.pod, 'Initialized');
    fields['pod.initializedAtEnd'] = { kind: 'value', value: initialized?.status === 'True' };
    fields['pod.initializedReasonAtEnd'] = { kind: 'value', value: initialized?.reason ?? null };
    fields['pod.initializedMessageAtEnd'] = { kind: 'value', value: initialized?.message ?? null };
    for (const c of pod.initContainers) {
      const status = containerStatus(last.pod, c.name);
      const done = status?.state?.terminated ?? status?.lastState?.terminated;
      fields[`${c.name}.exitCode`] = isLostStandIn(done)
        ? missing('the kubelet lost the container before posting its termination (ContainerStatusUnknown)')
        : done
          ? { kind: 'value', value: done.exitCode }
          : missing('not terminated');
      fields[`${c.name}.restartCount`] = status
        ? { kind: 'value', value: status.restartCount }
        : missing('no status');
    }
  }
  return withinWindow({ fields, timeline, anchors: { created, end } }, cutShort);
}
