import type { Family } from './scenario';

/** A scalar a field can hold. */
export type Scalar = string | number | boolean | null;

/**
 * What one field of an observation must be. Expectations and observations share field names, so a
 * verdict is a field-by-field comparison (see verdicts/compare-field.ts).
 */
export type Expected =
  /** An instant, in seconds relative to the anchor the field name says, within [earliest, latest] ± slack. */
  | { kind: 'window'; earliest: number; latest: number; slack: number }
  | { kind: 'equals'; value: Scalar }
  | { kind: 'oneOf'; values: Scalar[] }
  /** A number within [min, max] (e.g. restarts during an observation window). */
  | { kind: 'range'; min: number; max: number }
  /**
   * A message containing every stable part (e.g. "exceeded quota", the quota name), or every part of
   * one of `orParts` where upstream may word the same outcome another way.
   */
  | { kind: 'contains'; parts: string[]; orParts?: string[][] }
  /** A set of strings, order ignored (e.g. violated Pod Security checks). */
  | { kind: 'setEquals'; values: string[] }
  /** A sequence, order significant (e.g. init containers' start order). */
  | { kind: 'sequence'; values: string[] };

export interface FieldExpectation {
  expected: Expected;
  /** Rule id from docs/semantics.md, e.g. "termination.sigkill-after-grace". */
  rule: string;
  /** One line on why, for reports (e.g. "grace 3 s, preStop 0 s: SIGKILL at 3 s"). */
  because: string;
}

export interface Expectation {
  family: Family;
  fields: Record<string, FieldExpectation>;
}

/** Knobs of the model that are not Kubernetes facts. */
export interface ModelOptions {
  /**
   * `--slack`: seconds added on both sides of every timing window, replacing the slack of each field's
   * measurement kind (model/timing.ts SLACK_SECONDS). Unset: each window gets its kind's slack.
   * It does not move the model's decisions (DECISION_MARGIN_SECONDS), only how windows are judged.
   */
  slackSeconds?: number;
}

export const DEFAULT_MODEL_OPTIONS: ModelOptions = {};
