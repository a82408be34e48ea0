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

  test("a pod deleted with a zero grace is planned for its spec's period (the kubelet's before 1.27), the 30 s default when unset", () => {
    const pod = (grace?: number): PlanStep => ({
      kind: 'create',
      object: {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: 'pod' },
        spec: { terminationGracePeriodSeconds: grace, containers: [{ name: 'c', image: 'busybox' }] },
      },
    });
    const zeroDelete = (grace?: number): PlanStep[] => [
      pod(grace),
      { kind: 'deletePod', target: { pod: 'pod' }, gracePeriodSeconds: 0 },
      { kind: 'wait', condition: { kind: 'podStopped', target: { pod: 'pod' } }, deadlineSeconds: 60 },
    ];
    const six = plannedCaseMs(zeroDelete(6)) / 1000;
    const unset = plannedCaseMs(zeroDelete()) / 1000;
    expect(six).toBeGreaterThan(6);
    expect(six).toBeLessThan(10);
    expect(unset).toBeGreaterThan(30);
  });
});
