// @ts-nocheck
import { defaultCapabilities, LATEST_VERSION, type Capabilities } from '../model/capabilities';
import { DEFAULT_MODEL_OPTIONS, type Expectation, type ModelOptions } from '../model/expectation';
import { expectHooks } from '../model/hooks';
import { expectInit } from '../model/init';
import { expectLimitRange } from '../model/limitrange';
import { expectPodSecurity } from '../model/podsecurity';
import { expectQuota } from '../model/quota';
import { expectResources } from '../model/resources';
import { expectProbes } from '../model/probes';
import type { ContainerScenario, PodScenario, Scenario } from '../model/scenario';
import { expectTermination } from '../model/termination';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

/** One family's measured model: fixed sample scenarios (no generator in the loop) and its expect function. */
interface ModelSample {
  name: string;
  scenarios: Scenario[];
  expect: (scenario: Scenario, capabilities: Capabilities, options: ModelOptions) => Expectation;
}

function c(name: string, extra: Partial<ContainerScenario> = {}): ContainerScenario {
  return {
    name,
    behaviour: {
      startDelaySeconds: 0,
      sigterm: { kind: 'ignore' },
      readyAfterSeconds: 2,
      unhealthyAfterSeconds: 20,
    },
    ports: [],
    resources: { requests: {}, limits: {} },
    lifecycle: { preStop: { kind: 'exec', durationSeconds: 2, exitCode: 0 } },
    probes: {},
    ...extra,
  };
}

function p(containers: ContainerScenario[], initContainers: ContainerScenario[] = []): PodScenario {
  return {
    name: 'p',
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 10,
    initContainers,
    containers,
    labels: {},
  };
}

const probe = {
  handler: { kind: 'exec' as const },
  initialDelaySeconds: 0,
  periodSeconds: 1,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
};

/** Extend with other families' samples: each entry is measured on its own and in the total. */
export const MODEL_SAMPLES: ModelSample[] = [
  {
    name: 'termination',
    scenarios: [
      {
        family: 'termination',
        pod: p([c('a'), c('b')]),
        delete: { afterRunningSeconds: 1 },
        withService: true,
      },
      {
        family: 'termination',
        pod: p([c('a')]),
        delete: { afterRunningSeconds: 1, gracePeriodSeconds: 0 },
        withService: false,
      },
    ],
    expect: (s, caps, o) => expectTermination(s as Extract<Scenario, { family: 'termination' }>, caps, o),
  },
  {
    name: 'hooks',
    scenarios: [
      {
        family: 'hooks',
        observeSeconds: 30,
        pod: p([c('a', { lifecycle: { postStart: { kind: 'exec', durationSeconds: 0, exitCode: 2 } } })]),
      },
      {
        family: 'hooks',
        observeSeconds: 30,
        delete: { afterRunningSeconds: 1 },
        pod: p([
          c('a', {
            lifecycle: { postStart: { kind: 'sleep', seconds: 2 }, preStop: { kind: 'sleep', seconds: 1 } },
          }),
        ]),
      },
    ],
    expect: (s, caps, o) => expectHooks(s as Extract<Scenario, { family: 'hooks' }>, caps, o),
  },
  {
    name: 'probes',
    scenarios: [
      {
        family: 'probes',
        observeSeconds: 60,
        withService: false,
        pod: p([
          c('a', {
            probes: { readiness: probe, liveness: probe, startup: { ...probe, failureThreshold: 10 } },
          }),
        ]),
      },
    ],
    expect: (s, caps, o) => expectProbes(s as Extract<Scenario, { family: 'probes' }>, caps, o),
  },
  {
    name: 'init',
    scenarios: [
      {
        family: 'init',
        observeSeconds: 30,
        pod: p(
          [c('app')],
          [
            c('side', { restartPolicy: 'Always' }),
            c('i1', {
              behaviour: {
                startDelaySeconds: 0,
                sigterm: { kind: 'ignore' },
                exitAfter: { seconds: 1, exitCode: 0 },
              },
            }),
            c('i2', {
              behaviour: {
                startDelaySeconds: 0,
                sigterm: { kind: 'ignore' },
                exitAfter: { seconds: 0, exitCode: 5 },
              },
            }),
          ],
        ),
      },
    ],
    expect: (s, caps, o) => expectInit(s as Extract<Scenario, { family: 'init' }>, caps, o),
  },
  {
    name: 'resources',
    scenarios: [
      {
        family: 'resources',
        observeSeconds: 60,
        pod: p([
          c('a', {
            resources: { requests: { cpuMilli: 100 }, limits: { cpuMilli: 200, memoryMi: 32 } },
            behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' }, allocateMemoryMi: 80 },
          }),
        ]),
      },
      {
        family: 'resources',
        observeSeconds: 60,
        extendedCapacity: { resource: 'example.com/dongle', perNode: 2 },
        pod: p([c('a', { resources: { requests: {}, limits: { extended: { 'example.com/dongle': 3 } } } })]),
      },
    ],
    expect: (s, caps, o) => expectResources(s as Extract<Scenario, { family: 'resources' }>, caps, o),
  },
  {
    name: 'quota',
    scenarios: [
      {
        family: 'quota',
        quota: { name: 'q', hard: { 'requests.cpu': 100, 'limits.memory': 64, pods: 2 }, scopes: [] },
        steps: [
          {
            kind: 'create',
            pod: p([c('a', { resources: { requests: {}, limits: { cpuMilli: 60, memoryMi: 32 } } })]),
          },
          {
            kind: 'create',
            pod: p([c('a', { resources: { requests: {}, limits: { cpuMilli: 60, memoryMi: 32 } } })]),
          },
          { kind: 'create', pod: p([c('a', { resources: { requests: { cpuMilli: 1 }, limits: {} } })]) },
          { kind: 'delete', podName: 'p' },
        ],
      },
    ],
    expect: (s, caps, o) => expectQuota(s as Extract<Scenario, { family: 'quota' }>, caps, o),
  },
  {
    name: 'limitrange',
    scenarios: [
      {
        family: 'limitrange',
        limitRange: {
          name: 'lr',
          limits: [
            { type: 'Container', default: { cpu: 100 }, max: { cpu: 200 }, maxLimitRequestRatio: { cpu: 4 } },
          ],
        },
        pod: p([c('a', { resources: { requests: { cpuMilli: 20 }, limits: {} } }), c('b')]),
      },
    ],
    expect: (s, caps, o) => expectLimitRange(s as Extract<Scenario, { family: 'limitrange' }>, caps, o),
  },
  {
    name: 'podsecurity',
    scenarios: [
      {
        family: 'podsecurity',
        labels: {
          enforce: { level: 'baseline', version: 'latest' },
          warn: { level: 'restricted', version: 'latest' },
        },
        pod: p([c('a', { security: { capabilitiesAdd: ['NET_BIND_SERVICE'], runAsUser: 0 } })]),
      },
      {
        family: 'podsecurity',
        labels: { enforce: { level: 'restricted', version: 'v1.30' } },
        pod: p([c('a', { security: { privileged: true, seccompProfile: 'Unconfined' } })]),
      },
    ],
    expect: (s, caps, o) => expectPodSecurity(s as Extract<Scenario, { family: 'podsecurity' }>, caps, o),
  },
];

function perSecond(samples: ModelSample[], capabilities: Capabilities, minMs: number): number {
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    for (const sample of samples) {
      for (const scenario of sample.scenarios) {
        sample.expect(scenario, capabilities, DEFAULT_MODEL_OPTIONS);
        count += 1;
      }
    }
  }
  return count / ((performance.now() - start) / 1000);
}

export async function run(): Promise<BenchResult[]> {
  const capabilities = defaultCapabilities(LATEST_VERSION);
  perSecond(MODEL_SAMPLES, capabilities, 200); // warm-up
  const results: BenchResult[] = MODEL_SAMPLES.map((sample) => ({
    name: `model.expectations.${sample.name}`,
    value: Math.round(perSecond([sample], capabilities, 500)),
    unit: 'expectations/s',
    target: '>= 20000',
  }));
  results.push({
    name: 'model.expectations.all',
    value: Math.round(perSecond(MODEL_SAMPLES, capabilities, 1000)),
    unit: 'expectations/s',
    target: '>= 20000',
  });
  return results;
}
