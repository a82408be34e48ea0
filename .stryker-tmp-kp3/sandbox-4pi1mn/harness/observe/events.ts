// @ts-nocheck
import type { CoreV1Event } from '@kubernetes/client-node';
import type { Trace } from '../../model/trace';
import { apiInterval, point, type Interval } from './intervals';
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
