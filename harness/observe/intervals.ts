import { NO_UPPER_BOUND, type Observed } from '../../model/observation';

/** An instant known to lie within [lo, hi], epoch milliseconds. */
export interface Interval {
  lo: number;
  hi: number;
}

/** API timestamps are truncated to whole seconds: the instant lies in [t, t + 1 s). */
export const API_RESOLUTION_MS = 1000;

export function point(at: number): Interval {
  return { lo: at, hi: at };
}

/** An API (one-second) timestamp, capped by when the harness saw it (it cannot be later than that). */
export function apiInterval(at: number, seenAt?: number): Interval {
  const hi = at + API_RESOLUTION_MS;
  return { lo: at, hi: seenAt === undefined ? hi : Math.max(at, Math.min(hi, seenAt)) };
}

/** Both constraints at once; undefined when they contradict (clock skew or a wrong assumption). */
export function intersect(a: Interval, b: Interval): Interval | undefined {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  return lo <= hi ? { lo, hi } : undefined;
}

/**
 * `later - earlier` in seconds, as the widest interval both uncertainties allow. A later instant not
 * seen by the end of the record (hi NO_UPPER_BOUND) gives a lower bound; an earlier one gives nothing.
 */
export function secondsBetween(earlier: Interval, later: Interval): Observed {
  if (earlier.hi === NO_UPPER_BOUND)
    return missing('the earlier instant was not seen by the end of the record');
  const hi = later.hi === NO_UPPER_BOUND ? NO_UPPER_BOUND : (later.hi - earlier.lo) / 1000;
  return { kind: 'instant', lo: (later.lo - earlier.hi) / 1000, hi };
}

/** `a` wholly before `b` (true), wholly after (false), or overlapping (undefined). */
export function before(a: Interval, b: Interval): boolean | undefined {
  if (a.hi <= b.lo) return true;
  if (a.lo >= b.hi) return false;
  return undefined;
}

export function missing(reason: string): Observed {
  return { kind: 'missing', reason };
}
