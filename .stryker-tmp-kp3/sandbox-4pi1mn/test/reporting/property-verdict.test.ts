// @ts-nocheck
import { attemptStatuses, derivePropertyVerdict, type CaseOutcome } from '../../reporting/property-verdict';

const ran = { verdict: 'pass' as const, outOfTime: false, runsMade: 3, runsPlanned: 3 };

function first(id: string, outcome: CaseOutcome['outcome']): CaseOutcome {
  return { id, outcome, attempt: { number: 1 } };
}
function rerun(id: string, of: string, outcome: CaseOutcome['outcome'], number = 2): CaseOutcome {
  return { id, outcome, attempt: { number, retryOf: of } };
}

describe('derivePropertyVerdict', () => {
  it('passes only when every first run passed and all runs were made', () => {
    expect(derivePropertyVerdict(ran, [first('a', 'pass'), first('b', 'pass'), first('c', 'pass')])).toEqual({
      verdict: 'pass',
    });
  });

  it('fails on a failure reproduced by a re-run, and on one never re-run', () => {
    const confirmed = [first('a', 'fail'), rerun('a2', 'a', 'pass'), rerun('a3', 'a', 'fail', 3)];
    expect(derivePropertyVerdict(ran, confirmed).verdict).toBe('fail');
    expect(derivePropertyVerdict(ran, [first('a', 'fail')]).verdict).toBe('fail');
    expect(attemptStatuses(confirmed).get('a')).toBe('confirmed');
  });

  it('is flaky when every failure vanished on re-run', () => {
    const cases = [first('a', 'fail'), rerun('a2', 'a', 'pass'), first('b', 'pass')];
    expect(derivePropertyVerdict(ran, cases)).toEqual({
      verdict: 'flaky',
      reason: '1 failure(s) not reproduced on re-run',
    });
  });

  it('never passes a property that ran out of time, was interrupted or had undecided cases', () => {
    const passing = [first('a', 'pass')];
    expect(derivePropertyVerdict({ ...ran, outOfTime: true, runsMade: 1 }, passing)).toEqual({
      verdict: 'inconclusive',
      reason: 'out of time after 1 of 3 runs',
    });
    expect(
      derivePropertyVerdict({ ...ran, verdict: 'inconclusive', reason: 'interrupted' }, passing).verdict,
    ).toBe('inconclusive');
    expect(derivePropertyVerdict(ran, [first('a', 'pass'), first('b', 'inconclusive')])).toEqual({
      verdict: 'inconclusive',
      reason: '1 of 2 cases could not be decided',
    });
    expect(derivePropertyVerdict(ran, []).verdict).toBe('inconclusive');
  });

  it('keeps skipped properties and known issues that still fail', () => {
    expect(derivePropertyVerdict({ ...ran, verdict: 'skipped', reason: 'no sidecars' }, [])).toEqual({
      verdict: 'skipped',
      reason: 'no sidecars',
    });
    const known = { ...ran, verdict: 'known' as const, reason: 'kubernetes#123' };
    expect(derivePropertyVerdict(known, [first('a', 'fail')])).toEqual({
      verdict: 'known',
      reason: 'kubernetes#123',
    });
    expect(derivePropertyVerdict(known, [first('a', 'pass')]).verdict).toBe('pass');
  });
});
