// @ts-nocheck
import type { V1ContainerStatus, V1Pod, V1PodCondition } from '@kubernetes/client-node';
import type { Trace } from '../../model/trace';
import { apiInterval, intersect, type Interval } from './intervals';
import { toMillis } from './time';

/** One view of the pod as the harness received it (watch event or snapshot), with its arrival time. */
export interface PodView {
  t: number;
  pod: V1Pod;
  deleted: boolean;
}

/** Every view of the named pod, in arrival order. */
export function podHistory(trace: Trace, podName: string): PodView[] {
  const views: PodView[] = [];
  for (const entry of trace) {
    if (
      (entry.kind === 'podWatch' || entry.kind === 'podSnapshot') &&
      entry.object.metadata?.name === podName
    ) {
      views.push({
        t: entry.t,
        pod: entry.object,
        deleted: entry.kind === 'podWatch' && entry.type === 'DELETED',
      });
    }
  }
  return views.sort((a, b) => a.t - b.t);
}

/** A container's status in a view, init or regular. */
export function containerStatus(pod: V1Pod, name: string): V1ContainerStatus | undefined {
  const all = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
  return all.find((s) => s.name === name);
}

export function condition(pod: V1Pod, type: string): V1PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === type);
}

/** The last view received at or before `until` (epoch ms). */
export function viewAt(history: PodView[], until: number): PodView | undefined {
  let found: PodView | undefined;
  for (const view of history) {
    if (view.t <= until) found = view;
  }
  return found;
}

/** The first view that shows a deletion timestamp. */
export function firstDeletionView(history: PodView[]): PodView | undefined {
  return history.find(
    (view) =>
      view.pod.metadata?.deletionTimestamp !== undefined && view.pod.metadata?.deletionTimestamp !== null,
  );
}

/**
 * When `holds` first became true, from the views: after the last view where it did not hold, before the
 * arrival of the first where it does. A pod condition that flipped in that same view narrows it to its
 * one-second lastTransitionTime.
 */
export function firstTransition(
  history: PodView[],
  holds: (pod: V1Pod) => boolean,
  conditionType?: string,
  conditionStatus?: string,
  notBefore = 0,
): Interval | undefined {
  let previous: PodView | undefined;
  for (const view of history) {
    if (view.t < notBefore) {
      previous = view;
      continue;
    }
    if (holds(view.pod)) {
      if (!previous || holds(previous.pod)) return undefined;
      const bounds: Interval = { lo: previous.t, hi: view.t };
      const cond = conditionType ? condition(view.pod, conditionType) : undefined;
      const before = conditionType ? condition(previous.pod, conditionType) : undefined;
      const flipped = cond && cond.status === conditionStatus && before?.status !== conditionStatus;
      const at = flipped ? toMillis(cond.lastTransitionTime) : undefined;
      return at === undefined ? bounds : (intersect(bounds, apiInterval(at, view.t)) ?? bounds);
    }
    previous = view;
  }
  return undefined;
}
