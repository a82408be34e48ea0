// @ts-nocheck
import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { resolvePod } from '../../model/effective-request';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import {
  applyLimitRangeDefaults,
  defaultedItem,
  expectLimitRange,
  limitRangeViolations,
} from '../../model/limitrange';
import type { LimitRangeItem, LimitRangeScenario, LimitRangeSpec } from '../../model/scenario';
import { container, pod } from './resources-builders';

const caps = defaultCapabilities(parseServerVersion('v1.34'));
const lr = (item: Omit<LimitRangeItem, 'type'>): LimitRangeSpec => ({
  name: 'lr',
  limits: [{ type: 'Container', ...item }],
});
const violations = (spec: LimitRangeSpec, p: ReturnType<typeof pod>) =>
  limitRangeViolations(applyLimitRangeDefaults(resolvePod(p), spec).pod, spec);

describe('LimitRange item defaulting (defaults.go SetDefaults_LimitRangeItem)', () => {
  it('max becomes the default limit, the default limit the default request, then min', () => {
    expect(defaultedItem({ type: 'Container', max: { cpu: 200 } })).toMatchObject({
      default: { cpu: 200 },
      defaultRequest: { cpu: 200 },
    });
    expect(defaultedItem({ type: 'Container', min: { memory: 10 } })).toMatchObject({
      default: {},
      defaultRequest: { memory: 10 },
    });
    expect(defaultedItem({ type: 'Container', default: { cpu: 100 }, min: { cpu: 10 } })).toMatchObject({
      defaultRequest: { cpu: 100 },
    });
  });
});

describe('defaults applied by the LimitRanger', () => {
  const spec = lr({ default: { cpu: 100, memory: 64 }, defaultRequest: { cpu: 50, memory: 32 } });

  it('fills what is missing and annotates, app containers then init containers', () => {
    const p = pod('p', [container('c', { cpuMilli: 20 })], {
      initContainers: [container('i', {}, { memoryMi: 16 })],
    });
    const { pod: stored, annotation } = applyLimitRangeDefaults(resolvePod(p), spec);
    expect(stored.containers[0]).toMatchObject({
      requests: { cpu: 20, memory: 32 },
      limits: { cpu: 100, memory: 64 },
    });
    expect(stored.initContainers[0]).toMatchObject({
      requests: { cpu: 50, memory: 16 },
      limits: { cpu: 100, memory: 16 },
    });
    expect(annotation).toBe(
      'LimitRanger plugin set: memory request for container c; cpu, memory limit for container c; cpu request for init container i; cpu limit for init container i',
    );
  });

  it('no annotation when everything is set', () => {
    const p = pod('p', [container('c', {}, { cpuMilli: 10, memoryMi: 10 })]);
    expect(applyLimitRangeDefaults(resolvePod(p), spec).annotation).toBeNull();
  });
});

describe('constraints (limitranger/admission.go PodValidateLimitFunc)', () => {
  const spec = lr({ min: { cpu: 10 }, max: { cpu: 200 }, maxLimitRequestRatio: { cpu: 4 } });
  const one = (req?: number, lim?: number) =>
    pod('p', [
      container('c', req === undefined ? {} : { cpuMilli: req }, lim === undefined ? {} : { cpuMilli: lim }),
    ]);

  it('limit equal to max and request equal to min are admitted', () => {
    expect(violations(spec, one(50, 200))).toEqual([]);
    expect(violations(lr({ min: { cpu: 10 } }), one(10, 40))).toEqual([]);
  });

  it('limit one over max, request one under min', () => {
    expect(violations(spec, one(100, 201))).toEqual([
      'maximum cpu usage per Container is 200m, but limit is 201m',
    ]);
    expect(violations(lr({ min: { cpu: 10 } }), one(9, 20))).toEqual([
      'minimum cpu usage per Container is 10m, but request is 9m',
    ]);
    expect(violations(lr({ min: { cpu: 10 }, max: { cpu: 1000 } }), one(10, 1000))).toEqual([]);
  });

  it('ratio exactly at the maximum is admitted, above it rejected with the ratio printed %f', () => {
    expect(violations(spec, one(50, 200))).toEqual([]);
    expect(violations(spec, one(30, 200))).toEqual([
      'cpu max limit to request ratio per Container is 4, but provided ratio is 6.666667',
    ]);
    expect(violations(lr({ maxLimitRequestRatio: { cpu: 1.5 } }), one(100, 200))).toEqual([
      'cpu max limit to request ratio per Container is 1500m, but provided ratio is 2.000000',
    ]);
  });

  it('a ratio on a resource with no request at all', () => {
    expect(violations(lr({ maxLimitRequestRatio: { memory: 2 } }), one(10, 20))).toEqual([
      'memory max limit to request ratio per Container is 2, but no request is specified or request is 0',
    ]);
  });

  it('memory bounds print binary quantities; init containers are checked too', () => {
    const p = pod('p', [container('c', {}, { memoryMi: 64 })], {
      initContainers: [container('i', {}, { memoryMi: 2048 })],
    });
    expect(violations(lr({ max: { memory: 1024 } }), p)).toEqual([
      'maximum memory usage per Container is 1Gi, but limit is 2Gi',
    ]);
  });
});

describe('expectLimitRange', () => {
  // test/e2e/scheduling/limit_range.go "should create a LimitRange with defaults and ensure pod has
  // those defaults applied": min 50m/100Mi, max 500m/500Mi, default 500m/500Mi, defaultRequest 100m/200Mi.
  const e2e = lr({
    min: { cpu: 50, memory: 100 },
    max: { cpu: 500, memory: 500 },
    default: { cpu: 500, memory: 500 },
    defaultRequest: { cpu: 100, memory: 200 },
  });
  const fields = (p: ReturnType<typeof pod>) =>
    expectLimitRange(
      { family: 'limitrange', limitRange: e2e, pod: p } as LimitRangeScenario,
      caps,
      DEFAULT_MODEL_OPTIONS,
    ).fields;

  it('a pod with no requirements gets the defaults', () => {
    const f = fields(pod('p', [container('c')]));
    expect(f['p.c.requests.cpu'].expected).toEqual({ kind: 'equals', value: 100 });
    expect(f['p.c.requests.memory'].expected).toEqual({ kind: 'equals', value: 200 });
    expect(f['p.c.limits.cpu'].expected).toEqual({ kind: 'equals', value: 500 });
    expect(f['p.c.limits.memory'].expected).toEqual({ kind: 'equals', value: 500 });
  });

  it('partial requirements keep what was set (requests 300m/150Mi, limit cpu 300m)', () => {
    const f = fields(pod('p', [container('c', { cpuMilli: 300, memoryMi: 150 }, { cpuMilli: 300 })]));
    expect(f['p.c.requests.cpu'].expected).toEqual({ kind: 'equals', value: 300 });
    expect(f['p.c.limits.memory'].expected).toEqual({ kind: 'equals', value: 500 });
    expect(f['p.admitted'].expected).toEqual({ kind: 'equals', value: true });
  });

  it('less than min is rejected with 403', () => {
    const f = fields(pod('p', [container('c', { cpuMilli: 10, memoryMi: 50 })]));
    expect(f['p.status'].expected).toEqual({ kind: 'equals', value: 403 });
    expect(f['p.reason'].expected).toEqual({
      kind: 'contains',
      parts: [
        'minimum memory usage per Container is 100Mi, but request is 50Mi',
        'minimum cpu usage per Container is 50m, but request is 10m',
      ].reverse(),
    });
  });

  it('more than max by request alone: the default limit falls below the request, so validation answers 422', () => {
    const f = fields(pod('p', [container('c', { cpuMilli: 600, memoryMi: 600 })]));
    expect(f['p.status'].expected).toEqual({ kind: 'equals', value: 422 });
    expect(f['p.reason'].expected).toEqual({
      kind: 'contains',
      parts: ['must be less than or equal to cpu limit'],
    });
  });
});
