import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import type {
  ContainerScenario,
  LimitRangeItem,
  LimitRangeScenario,
  PodScenario,
  ResourceAmounts,
} from '../model/scenario';

export interface LimitRangeScenarioConstraints {
  /** Most app containers in the pod (default 2). */
  maxContainers?: number;
}

type Resource = 'cpu' | 'memory' | 'ephemeral-storage';
const RESOURCES: readonly Resource[] = ['cpu', 'memory', 'ephemeral-storage'];
const AMOUNT_KEY: Record<Resource, 'cpuMilli' | 'memoryMi' | 'ephemeralStorageMi'> = {
  cpu: 'cpuMilli',
  memory: 'memoryMi',
  'ephemeral-storage': 'ephemeralStorageMi',
};
// Mi of ephemeral-storage as of memory: well within a node's free disk, nothing is written.
const BASE: Record<Resource, { min: number; max: number }> = {
  cpu: { min: 10, max: 100 },
  memory: { min: 16, max: 64 },
  'ephemeral-storage': { min: 16, max: 64 },
};

/** The fields of one resource in the item, chosen independently, with increments keeping their order. */
interface ResourceLimits {
  base: number;
  steps: [number, number, number];
  present: { min: boolean; defaultRequest: boolean; default: boolean; max: boolean };
  ratioPick: number | undefined;
}

/**
 * Per resource: min <= defaultRequest <= default <= max over the fields present, ratio >= 1 and
 * <= max/min (pkg/apis/core/validation/validation.go ValidateLimitRange), and the ratio also admits
 * the defaults the item fills in (pkg/apis/core/v1/defaults.go SetDefaults_LimitRangeItem: default from
 * max, defaultRequest from default or min), so a pod that sets nothing is admitted.
 */
function buildItem(limits: Record<Resource, ResourceLimits | undefined>): LimitRangeItem {
  const item: LimitRangeItem = { type: 'Container' };
  const put = (
    field: 'min' | 'defaultRequest' | 'default' | 'max' | 'maxLimitRequestRatio',
    resource: Resource,
    value: number,
  ) => {
    item[field] = { ...item[field], [resource]: value };
  };
  for (const resource of RESOURCES) {
    const spec = limits[resource];
    if (!spec) continue;
    const values = {
      min: spec.base,
      defaultRequest: spec.base + spec.steps[0],
      default: spec.base + spec.steps[0] + spec.steps[1],
      max: spec.base + spec.steps[0] + spec.steps[1] + spec.steps[2],
    };
    for (const field of ['min', 'defaultRequest', 'default', 'max'] as const) {
      if (spec.present[field]) put(field, resource, values[field]);
    }
    if (spec.ratioPick === undefined) continue;
    const min = spec.present.min ? values.min : undefined;
    const max = spec.present.max ? values.max : undefined;
    const effectiveDefault = spec.present.default ? values.default : max;
    const effectiveRequest = spec.present.defaultRequest ? values.defaultRequest : (effectiveDefault ?? min);
    const low =
      effectiveDefault !== undefined && effectiveRequest ? Math.ceil(effectiveDefault / effectiveRequest) : 1;
    const high = min !== undefined && max !== undefined ? Math.floor(max / min) : low + 3;
    if (low <= high) put('maxLimitRequestRatio', resource, low + (spec.ratioPick % (high - low + 1)));
  }
  return item;
}

/** What a container asks for, relative to the item: nothing, within bounds, or a deliberate violation. */
type Intent = 'omit' | 'within' | 'requestOnly' | 'limitOnly' | 'belowMin' | 'aboveMax' | 'overRatio';

interface ContainerIntent {
  intent: Intent;
  /** Position within the allowed range, 0..1000. */
  position: number;
}

/** Request and limit for one resource; an intent the item cannot express (no min, no max, ...) falls back to within. */
function amounts(
  item: LimitRangeItem,
  resource: Resource,
  choice: ContainerIntent,
): { request?: number; limit?: number } {
  const min = item.min?.[resource];
  const max = item.max?.[resource];
  const ratio = item.maxLimitRequestRatio?.[resource];
  const low = min ?? 1;
  const high = max ?? low + 200;
  const request = low + Math.floor(((high - low) * choice.position) / 1000);
  switch (choice.intent) {
    case 'omit':
      return {};
    case 'requestOnly':
      return { request };
    case 'limitOnly':
      return { limit: request };
    case 'belowMin':
      if (min !== undefined && min > 1) return { request: min - 1, limit: min };
      break;
    case 'aboveMax':
      if (max !== undefined) return { request: max, limit: max + 1 + Math.floor(choice.position / 10) };
      break;
    case 'overRatio':
      if (ratio !== undefined && (max === undefined || low * ratio + 1 <= max))
        return { request: low, limit: low * ratio + 1 };
      break;
    case 'within':
      break;
  }
  // Within: limit between request and the smallest of max and request * ratio.
  const cap = Math.min(high, ratio !== undefined ? request * ratio : high);
  return { request, limit: Math.max(request, cap - Math.floor(((cap - request) * choice.position) / 1000)) };
}

function containerFor(
  index: number,
  item: LimitRangeItem,
  choices: Record<Resource, ContainerIntent>,
): ContainerScenario {
  const requests: ResourceAmounts = {};
  const limits: ResourceAmounts = {};
  for (const resource of RESOURCES) {
    const { request, limit } = amounts(item, resource, choices[resource]);
    if (request !== undefined) requests[AMOUNT_KEY[resource]] = request;
    if (limit !== undefined) limits[AMOUNT_KEY[resource]] = limit;
  }
  return {
    name: `app-${index}`,
    behaviour: { startDelaySeconds: 0, sigterm: { kind: 'exit', afterSeconds: 0, exitCode: 0 } },
    ports: [],
    resources: { requests, limits },
    lifecycle: {},
    probes: {},
  };
}

function resourceLimits(resource: Resource): fc.Arbitrary<ResourceLimits> {
  const step = fc.integer({ min: 0, max: BASE[resource].max });
  return fc.record(
    {
      base: fc.integer(BASE[resource]),
      steps: fc.tuple(step, step, step),
      present: fc.record(
        { min: fc.boolean(), defaultRequest: fc.boolean(), default: fc.boolean(), max: fc.boolean() },
        { noNullPrototype: true },
      ),
      ratioPick: fc.option(fc.nat({ max: 1000 }), { nil: undefined, freq: 2 }),
    },
    { noNullPrototype: true },
  );
}

/** A LimitRange (type Container: cpu, memory and/or ephemeral-storage) and a pod whose containers fit, get defaults, or violate it. */
export function limitRangeScenario(
  _capabilities: Capabilities,
  constraints: LimitRangeScenarioConstraints = {},
): fc.Arbitrary<LimitRangeScenario> {
  const intent = fc.record(
    {
      intent: fc.constantFrom<Intent>(
        'omit',
        'within',
        'requestOnly',
        'limitOnly',
        'belowMin',
        'aboveMax',
        'overRatio',
      ),
      position: fc.nat({ max: 1000 }),
    },
    { noNullPrototype: true },
  );
  return fc
    .record(
      {
        cpu: fc.option(resourceLimits('cpu'), { nil: undefined, freq: 3 }),
        memory: fc.option(resourceLimits('memory'), { nil: undefined, freq: 3 }),
        ephemeral: fc.option(resourceLimits('ephemeral-storage'), { nil: undefined, freq: 3 }),
        containers: fc.array(
          fc.record({ cpu: intent, memory: intent, 'ephemeral-storage': intent }, { noNullPrototype: true }),
          { minLength: 1, maxLength: constraints.maxContainers ?? 2 },
        ),
        restartPolicy: fc.constantFrom('Always' as const, 'Never' as const),
      },
      { noNullPrototype: true },
    )
    .map(({ cpu, memory, ephemeral, containers, restartPolicy }) => {
      const item = buildItem({ cpu, memory, 'ephemeral-storage': ephemeral });
      return {
        family: 'limitrange' as const,
        limitRange: { name: 'limits', limits: [item] },
        pod: {
          name: 'pod',
          restartPolicy,
          terminationGracePeriodSeconds: 1,
          initContainers: [],
          containers: containers.map((choices, i) => containerFor(i, item, choices)),
          labels: { app: 'pod' },
        },
      };
    });
}

/** The pod with its first container setting nothing: what a LimitRange's defaults show on. */
function firstSettingNothing(pod: PodScenario, name: string): PodScenario {
  const [first, ...rest] = pod.containers;
  return {
    ...pod,
    name,
    labels: { app: name },
    containers: [{ ...first, resources: { requests: {}, limits: {} } }, ...rest],
  };
}

/**
 * A LimitRange created, patched to a second generated spec, then deleted by collection (upstream e2e
 * test/e2e/scheduling/limit_range.go "should list, patch and delete a LimitRange by collection"), a
 * copy in another namespace or not, and a pod created after each step, its first container setting
 * nothing so that the defaults in force show.
 */
export function limitRangeLifecycleScenario(
  capabilities: Capabilities,
  constraints: LimitRangeScenarioConstraints = {},
): fc.Arbitrary<LimitRangeScenario> {
  const step = limitRangeScenario(capabilities, constraints);
  return fc
    .record({ created: step, patched: step, deleted: step, copy: fc.boolean() }, { noNullPrototype: true })
    .map(({ created, patched, deleted, copy }) => ({
      ...created,
      pod: firstSettingNothing(created.pod, 'pod-created'),
      lifecycle: {
        patched: patched.limitRange,
        copyInOtherNamespace: copy,
        afterPatch: firstSettingNothing(patched.pod, 'pod-patched'),
        afterDelete: firstSettingNothing(deleted.pod, 'pod-deleted'),
      },
    }));
}
