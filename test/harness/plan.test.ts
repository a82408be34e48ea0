import fc from 'fast-check';
import { manifestsFor } from '../../generators/manifests';
import { terminationScenario } from '../../generators/termination-scenario';
import {
  LATE_FACTOR,
  latestWindowEnd,
  NETPOL_ENFORCEMENT_SETTLE_SECONDS,
  planCase,
  type PlanStep,
} from '../../harness/plan';
import { networkPolicyManifests } from '../../generators/manifests/networkpolicy';
import { defaultCapabilities, LATEST_VERSION } from '../../model/capabilities';
import type { Expectation } from '../../model/expectation';
import type { PodScenario, Scenario } from '../../model/scenario';

const OPTIONS = { image: 'busybox:1.36', namespace: 'kp-ns', labels: {} };
const NO_FIELDS: Expectation = { family: 'termination', fields: {} };

const POD: PodScenario = {
  name: 'p',
  restartPolicy: 'Always',
  terminationGracePeriodSeconds: 30,
  initContainers: [],
  labels: { app: 'p' },
  containers: [
    {
      name: 'c',
      behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' } },
      ports: [],
      resources: { requests: {}, limits: {} },
      lifecycle: {},
      probes: {},
    },
  ],
};

function shape(steps: PlanStep[]): string[] {
  return steps.map((s) => {
    switch (s.kind) {
      case 'create':
        return `create ${s.object.kind}/${s.object.metadata?.name}`;
      case 'wait':
        return `wait ${s.condition.kind}`;
      default:
        return s.kind;
    }
  });
}

describe('planCase', () => {
  test('networkpolicy: pods Running, policies, then a settle for the enforcer before any probe', () => {
    // Live, a cell probed in the first second after the policies' creation connected through a fresh
    // ingress isolation (kube-router v1.2.2 took 1.2–2.3 s to program a policy).
    const scenario: Scenario = {
      family: 'networkpolicy',
      policies: [{ name: 'p0', namespace: 'y', podSelector: { matchLabels: {} }, policyTypes: ['Ingress'] }],
    };
    const netpol = networkPolicyManifests(scenario, {
      image: OPTIONS.image,
      namespacePrefix: 'kp-case',
      labels: {},
      caseId: 'case',
    });
    const manifests = {
      namespaceLabels: {},
      objects: [...netpol.pods.map((p) => p.object), ...netpol.policies.map((p) => p.object)],
    };
    const steps = planCase(scenario, { family: 'networkpolicy', fields: {} }, manifests);
    expect(shape(steps).slice(-4)).toEqual([
      'wait podsRunning',
      'create NetworkPolicy/p0',
      'observe',
      'probeReachability',
    ]);
    const settle = steps[steps.length - 2];
    expect(settle).toMatchObject({ kind: 'observe', from: 'now' });
    expect(settle.kind === 'observe' && settle.seconds).toBeGreaterThanOrEqual(
      NETPOL_ENFORCEMENT_SETTLE_SECONDS,
    );
    expect(NETPOL_ENFORCEMENT_SETTLE_SECONDS).toBeGreaterThanOrEqual(3);
    expect(steps[steps.length - 1]).toEqual({ kind: 'probeReachability' });
    // Pods serving SCTP (the run carries it): the SCTP cells are probed too.
    const sctp = networkPolicyManifests(scenario, {
      image: OPTIONS.image,
      sctpImage: 'agnhost',
      namespacePrefix: 'kp-case',
      labels: {},
      caseId: 'case',
    });
    const withSctp = planCase(
      scenario,
      { family: 'networkpolicy', fields: {} },
      {
        namespaceLabels: {},
        objects: [...sctp.pods.map((p) => p.object), ...sctp.policies.map((p) => p.object)],
      },
    );
    expect(withSctp[withSctp.length - 1]).toEqual({ kind: 'probeReachability', sctp: true });
  });

  test('termination: Service and pod, Running, the delay, delete with the override, stopped, final read', () => {
    const scenario: Scenario = {
      family: 'termination',
      pod: POD,
      delete: { afterRunningSeconds: 2, gracePeriodSeconds: 5 },
      withService: true,
    };
    const steps = planCase(scenario, NO_FIELDS, manifestsFor(scenario, OPTIONS));
    expect(shape(steps)).toEqual([
      'create Service/svc-p',
      'create Pod/p',
      'wait podRunning',
      'observe',
      'deletePod',
      'wait podStopped',
      'snapshotPod',
    ]);
    expect(steps[3]).toMatchObject({ seconds: 2, from: 'now' });
    expect(steps[4]).toMatchObject({ gracePeriodSeconds: 5 });
  });

  test('the stop deadline covers SIGKILL at grace + 2 s and the latest window of the model', () => {
    const scenario: Scenario = {
      family: 'termination',
      pod: POD,
      delete: { afterRunningSeconds: 0 },
      withService: false,
    };
    const manifests = manifestsFor(scenario, OPTIONS);
    const stop = (e: Expectation): number => {
      const step = planCase(scenario, e, manifests).find(
        (s) => s.kind === 'wait' && s.condition.kind === 'podStopped',
      );
      return step?.kind === 'wait' ? step.deadlineSeconds : NaN;
    };
    // Spec grace 30 s: SIGKILL may come at 30 + 2 s (kuberuntime minimumGracePeriodInSeconds).
    expect(stop(NO_FIELDS)).toBeGreaterThanOrEqual(32);
    const late: Expectation = {
      family: 'termination',
      fields: {
        x: { rule: 'r', because: 'b', expected: { kind: 'window', earliest: 40, latest: 50, slack: 1 } },
      },
    };
    expect(latestWindowEnd(late)).toBe(51);
    expect(stop(late)).toBeGreaterThanOrEqual(51);
  });

  describe('Ready is waited for only when the model says it can come', () => {
    const readiness = {
      handler: { kind: 'exec' as const },
      initialDelaySeconds: 0,
      periodSeconds: 2,
      timeoutSeconds: 1,
      successThreshold: 1,
      failureThreshold: 3,
    };
    const readyWait = (c: PodScenario['containers'][number]) => {
      const scenario: Scenario = {
        family: 'termination',
        pod: { ...POD, containers: [c] },
        delete: { afterRunningSeconds: 0 },
        withService: false,
      };
      return planCase(scenario, NO_FIELDS, manifestsFor(scenario, OPTIONS)).find(
        (s) => s.kind === 'wait' && s.condition.kind === 'podReady',
      );
    };
    const base = POD.containers[0];

    test('signal on at 3 s: the wait is an outcome, bounded by LATE_FACTOR × the latest Ready plus a period', () => {
      const ready = readyWait({
        ...base,
        behaviour: { ...base.behaviour, readyAfterSeconds: 3 },
        probes: { readiness },
      });
      expect(ready).toMatchObject({ timeoutIsOutcome: true });
      // Ready by 3 + 2 s (one period) at the latest: at least twice that plus the period.
      expect(ready?.kind === 'wait' && ready.deadlineSeconds).toBeGreaterThanOrEqual(LATE_FACTOR * 5 + 2);
    });

    test('no readiness signal ever: no wait', () => {
      expect(readyWait({ ...base, probes: { readiness } })).toBeUndefined();
    });

    test('gRPC readiness (nothing in busybox serves gRPC health): no wait', () => {
      expect(
        readyWait({
          ...base,
          behaviour: { ...base.behaviour, readyAfterSeconds: 0 },
          probes: { readiness: { ...readiness, handler: { kind: 'grpc', port: 9000 } } },
        }),
      ).toBeUndefined();
    });

    test('a readiness window shorter than successThreshold × period: no wait', () => {
      expect(
        readyWait({
          ...base,
          behaviour: { ...base.behaviour, readyAfterSeconds: 1, unreadyAfterSeconds: 2 },
          probes: { readiness: { ...readiness, successThreshold: 3 } },
        }),
      ).toBeUndefined();
    });
  });

  test('a late stop is still observed: the stop wait covers a 1.26 kubelet using the spec period plus the preStop (kubernetes#115817)', () => {
    const withPreStop: PodScenario = {
      ...POD,
      containers: [
        { ...POD.containers[0], lifecycle: { preStop: { kind: 'exec', durationSeconds: 4, exitCode: 0 } } },
      ],
    };
    const scenario: Scenario = {
      family: 'termination',
      pod: withPreStop,
      delete: { afterRunningSeconds: 0, gracePeriodSeconds: 0 },
      withService: false,
    };
    const stop = planCase(scenario, NO_FIELDS, manifestsFor(scenario, OPTIONS)).find(
      (s) => s.kind === 'wait' && s.condition.kind === 'podStopped',
    );
    // Deleted with 0: the 1.26 kubelet kills after preStop (4 s) + the spec's 30 s.
    expect(stop).toMatchObject({ timeoutIsOutcome: true });
    expect(stop?.kind === 'wait' && stop.deadlineSeconds).toBeGreaterThanOrEqual(
      LATE_FACTOR * (4 + 0 + 2) + 30,
    );
  });

  test('quota: the quota is initialised before any pod, usage read after every step', () => {
    const scenario: Scenario = {
      family: 'quota',
      quota: { name: 'q', hard: { pods: 1 }, scopes: [] },
      steps: [
        { kind: 'create', pod: { ...POD, name: 'a' } },
        { kind: 'delete', podName: 'a' },
      ],
    };
    expect(shape(planCase(scenario, NO_FIELDS, manifestsFor(scenario, OPTIONS)))).toEqual([
      'create ResourceQuota/q',
      'wait quotaInitialised',
      'snapshotQuota',
      'create Pod/a',
      'wait quotaSettled',
      'snapshotQuota',
      'deletePod',
      'wait podGone',
      'wait quotaSettled',
      'snapshotQuota',
    ]);
  });

  test('resources with an extended resource patch the node first; the observe window counts from creation', () => {
    const scenario: Scenario = {
      family: 'resources',
      pod: POD,
      observeSeconds: 7,
      extendedCapacity: { resource: 'example.com/dongle', perNode: 2 },
    };
    const steps = planCase(scenario, NO_FIELDS, manifestsFor(scenario, OPTIONS));
    expect(steps[0]).toEqual({ kind: 'patchNodeCapacity', resource: 'example.com/dongle', count: 2 });
    expect(steps.find((s) => s.kind === 'observe')).toMatchObject({ seconds: 7, from: 'podCreated' });
  });

  test('generated termination cases: every wait has a positive deadline, and the delete uses the scenario override', () => {
    fc.assert(
      fc.property(terminationScenario(defaultCapabilities(LATEST_VERSION)), (scenario) => {
        const steps = planCase(scenario, NO_FIELDS, manifestsFor(scenario, OPTIONS));
        for (const step of steps) if (step.kind === 'wait') expect(step.deadlineSeconds).toBeGreaterThan(0);
        const del = steps.find((s) => s.kind === 'deletePod');
        expect(del).toMatchObject({
          kind: 'deletePod',
          gracePeriodSeconds: scenario.delete.gracePeriodSeconds,
        });
        const observes = steps.filter((s) => s.kind === 'observe');
        expect(observes).toEqual([
          {
            kind: 'observe',
            seconds: scenario.delete.afterRunningSeconds,
            from: 'now',
            why: 'delay before the delete',
          },
        ]);
      }),
    );
  });
});
