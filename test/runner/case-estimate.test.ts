import { join } from 'node:path';
import { readTimeline } from '../../bench/eta-replay';
import type { PlanStep } from '../../harness/plan';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import { plannedCaseMs, propertyPlan, scenarioCaseMs } from '../../runner/case-estimate';
import {
  EVICTION_MANAGER_KEY,
  EXTENDED_CAPACITY_KEY,
  sharedClusterState,
} from '../../harness/shared-cluster-state';
import { PROPERTIES } from '../../suites/registry';

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

describe('scenarioCaseMs', () => {
  // run11's scenarios and capabilities (v1.26.1): updated-reachability's four cases took 35-42 s there.
  const run11 = readTimeline(join(__dirname, '../fixtures/real-runs/v1.26.1-seed1-run11.timeline.json.gz'));
  const planned = (id: string): number[] => {
    const definition = PROPERTIES.find((d) => d.id === id);
    if (definition === undefined) throw new Error(`no property ${id}`);
    return run11.scenarios[id].map((scenario) =>
      scenarioCaseMs(definition, scenario, run11.capabilities, DEFAULT_MODEL_OPTIONS),
    );
  };

  test('an updated-reachability scenario is planned with its policy change, as the executor runs it: two update phases, not the whole matrix', () => {
    const updated = planned('networkpolicy/updated-reachability');
    expect(updated).toHaveLength(4);
    for (const ms of updated) {
      expect(ms / 1000).toBeGreaterThan(35);
      expect(ms / 1000).toBeLessThan(46);
    }
    expect(Math.min(...planned('networkpolicy/reachability-matrix'))).toBeGreaterThan(
      Math.max(...updated) + 20_000,
    );
  });

  test('where the run carries SCTP, a reachability-matrix case is planned with its 72 more cells: a third more probing', () => {
    const definition = PROPERTIES.find((d) => d.id === 'networkpolicy/reachability-matrix');
    if (definition === undefined) throw new Error('no reachability-matrix');
    const withSctp = { ...run11.capabilities, serverImage: 'agnhost', sctpTraffic: true };
    const noSctp = { ...withSctp, sctpTraffic: false };
    for (const scenario of run11.scenarios[definition.id]) {
      const extra =
        (scenarioCaseMs(definition, scenario, withSctp, DEFAULT_MODEL_OPTIONS) -
          scenarioCaseMs(definition, scenario, noSctp, DEFAULT_MODEL_OPTIONS)) /
        1000;
      // The 216-cell matrix is planned at 51.4 s (run10's mean): 288 cells at the same rate.
      expect(extra).toBeCloseTo(51.4 / 3, 1);
    }
    // updated-reachability probes 80/TCP only, whatever the topology serves.
    const updated = PROPERTIES.find((d) => d.id === 'networkpolicy/updated-reachability');
    if (updated === undefined) throw new Error('no updated-reachability');
    for (const scenario of run11.scenarios[updated.id])
      expect(scenarioCaseMs(updated, scenario, withSctp, DEFAULT_MODEL_OPTIONS)).toBe(
        scenarioCaseMs(updated, scenario, noSctp, DEFAULT_MODEL_OPTIONS),
      );
  });
});

describe('propertyPlan: the lock keys', () => {
  // run11 (seed 1, v1.26.1): the resources cases it ran, and the locks they took.
  const run11 = readTimeline(join(__dirname, '../fixtures/real-runs/v1.26.1-seed1-run11.timeline.json.gz'));

  test.each(['resources/extended-not-overcommittable', 'resources/ephemeral-eviction', 'probes/http-status'])(
    "%s: the locks of the run's own cases, in case order, planned from the seed before the run",
    (id) => {
      const definition = PROPERTIES.find((d) => d.id === id);
      if (definition === undefined) throw new Error(`no property ${id}`);
      const ran = run11.scenarios[id].map((scenario) => sharedClusterState(scenario));
      const runsPlanned = run11.properties.find((p) => p.id === id)?.runsPlanned ?? 0;
      expect(
        propertyPlan(definition, run11.capabilities, {
          seed: 1,
          numRuns: runsPlanned,
          modelOptions: DEFAULT_MODEL_OPTIONS,
        }).lockKeys,
      ).toEqual(ran);
    },
  );

  test('the lock-taking properties take theirs on every case; others none', () => {
    const keysOf = (id: string): string[][] =>
      run11.scenarios[id].map((scenario) => sharedClusterState(scenario));
    expect(
      keysOf('resources/extended-not-overcommittable').every((keys) => keys.includes(EXTENDED_CAPACITY_KEY)),
    ).toBe(true);
    expect(keysOf('resources/ephemeral-eviction').every((keys) => keys.includes(EVICTION_MANAGER_KEY))).toBe(
      true,
    );
    expect(keysOf('probes/http-status').every((keys) => keys.length === 0)).toBe(true);
  });
});
