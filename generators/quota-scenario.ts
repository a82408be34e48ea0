import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import type {
  ContainerScenario,
  PodScenario,
  QuotaScenario,
  QuotaScope,
  QuotaStep,
  ResourceAmounts,
} from '../model/scenario';
import { DONGLE } from './resources-scenario';

export interface QuotaScenarioConstraints {
  /** Most pods created (default 5). */
  maxPods?: number;
}

/**
 * Scope sets the API accepts: BestEffort/NotBestEffort and Terminating/NotTerminating exclude each other
 * (pkg/apis/core/validation/validation.go validateResourceQuotaScopes).
 */
const SCOPE_SETS: readonly QuotaScope[][] = [
  [],
  ['BestEffort'],
  ['NotBestEffort'],
  ['Terminating'],
  ['NotTerminating'],
  ['NotBestEffort', 'NotTerminating'],
  ['BestEffort', 'Terminating'],
];

const COMPUTE = ['requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory', 'cpu', 'memory'] as const;
const EXTENDED_REQUEST = `requests.${DONGLE}`;

/**
 * Resources a quota with these scopes may track: BestEffort only `pods`, the other scopes pods and
 * compute resources (pkg/apis/core/helper/helpers.go IsResourceQuotaScopeValidForResource).
 */
export function trackableResources(scopes: readonly QuotaScope[]): string[] {
  if (scopes.includes('BestEffort')) return ['pods'];
  if (scopes.length > 0) return ['pods', ...COMPUTE];
  return ['pods', 'count/pods', ...COMPUTE, EXTENDED_REQUEST];
}

/** complete: cpu+memory requests and limits; requestsOnly: no limits; bestEffort: nothing. */
type PodShape = 'complete' | 'requestsOnly' | 'bestEffort';

interface QuotaPod {
  shape: PodShape;
  cpuMilli: number;
  cpuExtraMilli: number;
  memoryMi: number;
  memoryExtraMi: number;
  dongles: number;
  /** An init container (plain), which counts through the effective request (max of init and app). */
  init?: { cpuMilli: number; memoryMi: number };
}

function containerFor(
  name: string,
  pod: QuotaPod,
  cpuMilli: number,
  memoryMi: number,
  init: boolean,
): ContainerScenario {
  const requests: ResourceAmounts = {};
  const limits: ResourceAmounts = {};
  if (pod.shape !== 'bestEffort') {
    requests.cpuMilli = cpuMilli;
    requests.memoryMi = memoryMi;
  }
  if (pod.shape === 'complete') {
    limits.cpuMilli = cpuMilli + pod.cpuExtraMilli;
    limits.memoryMi = memoryMi + pod.memoryExtraMi;
  }
  // Extended resources: request = limit (validation.go validateResourceRequirements); app container only.
  if (!init && pod.dongles > 0) {
    requests.extended = { [DONGLE]: pod.dongles };
    limits.extended = { [DONGLE]: pod.dongles };
  }
  return {
    name,
    behaviour: init
      ? {
          startDelaySeconds: 0,
          exitAfter: { seconds: 0, exitCode: 0 },
          sigterm: { kind: 'exit', afterSeconds: 0, exitCode: 0 },
        }
      : { startDelaySeconds: 0, sigterm: { kind: 'exit', afterSeconds: 0, exitCode: 0 } },
    ports: [],
    resources: { requests, limits },
    lifecycle: {},
    probes: {},
  };
}

function podFor(index: number, pod: QuotaPod): PodScenario {
  const name = `pod-${index}`;
  return {
    name,
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 1,
    initContainers: pod.init ? [containerFor('init-0', pod, pod.init.cpuMilli, pod.init.memoryMi, true)] : [],
    containers: [containerFor('app-0', pod, pod.cpuMilli, pod.memoryMi, false)],
    labels: { app: name },
  };
}

/**
 * What a pod adds to a tracked resource: its effective request/limit, max of the app container and the
 * init container (staging/src/k8s.io/component-helpers/resource/helpers.go PodRequests), counts 1.
 */
export function quotaUsage(pod: PodScenario, resource: string): number {
  const all = [...pod.containers, ...pod.initContainers];
  const amount = (side: 'requests' | 'limits', pick: (a: ResourceAmounts) => number | undefined) => {
    const of = (c: ContainerScenario) =>
      pick(c.resources[side]) ?? (side === 'requests' ? pick(c.resources.limits) : undefined) ?? 0;
    const apps = pod.containers.reduce((sum, c) => sum + of(c), 0);
    return Math.max(apps, ...pod.initContainers.map(of));
  };
  switch (resource) {
    case 'pods':
    case 'count/pods':
      return 1;
    case 'requests.cpu':
    case 'cpu':
      return amount('requests', (a) => a.cpuMilli);
    case 'requests.memory':
    case 'memory':
      return amount('requests', (a) => a.memoryMi);
    case 'limits.cpu':
      return amount('limits', (a) => a.cpuMilli);
    case 'limits.memory':
      return amount('limits', (a) => a.memoryMi);
    case EXTENDED_REQUEST:
      return all.reduce(
        (sum, c) =>
          sum + (c.resources.requests.extended?.[DONGLE] ?? c.resources.limits.extended?.[DONGLE] ?? 0),
        0,
      );
    default:
      throw new Error(`quotaUsage: untracked resource ${resource}`);
  }
}

const quotaPod: fc.Arbitrary<QuotaPod> = fc
  .record(
    {
      shape: fc.constantFrom<PodShape>('complete', 'requestsOnly', 'bestEffort'),
      cpuMilli: fc.integer({ min: 10, max: 200 }),
      cpuExtraMilli: fc.integer({ min: 0, max: 100 }),
      memoryMi: fc.integer({ min: 16, max: 128 }),
      memoryExtraMi: fc.integer({ min: 0, max: 64 }),
      dongles: fc.integer({ min: 0, max: 2 }),
      init: fc.option(
        fc.record(
          { cpuMilli: fc.integer({ min: 10, max: 300 }), memoryMi: fc.integer({ min: 16, max: 192 }) },
          { noNullPrototype: true },
        ),
        { nil: undefined, freq: 3 },
      ),
    },
    { noNullPrototype: true },
  )
  .map(({ init, ...rest }) => (init ? { ...rest, init } : rest));

/**
 * A ResourceQuota and create/delete steps against it. The hard limits are derived from the pods, so the
 * first `fitting` pods fit (slack > 0) or fill the quota exactly (slack 0) and later ones overflow unless
 * deletions freed room; deletions remove pods of that first group.
 */
function quotaScenarioFor(scopes: QuotaScope[], maxPods: number): fc.Arbitrary<QuotaScenario> {
  const candidates = trackableResources(scopes);
  const slack = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 }));
  return fc
    .record(
      {
        tracked: fc.subarray(candidates, { minLength: 1 }),
        pods: fc.array(quotaPod, { minLength: 1, maxLength: maxPods }),
        fitting: fc.nat(),
        slacks: fc.array(slack, { minLength: candidates.length, maxLength: candidates.length }),
        deletions: fc.array(fc.nat(), { maxLength: 2 }),
      },
      { noNullPrototype: true },
    )
    .map(({ tracked, pods, fitting: fittingSeed, slacks, deletions }) => {
      const scenarioPods = pods.map((p, i) => podFor(i, p));
      const fitting = fittingSeed % (scenarioPods.length + 1);
      const hard: Record<string, number> = {};
      for (const resource of tracked) {
        const used = scenarioPods.slice(0, fitting).reduce((sum, p) => sum + quotaUsage(p, resource), 0);
        hard[resource] =
          used +
          (resource.includes('pods')
            ? Math.min(1, slacks[candidates.indexOf(resource)])
            : slacks[candidates.indexOf(resource)]);
      }
      const deleted = fitting === 0 ? [] : [...new Set(deletions.map((d) => d % fitting))];
      const steps: QuotaStep[] = [
        ...scenarioPods.slice(0, fitting).map((pod) => ({ kind: 'create' as const, pod })),
        ...deleted.map((i) => ({ kind: 'delete' as const, podName: scenarioPods[i].name })),
        ...scenarioPods.slice(fitting).map((pod) => ({ kind: 'create' as const, pod })),
      ];
      return { family: 'quota' as const, quota: { name: 'quota', hard, scopes: [...scopes] }, steps };
    });
}

/** A ResourceQuota scenario over every valid scope set (the same on every supported version). */
export function quotaScenario(
  _capabilities: Capabilities,
  constraints: QuotaScenarioConstraints = {},
): fc.Arbitrary<QuotaScenario> {
  const maxPods = constraints.maxPods ?? 5;
  return fc.oneof(...SCOPE_SETS.map((scopes) => quotaScenarioFor(scopes, maxPods)));
}

/**
 * The requests an update gives a pod's first app container: halved where it sets limits (requests
 * above limits would be invalid on their own), else raised by 500m cpu and 256Mi memory, past what the
 * quota has room for; extended resources kept (their request must equal the limit).
 */
export function updatedRequests(pod: PodScenario): ResourceAmounts {
  const { requests, limits } = pod.containers[0].resources;
  const kept = requests.extended ? { extended: { ...requests.extended } } : {};
  if (limits.cpuMilli !== undefined || limits.memoryMi !== undefined) {
    return {
      ...kept,
      cpuMilli: Math.max(1, Math.floor((requests.cpuMilli ?? 2) / 2)),
      memoryMi: Math.max(1, Math.floor((requests.memoryMi ?? 2) / 2)),
    };
  }
  return { ...kept, cpuMilli: (requests.cpuMilli ?? 0) + 500, memoryMi: (requests.memoryMi ?? 0) + 256 };
}

/**
 * The scenario with upstream's "Ensuring a pod cannot update its resource requirements": right after
 * the create of the `pick`-th pod created, an update of that pod's requests (updatedRequests), which
 * validation must reject (or, for a pod the quota rejected, which is not found).
 */
export function withPodUpdate(scenario: QuotaScenario, pick: number): QuotaScenario {
  const creates = scenario.steps
    .map((step, index) => ({ step, index }))
    .filter(
      (s): s is { step: Extract<QuotaStep, { kind: 'create' }>; index: number } => s.step.kind === 'create',
    );
  if (creates.length === 0) return scenario;
  const { step, index } = creates[pick % creates.length];
  const update: QuotaStep = {
    kind: 'updatePod',
    podName: step.pod.name,
    requests: updatedRequests(step.pod),
  };
  return {
    ...scenario,
    steps: [...scenario.steps.slice(0, index + 1), update, ...scenario.steps.slice(index + 1)],
  };
}
