import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { V1NetworkPolicy, V1Pod } from '@kubernetes/client-node';
import { DEFAULT_MODEL_OPTIONS, type Expectation } from '../../model/expectation';
import { expectNetworkPolicy } from '../../model/networkpolicy/expect';
import type { NetworkPolicyScenario } from '../../model/scenario/families';
import { NAMESPACE_NAME_LABEL_KEY, TOPOLOGY_PODS } from '../../model/networkpolicy/topology';
import type { NetpolPort, NetworkPolicySpec, Selector } from '../../model/scenario/policies';
import type { FakeDefect } from '../../harness/fake/defects';
import { NETPOL_ENFORCEMENT_LAG_MS } from '../../harness/fake/fake-cluster';
import { NETPOL_ENFORCEMENT_SETTLE_SECONDS } from '../../harness/plan';
import { runCase, type CaseRun } from '../../harness/run-case';
import { attemptStatuses } from '../../reporting/property-verdict';
import type { CaseReport } from '../../reporting/report-types';
import { runConformance, type ConformanceOptions } from '../../runner/conformance-run';
import { knownIssueForFailure, loadKnownIssues } from '../../runner/known-issues';
import { judgeCase } from '../../verdicts/case-verdict';
import { observeNetworkPolicy } from '../../harness/observe/networkpolicy';
import type { PropertyDefinition } from '../../runner/property-definition';
import { runProperty } from '../../runner/property-runner';
import { NETWORKPOLICY_PROPERTIES } from '../../suites/networkpolicy';
import { reachabilityMatrix } from '../../suites/networkpolicy/reachability-matrix.property';
import { updatedReachability } from '../../suites/networkpolicy/updated-reachability.property';
import { expectUpdatedReachability } from '../../model/networkpolicy/expect-updated';
import { observeUpdatedReachability } from '../../harness/observe/networkpolicy';
import { fakeTarget, type FakeTarget } from '../support/fake-target';

const SEED = 20240611;
const RUNS = 8;
/** Virtual time makes a case take well under a second; the margin is for loaded machines. */
const FAKE_RUN_TIMEOUT_MS = 120_000;

/** Runs one case on a fake target as the run's executor does, with the property's case deadline. */
function runOnTarget(
  target: FakeTarget,
  scenario: NetworkPolicyScenario,
  expectation: Expectation,
  ids: { runId: string; caseId: string; property: PropertyDefinition<'networkpolicy'> },
): Promise<CaseRun> {
  return runCase(target.fake, scenario, expectation, {
    runId: ids.runId,
    caseId: ids.caseId,
    image: 'busybox:test',
    clock: target.clock,
    signal: target.signal,
    caseDeadlineSeconds: ids.property.budget.caseSeconds,
    cleanup: target.cleanup,
    capabilities: target.cluster.capabilities,
  });
}

let reportRoot: string;
beforeAll(() => {
  reportRoot = mkdtempSync(join(tmpdir(), 'kubeprop-netpol-fake-'));
});
afterAll(() => rmSync(reportRoot, { recursive: true, force: true }));

function options(definition: PropertyDefinition, label: string): ConformanceOptions {
  return {
    runId: label,
    seed: SEED,
    families: ['networkpolicy'],
    propertyIds: [definition.id],
    runs: RUNS,
    concurrency: 4,
    image: 'busybox:test',
    reportDir: join(reportRoot, `${label}-${definition.id.replace('/', '-')}`),
    knownIssues: [],
    keepTraces: false,
    modelOptions: DEFAULT_MODEL_OPTIONS,
    kubepropVersion: 'test',
  };
}

/** Policies + rules + peers + ports: what the shrinker reduces. */
function size(scenario: NetworkPolicyScenario): number {
  return scenario.policies.reduce(
    (total, policy) =>
      total +
      1 +
      [...(policy.ingress ?? []), ...(policy.egress ?? [])].reduce(
        (rules, rule) => rules + 1 + rule.peers.length + rule.ports.length,
        0,
      ),
    0,
  );
}

/** policyTypes default (pkg/apis/networking/v1/defaults.go): Egress only when egress rules exist. */
function isolatesEgress(policy: NetworkPolicySpec): boolean {
  return policy.policyTypes?.includes('Egress') ?? (policy.egress ?? []).length > 0;
}

describe('networkpolicy properties against the conforming fake', () => {
  test('the case waits out the simulated enforcer lag before probing, as it must on a real cluster', () => {
    // With the settle at 0 every test below fails: cells probed before the fake programs a policy
    // connect through it (kube-router v1.2.2 showed the same lag live).
    expect(NETPOL_ENFORCEMENT_SETTLE_SECONDS * 1000).toBeGreaterThan(NETPOL_ENFORCEMENT_LAG_MS);
  });

  test.each(NETWORKPOLICY_PROPERTIES.map((d) => [d.id, d] as const))(
    '%s passes',
    async (_id, definition) => {
      const target = fakeTarget({ seed: 7 });
      const result = await runConformance([definition], target, options(definition, 'conforming'));
      const end = result.outcomes[0].end;
      expect({ verdict: end.verdict, reason: end.reason }).toEqual({ verdict: 'pass', reason: undefined });
      expect(end.runsMade).toBe(RUNS);
      expect(result.failed).toBe(false);
    },
    FAKE_RUN_TIMEOUT_MS,
  );

  test(
    'on a node without SCTP (like the v1.26.1 test node) the matrix passes on its TCP and UDP cells alone',
    async () => {
      const target = fakeTarget({ seed: 7, sctp: false });
      const cases: CaseReport[] = [];
      const outcome = await runProperty(
        reachabilityMatrix,
        target.cluster.capabilities,
        target.executorFor(reachabilityMatrix),
        { seed: SEED, numRuns: 3, concurrency: 3, clock: target.clock, signal: target.signal },
        { onCase: (report) => cases.push(report) },
      );
      expect(outcome.end.verdict).toBe('pass');
      expect(cases).toHaveLength(3);
      for (const c of cases) {
        expect(Object.keys(c.expectation.fields)).toHaveLength(216);
        expect(c.objects.filter((o) => o.kind === 'Pod').every((o) => o.spec?.containers.length === 3)).toBe(
          true,
        );
      }
    },
    FAKE_RUN_TIMEOUT_MS,
  );

  test('every property skips, never fails, when the canary saw NetworkPolicy not enforced', async () => {
    const target = fakeTarget({ networkPolicyEnforced: false });
    for (const definition of NETWORKPOLICY_PROPERTIES) {
      const result = await runConformance([definition], target, options(definition, 'not-enforced'));
      const end = result.outcomes[0].end;
      expect(end).toMatchObject({
        verdict: 'skipped',
        reason: "NetworkPolicy not enforced by this cluster's CNI (canary)",
        runsMade: 0,
      });
    }
  });
});

describe('the NetworkPolicy case runs through the mapper and the prober', () => {
  // Egress of x/a only to y/b's IP; egress of z/b to every topology pod except x/a.
  const scenario: NetworkPolicyScenario = {
    family: 'networkpolicy',
    policies: [
      {
        name: 'p0',
        namespace: 'x',
        podSelector: { matchLabels: { pod: 'a' } },
        policyTypes: ['Egress'],
        egress: [{ peers: [{ kind: 'ipBlock', cidr: 'pod:y/b', except: [] }], ports: [] }],
      },
      {
        name: 'p1',
        namespace: 'z',
        podSelector: { matchLabels: { pod: 'b' } },
        policyTypes: ['Egress'],
        egress: [{ peers: [{ kind: 'ipBlock', cidr: 'pods', except: ['pod:x/a'] }], ports: [] }],
      },
    ],
  };

  test('ipBlocks resolve to the running pods and every cell is probed once', async () => {
    const target = fakeTarget();
    const expectation = expectNetworkPolicy(scenario, target.cluster.capabilities, DEFAULT_MODEL_OPTIONS);
    const run = await runOnTarget(target, scenario, expectation, {
      runId: 'wiring',
      caseId: 'ipblock',
      property: reachabilityMatrix,
    });
    expect(run.inconclusive).toBeUndefined();
    expect(run.namespaces).toHaveLength(3);

    const podOf = new Map<string, V1Pod>();
    for (const entry of run.trace) {
      if (entry.kind === 'podWatch' && entry.object.status?.podIP)
        podOf.set(entry.object.status.podIP, entry.object);
    }
    const policies = run.objects.filter(
      (o): o is V1NetworkPolicy & { kind: 'NetworkPolicy' } => o.kind === 'NetworkPolicy',
    );
    const p0Block = policies.find((p) => p.metadata?.name === 'p0')?.spec?.egress?.[0].to?.[0].ipBlock;
    // pod:y/b becomes the host CIDR of the pod named b in the case's y namespace.
    const [p0Ip, p0Bits] = (p0Block?.cidr ?? '').split('/');
    expect(p0Bits).toBe('32');
    expect(podOf.get(p0Ip)?.metadata).toMatchObject({
      name: 'b',
      namespace: `${run.namespaces?.[0].replace(/-x$/, '')}-y`,
    });
    const p1Block = policies.find((p) => p.metadata?.name === 'p1')?.spec?.egress?.[0].to?.[0].ipBlock;
    expect(p1Block?.except).toHaveLength(1);
    expect(podOf.get((p1Block?.except?.[0] ?? '').split('/')[0])?.metadata?.name).toBe('a');

    const probed = new Map<string, boolean>();
    for (const entry of run.trace) {
      if (entry.kind === 'reachability')
        probed.set(`${entry.from}->${entry.to}:${entry.port}/${entry.protocol}`, entry.connected);
      expect(entry.kind).not.toBe('gap');
    }
    // 9 pods, 72 ordered pairs of distinct pods, 4 served ports each (the fake node carries SCTP).
    expect(probed.size).toBe(72 * 4);
    expect(probed.get('x/a->y/b:80/TCP')).toBe(true);
    expect(probed.get('x/a->y/b:80/UDP')).toBe(true);
    expect(probed.get('x/a->y/b:80/SCTP')).toBe(true);
    expect(probed.get('x/a->y/c:80/SCTP')).toBe(false);
    expect(probed.get('x/a->y/c:81/TCP')).toBe(false);
    expect(probed.get('x/a->x/b:80/TCP')).toBe(false);
    expect(probed.get('z/b->x/a:80/TCP')).toBe(false);
    expect(probed.get('z/b->x/b:81/TCP')).toBe(true);
    // Ingress is open everywhere: unselected sources reach x/a.
    expect(probed.get('y/c->x/a:80/UDP')).toBe(true);

    // Cleanup removed the three namespaces.
    for (const namespace of run.namespaces ?? [])
      expect(await target.fake.readNamespace(namespace)).toBeUndefined();
  });
});

describe('seeded defect netpol-egress-ignored', () => {
  test(
    'is caught, confirmed and shrunk to one policy with an egress rule',
    async () => {
      const target = fakeTarget({ defects: ['netpol-egress-ignored'], seed: 7 });
      const cases: CaseReport[] = [];
      const outcome = await runProperty(
        reachabilityMatrix,
        target.cluster.capabilities,
        target.executorFor(reachabilityMatrix),
        { seed: SEED, numRuns: RUNS, concurrency: 4, clock: target.clock, signal: target.signal },
        { onCase: (report) => cases.push(report) },
      );
      expect(outcome.end.verdict).toBe('fail');
      const minimal = outcome.minimal;
      if (minimal === undefined) throw new Error('no minimal counterexample');

      // Confirmed: a re-run of the minimal case failed too.
      const statuses = attemptStatuses(
        cases.map((c) => ({ id: c.id, outcome: c.verdict.outcome, attempt: c.attempt })),
      );
      expect(statuses.get(minimal.report.id)).toBe('confirmed');

      // Shrunk: no larger than the first failing exploration case, and down to one policy.
      const firstFailing = cases.find((c) => /-r\d+$/.test(c.id) && c.verdict.outcome === 'fail');
      const scenario = minimal.scenario;
      expect(size(scenario)).toBeLessThanOrEqual(size(firstFailing?.scenario as NetworkPolicyScenario));
      expect(scenario.policies).toHaveLength(1);
      const [policy] = scenario.policies;
      expect(isolatesEgress(policy)).toBe(true);
      // One egress rule at most: with none the policy denies all egress, which the defect lets through.
      expect((policy.egress ?? []).length).toBeLessThanOrEqual(1);
      expect(policy.ingress ?? []).toHaveLength(0);

      // Symptom: only cells the source's egress should block, observed connected, from the policy's namespace.
      const failed = outcome.end.counterexample?.failedFields ?? [];
      expect(failed.length).toBeGreaterThan(0);
      for (const field of failed) {
        expect(field).toMatchObject({
          rule: 'networkpolicy.egress-isolation',
          detail: 'expected false, observed true',
        });
        expect(field.field.startsWith(`${policy.namespace}/`)).toBe(true);
      }
    },
    FAKE_RUN_TIMEOUT_MS,
  );
});

describe('seeded defect netpol-end-port-ignored (kube-router v1.2.2 on a real v1.26.1 node)', () => {
  // The minimal failure of the live run (seed 1): z's pods may send to y/c on 80–82/TCP and 82/TCP.
  // kube-router v1.2.2 dropped endPort, so 81/TCP was denied; 80/TCP and everything else matched.
  const scenario: NetworkPolicyScenario = {
    family: 'networkpolicy',
    policies: [
      {
        name: 'p0',
        namespace: 'z',
        podSelector: { matchLabels: {} },
        policyTypes: ['Egress'],
        egress: [
          {
            peers: [
              {
                kind: 'podInNamespace',
                podSelector: { matchLabels: { pod: 'c' } },
                namespaceSelector: { matchLabels: { ns: 'y' } },
              },
            ],
            ports: [
              { protocol: 'TCP', port: 80, endPort: 82 },
              { protocol: 'TCP', port: 82 },
            ],
          },
        ],
      },
    ],
  };

  test('fails exactly the end-port-range cells, which the shipped kube-router known-issues file covers', async () => {
    const target = fakeTarget({ defects: ['netpol-end-port-ignored'] });
    const expectation = expectNetworkPolicy(scenario, target.cluster.capabilities, DEFAULT_MODEL_OPTIONS);
    const run = await runOnTarget(target, scenario, expectation, {
      runId: 'end-port',
      caseId: 'end-port-ignored',
      property: reachabilityMatrix,
    });
    const verdict = judgeCase(
      expectation,
      observeNetworkPolicy(run.trace, scenario),
      reachabilityMatrix.fields,
    );
    expect(verdict.outcome).toBe('fail');
    const failed = verdict.diff.filter((field) => field.outcome === 'fail');
    expect(failed.map((field) => field.field).sort()).toEqual([
      'z/a->y/c:81/TCP',
      'z/b->y/c:81/TCP',
      'z/c->y/c:81/TCP',
    ]);
    for (const field of failed) {
      expect(field).toMatchObject({
        rule: 'networkpolicy.end-port-range',
        detail: 'expected true, observed false',
      });
    }

    const issues = loadKnownIssues(join(__dirname, '../../docs/known-issues/kube-router-v1.2.yaml'));
    expect(knownIssueForFailure(issues, failed, target.cluster.capabilities.version)).toContain(
      'kube-router#1080',
    );
    // Any other failure of the same case is not hidden by it.
    expect(
      knownIssueForFailure(
        issues,
        [...failed, { ...failed[0], rule: 'networkpolicy.rule-allows' }],
        target.cluster.capabilities.version,
      ),
    ).toBeUndefined();
  });
});

const usesNamespaceNameLabel = (selector: Selector): boolean =>
  selector.matchLabels[NAMESPACE_NAME_LABEL_KEY] !== undefined ||
  (selector.matchExpressions ?? []).some((e) => e.key === NAMESPACE_NAME_LABEL_KEY);

/** What the minimal counterexample of each defect must still contain: the feature the defect breaks. */
/** Defects only SCTP cells can show. */
const SCTP_ONLY: ReadonlySet<FakeDefect> = new Set([
  'netpol-sctp-ports-dropped',
  'netpol-tcp-port-admits-sctp',
]);
const hasSctpPort = (policy: NetworkPolicySpec): boolean =>
  [...(policy.ingress ?? []), ...(policy.egress ?? [])].some((r) =>
    r.ports.some((p) => p.protocol === 'SCTP'),
  );
const hasTcpPort = (policy: NetworkPolicySpec): boolean =>
  [...(policy.ingress ?? []), ...(policy.egress ?? [])].some((r) =>
    r.ports.some((p) => p.protocol === 'TCP'),
  );

const FEATURE_OF: Partial<Record<FakeDefect, (policy: NetworkPolicySpec) => boolean>> = {
  // Seen only on SCTP cells: the fake node carries SCTP, so the topology serves 80/SCTP.
  'netpol-sctp-ports-dropped': hasSctpPort,
  'netpol-tcp-port-admits-sctp': hasTcpPort,
  'netpol-sctp-as-tcp': (policy) =>
    [...(policy.ingress ?? []), ...(policy.egress ?? [])].some((r) =>
      r.ports.some((p) => p.protocol === 'SCTP'),
    ),
  'netpol-sctp-policy-skipped': (policy) =>
    [...(policy.ingress ?? []), ...(policy.egress ?? [])].some((r) =>
      r.ports.some((p) => p.protocol === 'SCTP'),
    ),
  'netpol-namespace-name-label-ignored': (policy) =>
    [...(policy.ingress ?? []), ...(policy.egress ?? [])].some((r) =>
      r.peers.some(
        (p) =>
          (p.kind === 'namespace' || p.kind === 'podInNamespace') &&
          usesNamespaceNameLabel(p.namespaceSelector),
      ),
    ),
};

describe.each(Object.keys(FEATURE_OF) as FakeDefect[])('seeded defect %s', (defect) => {
  test(
    'is caught and shrunk to one policy that still has the feature it breaks',
    async () => {
      const target = fakeTarget({ defects: [defect], seed: 7 });
      const outcome = await runProperty(
        reachabilityMatrix,
        target.cluster.capabilities,
        target.executorFor(reachabilityMatrix),
        { seed: SEED, numRuns: RUNS, concurrency: 4, clock: target.clock, signal: target.signal },
        { onCase: () => undefined },
      );
      expect(outcome.end.verdict).toBe('fail');
      const scenario = outcome.minimal?.scenario;
      if (scenario === undefined) throw new Error('no minimal counterexample');
      expect(scenario.policies).toHaveLength(1);
      expect(FEATURE_OF[defect]?.(scenario.policies[0])).toBe(true);
      if (SCTP_ONLY.has(defect)) {
        const failed = outcome.end.counterexample?.failedFields ?? [];
        expect(failed.length).toBeGreaterThan(0);
        expect(failed.filter((field) => !field.field.endsWith(':80/SCTP'))).toEqual([]);
      }
    },
    FAKE_RUN_TIMEOUT_MS,
  );
});

describe('the SCTP-only defects on a node without SCTP', () => {
  // The same shrunk shapes, on a topology without SCTP cells: nothing shows them, which is why the
  // canary's SCTP control decides whether SCTP cells exist rather than assuming them.
  const scenarioOf = (port: NetpolPort): NetworkPolicyScenario => ({
    family: 'networkpolicy',
    policies: [
      {
        name: 'p0',
        namespace: 'x',
        podSelector: { matchLabels: {} },
        ingress: [{ peers: [], ports: [port] }],
      },
    ],
  });
  test.each([
    ['netpol-sctp-ports-dropped', { protocol: 'SCTP', port: 80 }],
    ['netpol-tcp-port-admits-sctp', { protocol: 'TCP', port: 80 }],
  ] as [FakeDefect, NetpolPort][])(
    '%s fails SCTP cells only, and only where they are probed',
    async (defect, port) => {
      const failures = async (sctp: boolean): Promise<string[]> => {
        const target = fakeTarget({ defects: [defect], sctp });
        const scenario = scenarioOf(port);
        const expectation = expectNetworkPolicy(scenario, target.cluster.capabilities, DEFAULT_MODEL_OPTIONS);
        const run = await runOnTarget(target, scenario, expectation, {
          runId: 'sctp',
          caseId: defect,
          property: reachabilityMatrix,
        });
        const verdict = judgeCase(
          expectation,
          observeNetworkPolicy(run.trace, scenario),
          reachabilityMatrix.fields,
        );
        return verdict.diff.filter((field) => field.outcome !== 'pass').map((field) => field.field);
      };
      // Into each of x's three pods on 80/SCTP, from each of the 8 other pods.
      const intoX = TOPOLOGY_PODS.filter((p) => p.namespace === 'x').flatMap((to) =>
        TOPOLOGY_PODS.filter((from) => from.id !== to.id).map((from) => `${from.id}->${to.id}:80/SCTP`),
      );
      expect((await failures(true)).sort()).toEqual(intoX.sort());
      expect(await failures(false)).toEqual([]);
    },
  );
});

describe('networkpolicy/updated-reachability on the fake', () => {
  // x is denied all ingress, then the policy is deleted: every 80/TCP cell into x flips to connected.
  const scenario: NetworkPolicyScenario = {
    family: 'networkpolicy',
    policies: [
      { name: 'p0', namespace: 'x', podSelector: { matchLabels: {} }, policyTypes: ['Ingress'], ingress: [] },
    ],
    mutation: { kind: 'deletePolicy', name: 'p0' },
  };

  test('probes 72 cells before and after the change, each phase as its state allows', async () => {
    const target = fakeTarget();
    const expectation = expectUpdatedReachability(
      scenario,
      target.cluster.capabilities,
      DEFAULT_MODEL_OPTIONS,
    );
    const run = await runOnTarget(target, scenario, expectation, {
      runId: 'update',
      caseId: 'delete-policy',
      property: updatedReachability,
    });
    expect(run.inconclusive).toBeUndefined();
    const observation = observeUpdatedReachability(run.trace, scenario);
    expect(observation.fields['before y/a->x/b:80/TCP']).toEqual({ kind: 'value', value: false });
    expect(observation.fields['after y/a->x/b:80/TCP']).toEqual({ kind: 'value', value: true });
    expect(run.trace.filter((e) => e.kind === 'reachability')).toHaveLength(72 * 2 + 24);
    const verdict = judgeCase(expectation, observation, updatedReachability.fields);
    expect(verdict.outcome).toBe('pass');
    expect(verdict.diff).toHaveLength(144);
  });

  test('probing right after the change sees the simulated enforcer still enforcing the deleted policy', async () => {
    // The second settle matters: without it the fake (like kube-router) still isolates x.
    const target = fakeTarget();
    await target.fake.createNamespace({ metadata: { name: 'lag' } });
    const created = await target.fake.create('lag', {
      kind: 'NetworkPolicy',
      metadata: { name: 'p0', namespace: 'lag' },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    });
    expect(created.ok).toBe(true);
    await target.clock.sleep(NETPOL_ENFORCEMENT_LAG_MS, target.signal);
    await target.fake.deleteNetworkPolicy('lag', 'p0');
    const programmed = (): number =>
      target.fake['programmedPolicies']().filter((p) => p.metadata?.namespace === 'lag').length;
    expect(programmed()).toBe(1);
    await target.clock.sleep(NETPOL_ENFORCEMENT_LAG_MS, target.signal);
    expect(programmed()).toBe(0);
  });

  test('the seeded defect netpol-pod-relabel-ignored fails exactly the cells the new label changes', async () => {
    // Upstream's "should deny ingress access to updated pod": x/a gets the label a deny-all selects.
    const relabel: NetworkPolicyScenario = {
      family: 'networkpolicy',
      policies: [
        {
          name: 'p0',
          namespace: 'x',
          podSelector: { matchLabels: { updated: 'yes' } },
          policyTypes: ['Ingress'],
          ingress: [],
        },
      ],
      mutation: { kind: 'labelPod', namespace: 'x', pod: 'a' },
    };
    const failures = async (defects: FakeDefect[]): Promise<string[]> => {
      const target = fakeTarget({ defects });
      const expectation = expectUpdatedReachability(
        relabel,
        target.cluster.capabilities,
        DEFAULT_MODEL_OPTIONS,
      );
      const run = await runOnTarget(target, relabel, expectation, {
        runId: 'relabel',
        caseId: 'label-pod',
        property: updatedReachability,
      });
      const verdict = judgeCase(
        expectation,
        observeUpdatedReachability(run.trace, relabel),
        updatedReachability.fields,
      );
      return verdict.diff.filter((field) => field.outcome !== 'pass').map((field) => field.field);
    };
    expect(await failures([])).toEqual([]);
    // Every source into x/a, after the change only.
    expect((await failures(['netpol-pod-relabel-ignored'])).sort()).toEqual(
      ['x/b', 'x/c', 'y/a', 'y/b', 'y/c', 'z/a', 'z/b', 'z/c'].map((from) => `after ${from}->x/a:80/TCP`),
    );
  });
});
