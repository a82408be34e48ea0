import type { Expectation } from '../model/expectation';
import type { Observation } from '../model/observation';
import { compareField, type FieldOutcome } from './compare-field';

export interface FieldDiff {
  field: string;
  rule: string;
  because: string;
  outcome: FieldOutcome;
  detail: string;
}

export interface CaseVerdict {
  outcome: FieldOutcome;
  diff: FieldDiff[];
  /** Why a case is inconclusive as a whole (e.g. the harness could not observe it reliably). */
  reason?: string;
}

/**
 * Judges one case: fail if any field fails, inconclusive if none fails but one could not be
 * decided, pass otherwise. `fields` restricts the judgement to the property's own fields.
 */
export function judgeCase(
  expectation: Expectation,
  observation: Observation,
  fields?: readonly string[],
): CaseVerdict {
  const names = (fields ?? Object.keys(expectation.fields))
    .filter((name) => name in expectation.fields)
    .sort();
  const diff = names.map((field): FieldDiff => {
    const { expected, rule, because } = expectation.fields[field];
    return { field, rule, because, ...compareField(expected, observation.fields[field]) };
  });
  const outcome: FieldOutcome = diff.some((d) => d.outcome === 'fail')
    ? 'fail'
    : diff.some((d) => d.outcome === 'inconclusive')
      ? 'inconclusive'
      : 'pass';
  return { outcome, diff };
}

/** A case the harness could not observe reliably is inconclusive whatever its fields say: never a false failure. */
export function markUnreliable(verdict: CaseVerdict, reason: string): CaseVerdict {
  return { ...verdict, outcome: 'inconclusive', reason };
}
