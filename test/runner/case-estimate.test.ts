import type { PlanStep } from '../../harness/plan';
import { plannedCaseMs } from '../../runner/case-estimate';

/** The NetworkPolicy topology's start, the enforcer's wait, then `probing`: a case's plan as harness/plan.ts makes it. */
function netpolPlan(probing: PlanStep[]): PlanStep[] {
  return [
    { kind: 'wait', condition: { kind: 'podsRunning', targets: [] }, deadlineSeconds: 120 },
    { kind: 'observe', seconds: 3, from: 'now', why: 'the NetworkPolicy enforcer programs the policies' },
    ...probing,
  ];
}

describe('plannedCaseMs', () => {
  test('an updated-reachability case (two 72-cell phases around a change) is planned near its live 24-53 s, not as two full matrices', () => {
    const updated = plannedCaseMs(
      netpolPlan([
        { kind: 'probeReachability', cells: 'update' },
        { kind: 'observe', seconds: 3, from: 'now', why: 'the NetworkPolicy enforcer programs the change' },
        { kind: 'probeReachability', cells: 'update' },
      ]),
    );
    const matrix = plannedCaseMs(netpolPlan([{ kind: 'probeReachability' }]));
    expect(updated / 1000).toBeGreaterThan(24);
    expect(updated / 1000).toBeLessThan(53);
    expect(matrix).toBeGreaterThan(updated);
  });
});
