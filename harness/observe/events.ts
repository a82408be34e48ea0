import type { CoreV1Event } from '@kubernetes/client-node';
import type { Observed } from '../../model/observation';
import type { Trace } from '../../model/trace';
import { EVENT_SPAM_BURST, EVENT_SPAM_REFILL_SECONDS, eventBudget } from './event-budget';
import { apiInterval, missing, point, type Interval } from './intervals';
import { toMillis } from './time';

/** One sighting of an event (a repeated event arrives again with a higher count). */
export interface SeenEvent {
  t: number;
  event: CoreV1Event;
  /** When the sighting's occurrence happened. */
  at: Interval;
  /** The container the event is about, from `spec.containers{c}` or `spec.initContainers{c}`. */
  container?: string;
}

const FIELD_PATH = /^spec\.(?:initContainers|containers)\{(.+)\}$/;

export function containerOfEvent(event: CoreV1Event): string | undefined {
  const path = event.involvedObject?.fieldPath;
  return path ? FIELD_PATH.exec(path)?.[1] : undefined;
}

function occurrence(event: CoreV1Event, seenAt: number): Interval | undefined {
  const micro = toMillis(event.eventTime as Date | string | undefined);
  if (micro !== undefined && !event.lastTimestamp) return point(micro);
  const last = toMillis(event.lastTimestamp as Date | string | undefined);
  return last === undefined ? undefined : apiInterval(last, seenAt);
}

/** Sightings of events with `reason`, optionally about one container, in arrival order. */
export function eventsByReason(trace: Trace, reason: string, container?: string): SeenEvent[] {
  const seen: SeenEvent[] = [];
  for (const entry of trace) {
    if (entry.kind !== 'event' || entry.event.reason !== reason) continue;
    const about = containerOfEvent(entry.event);
    if (container !== undefined && about !== container) continue;
    const at = occurrence(entry.event, entry.t) ?? point(entry.t);
    seen.push({ t: entry.t, event: entry.event, at, container: about });
  }
  return seen.sort((a, b) => a.t - b.t);
}

/** getSpamKey's fields (events_cache.go): one budget per source and involved object, whatever the container. */
function spamKey(event: CoreV1Event): string {
  const o = event.involvedObject ?? {};
  return [event.source?.component, event.source?.host, o.kind, o.namespace, o.name, o.uid, o.apiVersion].join(
    '|',
  );
}

/**
 * The instants (epoch ms) at which the kubelet tried to send events about the pod, per spam key. Each
 * step of an event's count is one attempt, a dropped one included (the count goes on regardless), and
 * a first sighting at count n stands for n attempts. Each is placed at the latest instant its sighting
 * allows, and kept when its occurrence may lie before `at`.
 */
function kubeletAttempts(trace: Trace, podName: string, at: number): Map<string, number[]> {
  const attempts = new Map<string, number[]>();
  const counted = new Map<string, number>();
  for (const entry of trace) {
    if (entry.kind !== 'event') continue;
    const { event } = entry;
    const about = event.involvedObject;
    if (event.source?.component !== 'kubelet' || about?.kind !== 'Pod' || about.name !== podName) continue;
    const when = occurrence(event, entry.t) ?? point(entry.t);
    if (when.lo > at) continue;
    const id = event.metadata?.name || [about.fieldPath, event.type, event.reason, event.message].join('|');
    const count = event.count ?? (counted.get(id) ?? 0) + 1;
    const steps = Math.max(0, count - (counted.get(id) ?? 0));
    counted.set(id, Math.max(count, counted.get(id) ?? 0));
    const key = spamKey(event);
    attempts.set(key, [...(attempts.get(key) ?? []), ...Array<number>(steps).fill(when.hi)]);
  }
  return attempts;
}

/**
 * Why the absence of a kubelet event about the pod up to `at` is no evidence, or undefined when it is:
 * the kubelet's spam filter (event-budget.ts) could have dropped it once the pod's budget was spent.
 */
export function eventBudgetSpent(trace: Trace, podName: string, at: number): string | undefined {
  for (const attempts of kubeletAttempts(trace, podName, at).values()) {
    const budget = eventBudget(attempts, at);
    if (budget.couldBeSpent) {
      return (
        `the kubelet's event budget for pod ${podName} could have been spent (${budget.attempts} events by then, ` +
        `${EVENT_SPAM_BURST} then one per ${EVENT_SPAM_REFILL_SECONDS} s: client-go events_cache.go spam filter)`
      );
    }
  }
  return undefined;
}

/**
 * Why the pod's kubelet events cannot be taken as complete, or undefined: a container the pod's status
 * shows started with no Started event in the whole record. Before 1.27 a kubelet posts events at
 * 5/s, burst 10 (KubeletConfiguration eventRecordQPS/eventBurst defaults, raised to 50/100 by PR
 * #116121), so on a busy node its events arrive late or not at all — seen on a v1.26.1 node running
 * several kubeprop runs at once: 99 of 158 cases without a Started event. kind-config.yaml sets the
 * newer limits; other clusters may not.
 */
export function eventsIncomplete(trace: Trace, podName: string): string | undefined {
  const started = new Set<string>();
  for (const entry of trace) {
    if (entry.kind !== 'podWatch' || entry.object.metadata?.name !== podName) continue;
    const statuses = [
      ...(entry.object.status?.initContainerStatuses ?? []),
      ...(entry.object.status?.containerStatuses ?? []),
    ];
    for (const status of statuses)
      if (status.state?.running?.startedAt || status.state?.terminated?.startedAt) started.add(status.name);
  }
  const announced = new Set(eventsByReason(trace, 'Started').map((seen) => seen.container));
  const silent = [...started].filter((name) => !announced.has(name));
  return silent.length === 0
    ? undefined
    : `the kubelet's events for pod ${podName} are incomplete (no Started event for ${silent.join(', ')}, whose status shows it started)`;
}

/**
 * An event field's observation when no such event was seen: `absent` is evidence only within the
 * pod's event budget and when the pod's events are otherwise complete.
 */
export function absentEvent(
  trace: Trace,
  podName: string,
  at: number,
  what: string,
  absent: Observed,
): Observed {
  const why = eventBudgetSpent(trace, podName, at) ?? eventsIncomplete(trace, podName);
  return why ? missing(`${what} not seen, and ${why}`) : absent;
}

/** The last instant an event due by `by` could have been recorded and seen: `by`'s end, or the trace's. */
export function eventsDueBy(trace: Trace, by?: Interval): number {
  const end = trace.reduce((latest, entry) => Math.max(latest, entry.t), -Infinity);
  return Math.min(by?.hi ?? Infinity, end);
}
