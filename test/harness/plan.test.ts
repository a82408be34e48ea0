import fc from 'fast-check';
import { manifestsFor } from '../../generators/manifests';
import { terminationScenario } from '../../generators/termination-scenario';
import { latestWindowEnd, planCase, type PlanStep } from '../../harness/plan';
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

  test('a pod with readiness waits for Ready, but a timeout there is an outcome, not a failure', () => {
    const withReadiness: PodScenario = {
      ...POD,
      containers: [
        {
          ...POD.containers[0],
          probes: {
            readiness: {
              handler: { kind: 'exec' },
              initialDelaySeconds: 0,
              periodSeconds: 1,
              timeoutSeconds: 1,
              successThreshold: 1,
              failureThreshold: 3,
            },
          },
        },
      ],
    };
    const scenario: Scenario = {
      family: 'termination',
      pod: withReadiness,
      delete: { afterRunningSeconds: 0 },
      withService: false,
    };
    const ready = planCase(scenario, NO_FIELDS, manifestsFor(scenario, OPTIONS)).find(
      (s) => s.kind === 'wait' && s.condition.kind === 'podReady',
    );
    expect(ready).toMatchObject({ timeoutIsOutcome: true });
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
