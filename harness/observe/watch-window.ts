import type { V1Pod } from '@kubernetes/client-node';
import type { Observation, Observed, TimelineEntry } from '../../model/observation';
import { START_ALLOWANCE_SECONDS } from '../../model/timing';
import type { Trace } from '../../model/trace';
import { createdAt } from './created-and-deleted';
import { eventsByReason } from './events';
import { API_RESOLUTION_MS } from './intervals';
import { condition, podHistory, type PodView } from './pod-history';
import { lifecycleTimeline } from './timeline';
import { toMillis } from './time';

export interface WatchWindow {
  history: PodView[];
  timeline: TimelineEntry[];
  /**
   * The observation window [created, end] (epoch ms); absent when the pod's creation was not seen. `end`
   * is `observeSeconds` after the create, later by as much as the pod's first container started later
   * than the model allows (START_ALLOWANCE_SECONDS): a busy node delays the whole window, not its events.
   */
  window?: { created: number; end: number };
  /**
   * Why the record cannot show the window the model judges: the pod never started, or started so late
   * that the harness stopped watching before the delayed window ended. The case is then inconclusive.
   */
  cutShort?: string;
}

/**
 * The latest instant the pod's first container start can have been, epoch ms, read from one view of
 * it at `seenAt`: the earliest startedAt of any container state (whole seconds, so up to 1 s later),
 * never later than the view's arrival. Undefined while no container has started.
 */
export function firstStartBy(pod: V1Pod, seenAt: number): number | undefined {
  const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  const stamps = statuses.flatMap((s) =>
    [s.state?.running?.startedAt, s.state?.terminated?.startedAt, s.lastState?.terminated?.startedAt]
      .map((at) => toMillis(at as Date | string | undefined))
      .filter((at): at is number => at !== undefined),
  );
  if (stamps.length === 0) return undefined;
  const at = Math.min(...stamps);
  return Math.max(at, Math.min(at + API_RESOLUTION_MS, seenAt));
}

/**
 * When a window of `observeSeconds` from the pod's create ends, epoch ms, given the latest instant its
 * first container started (`startedBy`): the model counts every instant from a start at most
 * START_ALLOWANCE_SECONDS after the create, so a later start moves the end by as much. Shared by the
 * harness (how long it watches, harness/run-case.ts) and the observers (what they judge).
 */
export function windowEnd(created: number, observeSeconds: number, startedBy: number): number {
  const late = Math.max(0, startedBy - created - START_ALLOWANCE_SECONDS * 1000);
  return created + observeSeconds * 1000 + late;
}

/** When the harness stopped watching the window: its delete of the pod, else its first read of it after the create. */
function watchedUntil(trace: Trace, podName: string, created: number): number | undefined {
  const entry = trace.find(
    (e) =>
      e.t >= created &&
      ((e.kind === 'action' && e.action === 'delete' && e.target === podName) ||
        (e.kind === 'podSnapshot' && e.object.metadata?.name === podName)),
  );
  return entry?.t ?? trace[trace.length - 1]?.t;
}

/** Why the pod did not start: the scheduler's message (FailedScheduling on a busy node), if any. */
function notStartedReason(trace: Trace, history: PodView[]): string {
  const unschedulable = history
    .map((view) => condition(view.pod, 'PodScheduled'))
    .find((c) => c?.status === 'False')?.message;
  const failed = eventsByReason(trace, 'FailedScheduling')[0]?.event.message;
  const why = unschedulable ?? failed;
  return `the pod never started in the record${why ? ` (FailedScheduling: ${why})` : ''}`;
}

/**
 * The latest instant the pod's first container started by, over every status recorded: a status read
 * after two restarts no longer holds the first instance's start (lastState keeps only the one before).
 */
export function startedByIn(history: readonly PodView[]): number | undefined {
  const starts = history
    .map((view) => firstStartBy(view.pod, view.t))
    .filter((at): at is number => at !== undefined);
  return starts.length === 0 ? undefined : Math.min(...starts);
}

/** What a reducer of a pod watched for `observeSeconds` after its creation starts from. */
export function watchWindow(trace: Trace, podName: string, observeSeconds: number): WatchWindow {
  const history = podHistory(trace, podName);
  const timeline = lifecycleTimeline(trace, podName);
  const created = createdAt(trace, podName);
  if (created === undefined) return { history, timeline };
  const startedBy = startedByIn(history);
  if (startedBy === undefined) {
    const end = created + observeSeconds * 1000;
    return { history, timeline, window: { created, end }, cutShort: notStartedReason(trace, history) };
  }
  const end = windowEnd(created, observeSeconds, startedBy);
  const watched = watchedUntil(trace, podName, created) ?? end;
  // A pod started in time is judged as recorded; a delayed window must have been watched to its end.
  const cutShort =
    end > created + observeSeconds * 1000 && watched < end
      ? `the cluster started the pod ${((startedBy - created) / 1000).toFixed(1)} s after its create (the model allows ${START_ALLOWANCE_SECONDS} s): its window ran to ${((end - created) / 1000).toFixed(1)} s, the harness watched ${((watched - created) / 1000).toFixed(1)} s`
      : undefined;
  return { history, timeline, window: { created, end }, ...(cutShort ? { cutShort } : {}) };
}

/** Every field the reducer produced, made inconclusive with the reason when the window was cut short. */
export function withinWindow(observation: Observation, cutShort: string | undefined): Observation {
  if (cutShort === undefined) return observation;
  const missing: Observed = { kind: 'missing', reason: cutShort };
  const fields = Object.fromEntries(Object.keys(observation.fields).map((name) => [name, missing]));
  return { ...observation, fields };
}
