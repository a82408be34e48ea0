import type { Expectation } from '../model/expectation';
import type { Observation } from '../model/observation';
import type { Trace } from '../model/trace';
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
  /**
   * Why the record itself is unreliable (from the trace: harness/run-case.ts `unobservable` and `gap`
   * entries), kept so a report without traces can still be re-judged to the same verdict.
   */
  unreliable?: string;
}

/**
 * Field patterns of a property: a name, or a glob where `*` stands for any run of characters
 * (e.g. "*.exitCode" selects the exit code of every container).
 */
export type FieldPatterns = readonly string[];

function matcher(patterns: FieldPatterns): (name: string) => boolean {
  const expressions = patterns.map(
    (pattern) =>
      new RegExp(
        `^${pattern
          .split('*')
          .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
          .join('.*')}$`,
      ),
  );
  return (name) => expressions.some((expression) => expression.test(name));
}

/**
 * Judges one case: fail if any field fails, inconclusive if none fails but one could not be
 * decided, pass otherwise. `fields` restricts the judgement to the property's own fields; a case in
 * which no field of the property applies decides nothing and is inconclusive, never a pass.
 */
export function judgeCase(
  expectation: Expectation,
  observation: Observation,
  fields?: FieldPatterns,
): CaseVerdict {
  const selected = fields === undefined ? () => true : matcher(fields);
  const names = Object.keys(expectation.fields).filter(selected).sort();
  const diff = names.map((field): FieldDiff => {
    const { expected, rule, because } = expectation.fields[field];
    return { field, rule, because, ...compareField(expected, observation.fields[field]) };
  });
  if (diff.length === 0)
    return { outcome: 'inconclusive', diff, reason: 'no field of this property applies to the case' };
  const outcome: FieldOutcome = diff.some((d) => d.outcome === 'fail')
    ? 'fail'
    : diff.some((d) => d.outcome === 'inconclusive')
      ? 'inconclusive'
      : 'pass';
  return { outcome, diff };
}

/** A case the harness could not observe reliably is inconclusive whatever its fields say: never a false failure. */
export function markUnreliable(verdict: CaseVerdict, reason: string): CaseVerdict {
  return { ...verdict, outcome: 'inconclusive', reason, unreliable: reason };
}

/**
 * Why a recorded case cannot be judged as a whole, read from its trace alone: the harness stopped
 * observing (`unobservable`), or the record has gaps. A wait that timed out is not such a reason: what
 * was recorded until then is judged (an instant not yet seen is a lower bound).
 */
export function unreliabilityOf(trace: Trace): string | undefined {
  const stopped = trace.find((entry) => entry.kind === 'unobservable');
  if (stopped?.kind === 'unobservable') return stopped.reason;
  const gaps = trace.flatMap((entry) => (entry.kind === 'gap' ? [entry.what] : []));
  return gaps.length > 0 ? `the record has gaps: ${gaps.join('; ')}` : undefined;
}

/**
 * The verdict of a recorded case: a pure function of what its report carries (expectation, observation
 * and the record's unreliability), shared by `run` and `judge` so re-judging changes nothing.
 */
export function judgeRecordedCase(
  expectation: Expectation,
  observation: Observation,
  fields: FieldPatterns | undefined,
  unreliable: string | undefined,
): CaseVerdict {
  const judged = judgeCase(expectation, observation, fields);
  return unreliable === undefined ? judged : markUnreliable(judged, unreliable);
}
