import type { Scalar } from './expectation';

/** What the harness saw for one field, reduced from the raw trace. */
export type Observed =
  /** An instant known to lie within [lo, hi] seconds relative to the field's anchor. */
  | { kind: 'instant'; lo: number; hi: number }
  | { kind: 'value'; value: Scalar }
  | { kind: 'text'; text: string }
  | { kind: 'list'; values: string[] }
  /** Could not be observed reliably; the verdict for this field is inconclusive. */
  | { kind: 'missing'; reason: string };

/**
 * The `hi` of an instant known only from below (the recording ended before it happened).
 * Number.MAX_VALUE, not Infinity, so that it survives the report's JSON.
 */
export const NO_UPPER_BOUND = Number.MAX_VALUE;

/** A point on a case's timeline, for reports (timestamps are epoch milliseconds). */
export interface TimelineEntry {
  at: number;
  /** e.g. "created", "scheduled", "started", "ready", "delete", "prestop-start", "sigterm", "exit". */
  what: string;
  container?: string;
  pod?: string;
  /** Where the instant comes from: the API server (1 s resolution), the runtime's log timestamp, or the client. */
  source: 'api' | 'runtime' | 'event' | 'client';
  detail?: string;
}

export interface Observation {
  fields: Record<string, Observed>;
  timeline: TimelineEntry[];
  /** Epoch milliseconds the relative fields are measured from, named (e.g. kill start). */
  anchors: Record<string, number>;
}
