// @ts-nocheck
import type { FieldOutcome } from '../verdicts/compare-field';
import type { AttemptInfo, PropertyEnd, PropertyVerdict } from './report-types';

/** What a property verdict is derived from, per case. */
export interface CaseOutcome {
  id: string;
  outcome: FieldOutcome;
  attempt: AttemptInfo;
}

/** The reason the writer gives properties still running when a run is interrupted. */
export const INTERRUPTED = 'interrupted';

/**
 * For each failing first run that was re-run: 'confirmed' when a re-run failed too, 'flaky' when
 * every re-run passed. Failing first runs without re-runs are absent (unconfirmed failures).
 */
export function attemptStatuses(cases: readonly CaseOutcome[]): Map<string, 'confirmed' | 'flaky'> {
  const reruns = new Map<string, FieldOutcome[]>();
  for (const item of cases) {
    const of = item.attempt.retryOf;
    if (of !== undefined) reruns.set(of, [...(reruns.get(of) ?? []), item.outcome]);
  }
  const statuses = new Map<string, 'confirmed' | 'flaky'>();
  for (const item of cases) {
    const outcomes = reruns.get(item.id);
    if (item.attempt.number !== 1 || item.outcome !== 'fail' || outcomes === undefined) continue;
    statuses.set(item.id, outcomes.includes('fail') ? 'confirmed' : 'flaky');
  }
  return statuses;
}

type Previous = Pick<PropertyEnd, 'verdict' | 'reason' | 'outOfTime' | 'runsMade'> & { runsPlanned: number };

/**
 * A property's verdict from its cases, strictest first: a reproduced (or unchecked) failure fails it
 * (or stays 'known' when a known issue already explained it); failures that vanished on re-run make it
 * flaky; anything not fully run or not decidable is inconclusive — never a pass.
 */
export function derivePropertyVerdict(
  previous: Previous,
  cases: readonly CaseOutcome[],
): { verdict: PropertyVerdict; reason?: string } {
  if (previous.verdict === 'skipped') return { verdict: 'skipped', reason: previous.reason };
  const statuses = attemptStatuses(cases);
  const firstRuns = cases.filter((item) => item.attempt.number === 1);
  const failing = firstRuns.filter((item) => item.outcome === 'fail');
  const flaky = failing.filter((item) => statuses.get(item.id) === 'flaky');
  if (failing.length > flaky.length) {
    return previous.verdict === 'known' ? { verdict: 'known', reason: previous.reason } : { verdict: 'fail' };
  }
  if (flaky.length > 0) {
    return { verdict: 'flaky', reason: `${flaky.length} failure(s) not reproduced on re-run` };
  }
  if (previous.reason === INTERRUPTED) return { verdict: 'inconclusive', reason: INTERRUPTED };
  if (previous.outOfTime) {
    return {
      verdict: 'inconclusive',
      reason: `out of time after ${previous.runsMade} of ${previous.runsPlanned} runs`,
    };
  }
  if (firstRuns.length === 0) return { verdict: 'inconclusive', reason: 'no case ran' };
  const undecided = firstRuns.filter((item) => item.outcome === 'inconclusive').length;
  if (undecided > 0) {
    return {
      verdict: 'inconclusive',
      reason: `${undecided} of ${firstRuns.length} cases could not be decided`,
    };
  }
  return { verdict: 'pass' };
}
