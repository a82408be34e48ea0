import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { resolvePod } from '../../model/effective-request';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import {
  LIMIT_RANGER_ANNOTATION,
  applyLimitRangeDefaults,
  defaultedItem,
  expectLimitRange,
  limitRangeViolations,
} from '../../model/limitrange';
import type { LimitRangeItem, LimitRangeSpec, ResourceAmounts } from '../../model/scenario';
import { container, pod } from './resources-builders';

// Expected messages: plugin/pkg/admission/limitranger/admission.go minConstraint, maxConstraint and
// limitRequestRatioConstraint (without the trailing period, which v1.26 dropped in the aggregate).
const caps = defaultCapabilities(parseServerVersion('v1.34'));
const lr = (item: Omit<LimitRangeItem, 'type'>): LimitRangeSpec => ({
  name: 'lr',
  limits: [{ type: 'Container', ...item }],
});
const one = (requests: ResourceAmounts, limits: ResourceAmounts) =>
  resolvePod(pod('p', [container('c', requests, limits)]));
/** Constraints on the pod as given: the checks alone, without the LimitRanger's defaults. */
const raw = (spec: LimitRangeSpec, requests: ResourceAmounts, limits: ResourceAmounts) =>
  limitRangeViolations(one(requests, limits), spec);

describe('defaults (defaults.go SetDefaults_LimitRangeItem, admission.go mergePodResourceRequirements)', () => {
  it('annotation key is kubernetes.io/limit-ranger', () => {
    expect(LIMIT_RANGER_ANNOTATION).toBe('kubernetes.io/limit-ranger');
  });

  it('an explicit default limit is kept over max; the item stays a Container item', () => {
    expect(defaultedItem({ type: 'Container', default: { cpu: 100 }, max: { cpu: 200 } })).toStrictEqual({
      type: 'Container',
      default: { cpu: 100 },
      defaultRequest: { cpu: 100 },
      min: {},
      max: { cpu: 200 },
      maxLimitRequestRatio: {},
    });
  });

  it('the annotation lists resources sorted and joined with ", "', () => {
    // mergePodResourceRequirements: sort.Strings(setRequests); strings.Join(setRequests, ", ").
    const spec = lr({ default: { memory: 64, cpu: 100 }, defaultRequest: { memory: 32, cpu: 50 } });
    expect(applyLimitRangeDefaults(one({}, {}), spec).annotation).toBe(
      'LimitRanger plugin set: cpu, memory request for container c; cpu, memory limit for container c',
    );
  });
});

describe('minConstraint', () => {
  const spec = lr({ min: { cpu: 10 } });
  it('no request at all', () => {
    expect(raw(spec, {}, {})).toStrictEqual([
      'minimum cpu usage per Container is 10m.  No request is specified',
    ]);
  });
  it('request at min but limit under it', () => {
    expect(raw(spec, { cpuMilli: 20 }, { cpuMilli: 5 })).toStrictEqual([
      'minimum cpu usage per Container is 10m, but limit is 5m',
    ]);
  });
  it('limit equal to min is within (observedLimValue < enforcedValue)', () => {
    expect(raw(spec, { cpuMilli: 10 }, { cpuMilli: 10 })).toStrictEqual([]);
  });
});

describe('maxConstraint', () => {
  const spec = lr({ max: { cpu: 200 } });
  it('no limit at all', () => {
    expect(raw(spec, { cpuMilli: 10 }, {})).toStrictEqual([
      'maximum cpu usage per Container is 200m.  No limit is specified',
    ]);
  });
  it('limit at max but request over it', () => {
    expect(raw(spec, { cpuMilli: 300 }, { cpuMilli: 200 })).toStrictEqual([
      'maximum cpu usage per Container is 200m, but request is 300m',
    ]);
  });
  it('request equal to max is within (observedReqValue > enforcedValue)', () => {
    expect(raw(spec, { cpuMilli: 200 }, { cpuMilli: 200 })).toStrictEqual([]);
  });
});

describe('limitRequestRatioConstraint', () => {
  const spec = lr({ maxLimitRequestRatio: { memory: 2 } });
  it('a request without a limit', () => {
    expect(raw(spec, { memoryMi: 10 }, {})).toStrictEqual([
      'memory max limit to request ratio per Container is 2, but no limit is specified or limit is 0',
    ]);
  });
  it('a ratio at the maximum adds no violation', () => {
    expect(raw(spec, { memoryMi: 10 }, { memoryMi: 20 })).toStrictEqual([]);
  });
});

describe('expectLimitRange fields', () => {
  const fields = (spec: LimitRangeSpec, requests: ResourceAmounts, limits: ResourceAmounts) =>
    expectLimitRange(
      { family: 'limitrange', limitRange: spec, pod: pod('p', [container('c', requests, limits)]) },
      caps,
      DEFAULT_MODEL_OPTIONS,
    ).fields;

  it('a default limit below the request: rejected 422 by validation', () => {
    // validation.go ValidateResourceRequirements runs on the defaulted pod.
    const f = fields(lr({ default: { cpu: 100 } }), { cpuMilli: 200 }, {});
    expect(Object.keys(f).sort()).toEqual(['p.admitted', 'p.reason', 'p.status']);
    expect(f['p.admitted']).toMatchObject({
      expected: { kind: 'equals', value: false },
      rule: 'limitrange.default-limit-below-request',
    });
    expect(f['p.status'].rule).toBe('limitrange.default-limit-below-request');
    expect(f['p.reason'].rule).toBe('limitrange.default-limit-below-request');
  });

  it('a constraint violated: rejected 403, only admitted/status/reason expected', () => {
    const f = fields(lr({ max: { cpu: 100 } }), {}, { cpuMilli: 200 });
    expect(Object.keys(f).sort()).toEqual(['p.admitted', 'p.reason', 'p.status']);
    expect(f['p.admitted']).toMatchObject({
      expected: { kind: 'equals', value: false },
      rule: 'limitrange.constraint-rejected',
    });
    expect(f['p.status'].rule).toBe('limitrange.constraint-rejected');
    expect(f['p.reason'].rule).toBe('limitrange.constraint-rejected');
  });

  it('admitted: the annotation and every cpu/memory/ephemeral-storage request and limit, null when unset', () => {
    const f = fields(lr({ default: { cpu: 100 } }), {}, {});
    expect(f['p.admitted']).toMatchObject({
      expected: { kind: 'equals', value: true },
      rule: 'limitrange.constraint-rejected',
    });
    expect(f['p.limitRangerAnnotation']).toMatchObject({
      expected: {
        kind: 'equals',
        value: 'LimitRanger plugin set: cpu request for container c; cpu limit for container c',
      },
      rule: 'limitrange.defaults-annotated',
    });
    expect(f['p.c.requests.cpu']).toMatchObject({
      expected: { kind: 'equals', value: 100 },
      rule: 'limitrange.defaults-applied',
    });
    expect(f['p.c.limits.memory']).toMatchObject({
      expected: { kind: 'equals', value: null },
      rule: 'limitrange.defaults-applied',
    });
    expect(f['p.c.requests.ephemeral-storage']).toMatchObject({
      expected: { kind: 'equals', value: null },
      rule: 'limitrange.defaults-applied',
    });
    expect(Object.keys(f)).toHaveLength(8);
  });

  it('ephemeral-storage: defaults applied and annotated, min and max enforced as for memory', () => {
    const range = lr({
      default: { 'ephemeral-storage': 64 },
      defaultRequest: { 'ephemeral-storage': 32 },
      min: { 'ephemeral-storage': 16 },
      max: { 'ephemeral-storage': 128 },
    });
    const f = fields(range, {}, {});
    expect(f['p.c.requests.ephemeral-storage'].expected).toEqual({ kind: 'equals', value: 32 });
    expect(f['p.c.limits.ephemeral-storage'].expected).toEqual({ kind: 'equals', value: 64 });
    expect(f['p.limitRangerAnnotation'].expected).toEqual({
      kind: 'equals',
      value:
        'LimitRanger plugin set: ephemeral-storage request for container c; ephemeral-storage limit for container c',
    });
    const below = fields(range, { ephemeralStorageMi: 8 }, { ephemeralStorageMi: 8 });
    expect(below['p.reason'].expected).toEqual({
      kind: 'contains',
      parts: ['minimum ephemeral-storage usage per Container is 16Mi, but request is 8Mi'],
    });
    const above = fields(range, { ephemeralStorageMi: 100 }, { ephemeralStorageMi: 200 });
    expect(above['p.reason'].expected).toEqual({
      kind: 'contains',
      parts: ['maximum ephemeral-storage usage per Container is 128Mi, but limit is 200Mi'],
    });
  });
});
