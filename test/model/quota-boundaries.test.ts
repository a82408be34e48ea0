import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { resolvePod } from '../../model/effective-request';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import {
  LONG_DEADLINE_SECONDS,
  expectQuota,
  mayTerminate,
  podMatchesScope,
  podQuotaUsage,
  quotaDecision,
} from '../../model/quota';
import type { ContainerScenario, QuotaScenario, QuotaSpec, QuotaStep } from '../../model/scenario';
import { container, pod } from './resources-builders';

const v126 = parseServerVersion('v1.26');
const caps = defaultCapabilities(parseServerVersion('v1.34'));
const quota = (hard: Record<string, number>, scopes: QuotaSpec['scopes'] = []): QuotaSpec => ({
  name: 'q',
  hard,
  scopes,
});
const exiting = (name: string, exitCode: number, extra: Partial<ContainerScenario> = {}) =>
  container(
    name,
    {},
    {},
    {
      behaviour: { startDelaySeconds: 0, sigterm: { kind: 'default' }, exitAfter: { seconds: 1, exitCode } },
      ...extra,
    },
  );
const scenario = (hard: Record<string, number>, steps: QuotaStep[]): QuotaScenario => ({
  family: 'quota',
  quota: quota(hard),
  steps,
});

describe('usage keys (pods.go podComputeUsageHelper)', () => {
  it('charges only the keys of what is set: a cpu request alone charges no memory or limits', () => {
    // podComputeUsageHelper adds a key only when the matching request/limit is present.
    expect(podQuotaUsage(resolvePod(pod('p', [container('c', { cpuMilli: 10 })])))).toStrictEqual({
      pods: 1,
      'count/pods': 1,
      cpu: 10,
      'requests.cpu': 10,
    });
  });

  it('ephemeral-storage charges ephemeral-storage, requests.ephemeral-storage and limits.ephemeral-storage', () => {
    const p = pod('p', [container('c', { ephemeralStorageMi: 10 }, { ephemeralStorageMi: 20 })]);
    expect(podQuotaUsage(resolvePod(p))).toStrictEqual({
      pods: 1,
      'count/pods': 1,
      'ephemeral-storage': 10,
      'requests.ephemeral-storage': 10,
      'limits.ephemeral-storage': 20,
    });
  });
});

describe('must specify (pods.go validationSet / enforcePodContainerConstraints)', () => {
  // validationSet = cpu, memory, requests.cpu, requests.memory, limits.cpu, limits.memory; cpu and
  // memory are satisfied by a request (podComputeUsageHelper maps requests.cpu to cpu as well).
  const bare = pod('p', [container('c')]);
  it.each([
    ['cpu', 'cpu'],
    ['memory', 'memory'],
    ['requests.cpu', 'requests.cpu'],
    ['requests.memory', 'requests.memory'],
    ['limits.cpu', 'limits.cpu'],
    ['limits.memory', 'limits.memory'],
  ])('hard %s requires it of every container', (key, named) => {
    expect(quotaDecision(bare, quota({ [key]: 1000 }), {}, v126)).toMatchObject({
      admitted: false,
      kind: 'mustSpecify',
      messageParts: [`failed quota: q: must specify ${named} for: c`],
    });
  });

  it('a cpu/memory request satisfies cpu and memory; only a limit satisfies limits.*', () => {
    const requestsOnly = pod('p', [container('c', { cpuMilli: 10, memoryMi: 10 })]);
    expect(quotaDecision(requestsOnly, quota({ cpu: 100, memory: 100 }), {}, v126).admitted).toBe(true);
    expect(quotaDecision(requestsOnly, quota({ 'limits.memory': 100 }), {}, v126)).toMatchObject({
      messageParts: ['failed quota: q: must specify limits.memory for: c'],
    });
    // A limit alone defaults the request (API defaulting), so limits satisfy every key.
    const limited = pod('p', [container('c', {}, { cpuMilli: 10, memoryMi: 10 })]);
    expect(
      quotaDecision(limited, quota({ cpu: 100, 'limits.cpu': 100, memory: 100 }), {}, v126).admitted,
    ).toBe(true);
  });
});

describe('CheckRequest boundaries (resourcequota/controller.go)', () => {
  it('a matching scope keeps the pod under the quota', () => {
    const p = pod('t', [container('c', { cpuMilli: 200 }, { cpuMilli: 200 })], {
      activeDeadlineSeconds: 60,
    });
    expect(quotaDecision(p, quota({ 'requests.cpu': 100 }, ['Terminating']), {}, v126)).toMatchObject({
      admitted: false,
      kind: 'exceeded',
    });
  });

  it('prettyPrint lists several exceeded resources sorted by name, comma-separated', () => {
    // controller.go prettyPrint sorts the keys and joins "name=quantity" with ",".
    const p = pod('p', [container('c', {}, { cpuMilli: 50, memoryMi: 1 })]);
    const decision = quotaDecision(
      p,
      quota({ pods: 1, 'limits.cpu': 100, 'requests.memory': 10 }),
      { pods: 1, 'limits.cpu': 60, 'requests.memory': 0 },
      v126,
    );
    expect(decision).toMatchObject({
      messageParts: [
        'exceeded quota: q',
        'requested: limits.cpu=50m,pods=1',
        'used: limits.cpu=60m,pods=1',
        'limited: limits.cpu=100m,pods=1',
      ],
    });
  });

  it('a zero request is not checked even when that resource is already over hard', () => {
    // CheckRequest: deltaUsage = quota.RemoveZeros(deltaUsage) before comparing with hard.
    const p = pod('p', [container('c', { cpuMilli: 0, memoryMi: 1 })]);
    const decision = quotaDecision(
      p,
      quota({ 'requests.cpu': 100, 'requests.memory': 10 }),
      { 'requests.cpu': 150, 'requests.memory': 0 },
      v126,
    );
    expect(decision).toStrictEqual({
      admitted: true,
      matched: true,
      usage: { 'requests.cpu': 0, 'requests.memory': 1 },
    });
  });

  it('charges only the hard keys the pod uses', () => {
    const p = pod('p', [container('c', { memoryMi: 5 })]);
    expect(
      quotaDecision(
        p,
        quota({ 'requests.memory': 10, 'requests.example.com/dongle': 10, pods: 3 }),
        {},
        v126,
      ),
    ).toStrictEqual({ admitted: true, matched: true, usage: { 'requests.memory': 5, pods: 1 } });
  });

  it('sidecars are counted by default (KEP-753: sidecars run alongside the app containers)', () => {
    // pkg/api/v1/resource/helpers.go PodRequests: restartable init containers add to the app sum.
    const p = pod('p', [container('c', { cpuMilli: 100 })], {
      initContainers: [container('s', { cpuMilli: 100 }, {}, { restartPolicy: 'Always' })],
    });
    expect(quotaDecision(p, quota({ 'requests.cpu': 150 }), {}, v126).admitted).toBe(false);
  });
});

describe('scopes and termination', () => {
  it('a negative activeDeadlineSeconds is not Terminating (pods.go isTerminating: >= 0)', () => {
    const p = pod('t', [container('c')], { activeDeadlineSeconds: -1 });
    expect(podMatchesScope(p, 'Terminating')).toBe(false);
    expect(podMatchesScope(p, 'NotTerminating')).toBe(true);
  });

  it('a deadline shorter than a case ends the pod even when it restarts Always', () => {
    // pkg/kubelet/active_deadline.go: the pod is failed once activeDeadlineSeconds has passed.
    const deadline = (s: number) => pod('p', [container('c')], { activeDeadlineSeconds: s });
    expect(mayTerminate(deadline(60))).toBe(true);
    expect(mayTerminate(deadline(LONG_DEADLINE_SECONDS - 1))).toBe(true);
    expect(mayTerminate(deadline(LONG_DEADLINE_SECONDS))).toBe(false);
  });

  it('restartPolicy Never ends on any exit code, but only once every container has exited', () => {
    // A pod is Succeeded/Failed only when all its containers terminated and none will restart.
    expect(mayTerminate(pod('p', [exiting('a', 1)], { restartPolicy: 'Never' }))).toBe(true);
    expect(mayTerminate(pod('p', [exiting('a', 0), container('b')], { restartPolicy: 'Never' }))).toBe(false);
  });
});

describe('expectQuota fields', () => {
  it('with no steps only the initialisation is expected', () => {
    expect(expectQuota(scenario({ pods: 1 }, []), caps, DEFAULT_MODEL_OPTIONS).fields).toStrictEqual({
      'quota.initialised': expect.objectContaining({
        expected: { kind: 'equals', value: true },
        rule: 'quota.initialised-before-enforced',
      }),
    });
  });

  it('rule ids and Forbidden status per outcome', () => {
    const f = expectQuota(
      scenario({ 'requests.cpu': 100, pods: 5 }, [
        { kind: 'create', pod: pod('a', [container('c', { cpuMilli: 60 })]) },
        { kind: 'create', pod: pod('b', [container('c')]) },
        { kind: 'create', pod: pod('x', [container('c', { cpuMilli: 60 })]) },
        { kind: 'delete', podName: 'a' },
      ]),
      caps,
      DEFAULT_MODEL_OPTIONS,
    ).fields;
    expect(f['step1.admitted']).toMatchObject({
      expected: { kind: 'equals', value: true },
      rule: 'quota.within-hard-admitted',
    });
    expect(f['step1.used.requests.cpu'].rule).toBe('quota.usage-charged');
    expect(f['step2.admitted']).toMatchObject({
      expected: { kind: 'equals', value: false },
      rule: 'quota.must-specify-rejected',
    });
    expect(f['step2.status']).toMatchObject({
      expected: { kind: 'equals', value: 403 },
      rule: 'quota.must-specify-rejected',
    });
    expect(f['step3.status']).toMatchObject({
      expected: { kind: 'equals', value: 403 },
      rule: 'quota.exceeded-rejected',
    });
    expect(f['step3.reason'].rule).toBe('quota.exceeded-rejected');
    expect(f['step4.admitted']).toBeUndefined();
    expect(f['step4.used.requests.cpu'].rule).toBe('quota.usage-released');
    expect(f['afterSteps.used.requests.cpu'].expected).toEqual({ kind: 'equals', value: 0 });
    expect(f['afterSteps.used.pods'].expected).toEqual({ kind: 'equals', value: 0 });
  });

  // Pod "e" may end before the next step (Never, exits 0): only count/pods still charges it then.
  const ending = pod('e', [exiting('c', 0, { resources: { requests: { cpuMilli: 60 }, limits: {} } })], {
    restartPolicy: 'Never',
  });

  it('no admitted expectation when the outcome depends on whether an earlier pod has ended', () => {
    const f = expectQuota(
      scenario({ 'requests.cpu': 100 }, [
        { kind: 'create', pod: ending },
        { kind: 'create', pod: pod('b', [container('c', { cpuMilli: 50 })]) },
      ]),
      caps,
      DEFAULT_MODEL_OPTIONS,
    ).fields;
    expect(f['step2.admitted']).toBeUndefined();
    expect(f['step2.used.requests.cpu'].expected).toEqual({ kind: 'range', min: 50, max: 60 });
  });

  it('rejected either way, but with different used amounts: no message expectation', () => {
    const f = expectQuota(
      scenario({ 'requests.cpu': 100 }, [
        { kind: 'create', pod: ending },
        { kind: 'create', pod: pod('b', [container('c', { cpuMilli: 150 })]) },
      ]),
      caps,
      DEFAULT_MODEL_OPTIONS,
    ).fields;
    expect(f['step2.admitted'].expected).toEqual({ kind: 'equals', value: false });
    expect(f['step2.status'].expected).toEqual({ kind: 'equals', value: 403 });
    expect(f['step2.reason']).toBeUndefined();
  });
});
