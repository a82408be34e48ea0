import fc from 'fast-check';
import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS, type FieldExpectation } from '../../model/expectation';
import { expectQuota, LONG_DEADLINE_SECONDS } from '../../model/quota';
import type { QuotaScenario, QuotaSpec, QuotaStep } from '../../model/scenario';
import { quotaScenario } from '../../generators';
import { container, pod } from './resources-builders';

const caps = defaultCapabilities(parseServerVersion('v1.30'));
const quota = (hard: Record<string, number>, scopes: QuotaSpec['scopes'] = []): QuotaSpec => ({
  name: 'q',
  hard,
  scopes,
});
const fieldsOf = (spec: QuotaSpec, steps: QuotaStep[]) =>
  expectQuota({ family: 'quota', quota: spec, steps }, caps, DEFAULT_MODEL_OPTIONS).fields;
const exactly = (value: number | boolean) => ({ kind: 'equals', value });

/** The expected usage of a step, by key, when every key is an exact value. */
function usageAt(fields: Record<string, FieldExpectation>, prefix: string): Record<string, number> {
  const used: Record<string, number> = {};
  for (const [name, field] of Object.entries(fields)) {
    if (!name.startsWith(`${prefix}.used.`)) continue;
    if (field.expected.kind !== 'equals') throw new Error(`${name} is not exact`);
    used[name.slice(prefix.length + 6)] = field.expected.value as number;
  }
  return used;
}

// pods.go PodUsageFunc charges a live pod its effective requests/limits; once deleted it charges nothing,
// and the quota controller's recalculation (resource_quota_controller.go syncResourceQuota) drops it.
describe('quota.usage-released: worked examples', () => {
  it('deleting one of two pods leaves exactly the other pod charged, for every tracked resource', () => {
    const hard = {
      pods: 4,
      'requests.cpu': 1000,
      'limits.cpu': 2000,
      'requests.memory': 1024,
      'limits.memory': 2048,
    };
    const a = pod('a', [container('c', { cpuMilli: 100, memoryMi: 64 }, { cpuMilli: 200, memoryMi: 128 })]);
    const b = pod('b', [container('c', { cpuMilli: 250, memoryMi: 32 }, { cpuMilli: 500, memoryMi: 32 })]);
    const fields = fieldsOf(quota(hard), [
      { kind: 'create', pod: a },
      { kind: 'create', pod: b },
      { kind: 'delete', podName: 'a' },
    ]);
    // a + b: 100m + 250m requested, 200m + 500m limited, 64 + 32 Mi requested, 128 + 32 Mi limited.
    expect(usageAt(fields, 'step2')).toEqual({
      pods: 2,
      'requests.cpu': 350,
      'limits.cpu': 700,
      'requests.memory': 96,
      'limits.memory': 160,
    });
    const onlyB = {
      pods: 1,
      'requests.cpu': 250,
      'limits.cpu': 500,
      'requests.memory': 32,
      'limits.memory': 32,
    };
    expect(usageAt(fields, 'step3')).toEqual(onlyB);
    expect(usageAt(fields, 'afterSteps')).toEqual(onlyB);
    expect(fields['step3.used.requests.cpu'].rule).toBe('quota.usage-released');
    expect(fields['afterSteps.used.limits.memory'].rule).toBe('quota.usage-released');
  });

  it('deleting the only pod brings usage back to zero, and a pod filling the quota again is admitted', () => {
    // `cpu`/`memory` are the requests.* aliases (pods.go podComputeUsageHelper).
    const full = () => pod('p', [container('c', { cpuMilli: 500, memoryMi: 256 })]);
    const fields = fieldsOf(quota({ pods: 1, cpu: 500, memory: 256 }), [
      { kind: 'create', pod: full() },
      { kind: 'delete', podName: 'p' },
      { kind: 'create', pod: full() },
    ]);
    expect(usageAt(fields, 'step1')).toEqual({ pods: 1, cpu: 500, memory: 256 });
    expect(usageAt(fields, 'step2')).toEqual({ pods: 0, cpu: 0, memory: 0 });
    expect(fields['step3.admitted'].expected).toEqual(exactly(true));
    expect(usageAt(fields, 'afterSteps')).toEqual({ pods: 1, cpu: 500, memory: 256 });
  });

  it('the released amount is the effective request: an init container larger than the app counts', () => {
    // Effective request = max(sum of app containers, largest init container) = max(100m, 300m)
    // (component-helpers resource/helpers.go PodRequests), so deleting `a` gives back 300m, not 100m.
    const a = pod('a', [container('app', { cpuMilli: 100 }, { cpuMilli: 100 })], {
      initContainers: [container('init', { cpuMilli: 300 }, { cpuMilli: 300 })],
    });
    const b = pod('b', [container('app', { cpuMilli: 200 }, { cpuMilli: 200 })]);
    const fields = fieldsOf(quota({ pods: 3, 'requests.cpu': 1000, 'limits.cpu': 1000 }), [
      { kind: 'create', pod: a },
      { kind: 'create', pod: b },
      { kind: 'delete', podName: 'a' },
    ]);
    expect(usageAt(fields, 'step2')).toEqual({ pods: 2, 'requests.cpu': 500, 'limits.cpu': 500 });
    expect(usageAt(fields, 'step3')).toEqual({ pods: 1, 'requests.cpu': 200, 'limits.cpu': 200 });
  });

  it('a pod outside the scopes is never charged, so deleting it releases nothing', () => {
    // NotTerminating selects pods without activeDeadlineSeconds (pods.go isTerminating).
    const outside = pod('t', [container('c', { cpuMilli: 400 })], {
      activeDeadlineSeconds: LONG_DEADLINE_SECONDS,
    });
    const inside = pod('n', [container('c', { cpuMilli: 100 })]);
    const fields = fieldsOf(quota({ pods: 2, 'requests.cpu': 1000 }, ['NotTerminating']), [
      { kind: 'create', pod: outside },
      { kind: 'create', pod: inside },
      { kind: 'delete', podName: 't' },
      { kind: 'delete', podName: 'n' },
    ]);
    expect(fields['step1.admitted'].expected).toEqual(exactly(true));
    expect(usageAt(fields, 'step1')).toEqual({ pods: 0, 'requests.cpu': 0 });
    expect(usageAt(fields, 'step2')).toEqual({ pods: 1, 'requests.cpu': 100 });
    expect(usageAt(fields, 'step3')).toEqual({ pods: 1, 'requests.cpu': 100 });
    expect(usageAt(fields, 'step4')).toEqual({ pods: 0, 'requests.cpu': 0 });
  });

  it('deleting a pod the quota rejected releases nothing', () => {
    const big = pod('big', [container('c', { cpuMilli: 900 })]);
    const small = pod('small', [container('c', { cpuMilli: 100 })]);
    const fields = fieldsOf(quota({ pods: 2, 'requests.cpu': 500 }), [
      { kind: 'create', pod: small },
      { kind: 'create', pod: big },
      { kind: 'delete', podName: 'big' },
    ]);
    expect(fields['step2.admitted'].expected).toEqual(exactly(false));
    expect(usageAt(fields, 'step3')).toEqual({ pods: 1, 'requests.cpu': 100 });
  });
});

describe('quota.usage-released: over generated scenarios', () => {
  /** The generator's pods never end on their own, so every usage field is exact. */
  const withAllDeleted = (scenario: QuotaScenario): QuotaScenario => {
    const names = [...new Set(scenario.steps.flatMap((s) => (s.kind === 'create' ? [s.pod.name] : [])))];
    const deleted = new Set(scenario.steps.flatMap((s) => (s.kind === 'delete' ? [s.podName] : [])));
    const rest = names.filter((name) => !deleted.has(name));
    return {
      ...scenario,
      steps: [...scenario.steps, ...rest.map((podName) => ({ kind: 'delete' as const, podName }))],
    };
  };

  it('a delete never raises usage, and deleting every pod brings every tracked resource to zero', () => {
    fc.assert(
      fc.property(quotaScenario(caps).map(withAllDeleted), (scenario) => {
        const fields = expectQuota(scenario, caps, DEFAULT_MODEL_OPTIONS).fields;
        scenario.steps.forEach((step, i) => {
          if (step.kind !== 'delete' || i === 0) return;
          const before = usageAt(fields, `step${i}`);
          const after = usageAt(fields, `step${i + 1}`);
          for (const name of Object.keys(after)) expect(after[name]).toBeLessThanOrEqual(before[name]);
        });
        const zero = Object.fromEntries(Object.keys(scenario.quota.hard).map((name) => [name, 0]));
        expect(usageAt(fields, 'afterSteps')).toEqual(zero);
      }),
      { numRuns: 200 },
    );
  });
});
