// @ts-nocheck
import fc from 'fast-check';
import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { resolvePod } from '../../model/effective-request';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import { expectQuota, mayTerminate, podMatchesScope, podQuotaUsage, quotaDecision } from '../../model/quota';
import type { QuotaScenario, QuotaSpec } from '../../model/scenario';
import { container, pod } from './resources-builders';

const v126 = parseServerVersion('v1.26');
const caps = defaultCapabilities(parseServerVersion('v1.34'));
const guaranteed = (name: string, cpuMilli: number, memoryMi: number) =>
  pod(name, [container('c', {}, { cpuMilli, memoryMi })]);
const quota = (hard: Record<string, number>, scopes: QuotaSpec['scopes'] = []): QuotaSpec => ({
  name: 'q',
  hard,
  scopes,
});

describe('pod usage (pods.go PodUsageFunc)', () => {
  it('charges pods, count/pods, requests, limits and extended requests', () => {
    const p = pod('p', [
      container('c', { cpuMilli: 10 }, { cpuMilli: 50, memoryMi: 32, extended: { 'x.io/d': 2 } }),
    ]);
    expect(podQuotaUsage(resolvePod(p))).toEqual({
      pods: 1,
      'count/pods': 1,
      cpu: 10,
      'requests.cpu': 10,
      'limits.cpu': 50,
      memory: 32,
      'requests.memory': 32,
      'limits.memory': 32,
      'requests.x.io/d': 2,
    });
  });

  it('counts init containers through the effective request', () => {
    const p = pod('p', [container('c', { cpuMilli: 10 })], {
      initContainers: [container('i', { cpuMilli: 300 })],
    });
    expect(podQuotaUsage(resolvePod(p))['requests.cpu']).toBe(300);
  });
});

describe('scopes (pods.go podMatchesScopeFunc)', () => {
  const bestEffort = pod('be', [container('c')]);
  const burstable = pod('bu', [container('c', { cpuMilli: 10 })]);
  const deadline = pod('t', [container('c')], { activeDeadlineSeconds: 60 });
  it.each([
    [bestEffort, 'BestEffort', true],
    [bestEffort, 'NotBestEffort', false],
    [burstable, 'BestEffort', false],
    [burstable, 'NotBestEffort', true],
    [deadline, 'Terminating', true],
    [deadline, 'NotTerminating', false],
    [bestEffort, 'Terminating', false],
    [bestEffort, 'NotTerminating', true],
  ] as const)('%#: %s', (p, scope, matches) => {
    expect(podMatchesScope(p, scope)).toBe(matches);
  });

  it('activeDeadlineSeconds 0 still counts as Terminating', () => {
    expect(podMatchesScope(pod('t', [container('c')], { activeDeadlineSeconds: 0 }), 'Terminating')).toBe(
      true,
    );
  });
});

describe('quotaDecision (resourcequota/controller.go CheckRequest)', () => {
  const hard = { 'requests.cpu': 100, 'requests.memory': 64, pods: 2 };

  it('admits an exact fill', () => {
    expect(
      quotaDecision(
        guaranteed('p', 40, 32),
        quota(hard),
        { 'requests.cpu': 60, 'requests.memory': 32, pods: 1 },
        v126,
      ),
    ).toEqual({
      admitted: true,
      matched: true,
      usage: { 'requests.cpu': 40, 'requests.memory': 32, pods: 1 },
    });
  });

  it('rejects one unit over, listing only the exceeded resources', () => {
    const decision = quotaDecision(
      guaranteed('p', 41, 32),
      quota(hard),
      { 'requests.cpu': 60, 'requests.memory': 32, pods: 1 },
      v126,
    );
    expect(decision).toMatchObject({
      admitted: false,
      kind: 'exceeded',
      messageParts: [
        'exceeded quota: q',
        'requested: requests.cpu=41m',
        'used: requests.cpu=60m',
        'limited: requests.cpu=100m',
      ],
    });
  });

  it('rejects a third pod over a pods hard of 2', () => {
    const decision = quotaDecision(
      guaranteed('p', 1, 1),
      quota(hard),
      { 'requests.cpu': 0, 'requests.memory': 0, pods: 2 },
      v126,
    );
    expect(decision).toMatchObject({
      admitted: false,
      messageParts: expect.arrayContaining(['requested: pods=1', 'limited: pods=2']),
    });
  });

  it('requires cpu/memory on every container, init containers included (sorted names)', () => {
    const p = pod('p', [container('b', { cpuMilli: 1 }), container('a', { cpuMilli: 1 })], {
      initContainers: [container('i')],
    });
    const decision = quotaDecision(p, quota({ 'requests.cpu': 100, 'limits.memory': 64 }), {}, v126);
    expect(decision).toMatchObject({
      admitted: false,
      kind: 'mustSpecify',
      messageParts: ['failed quota: q: must specify limits.memory for: a,b,i; requests.cpu for: i'],
    });
    const older = quotaDecision(p, quota({ 'requests.cpu': 100 }), {}, parseServerVersion('v1.25'));
    expect(older).toMatchObject({ messageParts: ['failed quota: q', 'must specify'] });
  });

  it('does not require anything for pods, count/pods or extended resources', () => {
    const p = pod('p', [container('c')]);
    expect(
      quotaDecision(p, quota({ pods: 5, 'count/pods': 5, 'requests.x.io/d': 1 }), {}, v126).admitted,
    ).toBe(true);
  });

  it('ignores a pod its scopes do not select, even over hard', () => {
    const decision = quotaDecision(
      guaranteed('p', 500, 500),
      quota({ 'requests.cpu': 100 }, ['BestEffort']),
      {},
      v126,
    );
    expect(decision).toEqual({ admitted: true, matched: false, usage: {} });
  });

  it('extended resources are quota-ed as requests.<name>', () => {
    const p = pod('p', [container('c', {}, { extended: { 'example.com/dongle': 2 } })]);
    const decision = quotaDecision(
      p,
      quota({ 'requests.example.com/dongle': 3 }),
      { 'requests.example.com/dongle': 2 },
      v126,
    );
    expect(decision).toMatchObject({
      admitted: false,
      messageParts: expect.arrayContaining(['requested: requests.example.com/dongle=2']),
    });
  });

  it('admits exactly when used + request ≤ hard (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 1, max: 2000 }),
        (request, used, hardCpu) => {
          const decision = quotaDecision(
            guaranteed('p', request, 1),
            quota({ 'limits.cpu': hardCpu }),
            { 'limits.cpu': used },
            v126,
          );
          return decision.admitted === used + request <= hardCpu;
        },
      ),
    );
  });
});

describe('expectQuota', () => {
  // Shape of test/e2e/apimachinery/resource_quota.go "should create a ResourceQuota and capture the
  // life of a pod": a pod is charged, one exceeding the remaining quota is rejected, deleting frees it.
  const scenario: QuotaScenario = {
    family: 'quota',
    quota: quota({ pods: 5, 'requests.cpu': 1000, 'requests.memory': 500, 'requests.example.com/dongle': 3 }),
    steps: [
      {
        kind: 'create',
        pod: pod('a', [
          container('c', { cpuMilli: 500, memoryMi: 252 }, { extended: { 'example.com/dongle': 2 } }),
        ]),
      },
      { kind: 'create', pod: pod('b', [container('c', { cpuMilli: 600, memoryMi: 100 })]) },
      {
        kind: 'create',
        pod: pod('c', [
          container('c', { cpuMilli: 10, memoryMi: 10 }, { extended: { 'example.com/dongle': 2 } }),
        ]),
      },
      { kind: 'delete', podName: 'a' },
    ],
  };
  const fields = expectQuota(scenario, caps, DEFAULT_MODEL_OPTIONS).fields;

  it('charges the first pod and rejects the ones exceeding what remains', () => {
    expect(fields['step1.admitted'].expected).toEqual({ kind: 'equals', value: true });
    expect(fields['step1.used.requests.cpu'].expected).toEqual({ kind: 'equals', value: 500 });
    expect(fields['step2.admitted'].expected).toEqual({ kind: 'equals', value: false });
    expect(fields['step2.reason'].expected).toMatchObject({
      parts: expect.arrayContaining(['requested: requests.cpu=600m']),
    });
    expect(fields['step3.reason'].expected).toMatchObject({
      parts: expect.arrayContaining([
        'requested: requests.example.com/dongle=2',
        'used: requests.example.com/dongle=2',
      ]),
    });
  });

  it('releases usage when the pod is deleted', () => {
    expect(fields['step4.used.requests.cpu'].expected).toEqual({ kind: 'equals', value: 0 });
    expect(fields['afterSteps.used.pods'].expected).toEqual({ kind: 'equals', value: 0 });
    expect(fields['step4.used.pods'].rule).toBe('quota.usage-released');
  });

  it('uses a range for pods that may have ended by the snapshot', () => {
    const ending = pod(
      'e',
      [
        container(
          'c',
          { cpuMilli: 100 },
          {},
          {
            behaviour: {
              startDelaySeconds: 0,
              sigterm: { kind: 'default' },
              exitAfter: { seconds: 1, exitCode: 0 },
            },
          },
        ),
      ],
      {
        restartPolicy: 'Never',
      },
    );
    expect(mayTerminate(ending)).toBe(true);
    const f = expectQuota(
      {
        family: 'quota',
        quota: quota({ 'requests.cpu': 100, 'count/pods': 5 }),
        steps: [{ kind: 'create', pod: ending }],
      },
      caps,
      DEFAULT_MODEL_OPTIONS,
    ).fields;
    expect(f['step1.used.requests.cpu'].expected).toEqual({ kind: 'range', min: 0, max: 100 });
    expect(f['step1.used.count/pods'].expected).toEqual({ kind: 'equals', value: 1 });
  });

  it('mayTerminate: Always never ends on its own; OnFailure only when every container exits 0', () => {
    const exiting = (code: number) =>
      container(
        'c',
        {},
        {},
        {
          behaviour: {
            startDelaySeconds: 0,
            sigterm: { kind: 'default' },
            exitAfter: { seconds: 1, exitCode: code },
          },
        },
      );
    expect(mayTerminate(pod('p', [exiting(0)], { restartPolicy: 'Always' }))).toBe(false);
    expect(mayTerminate(pod('p', [exiting(0)], { restartPolicy: 'OnFailure' }))).toBe(true);
    expect(mayTerminate(pod('p', [exiting(1)], { restartPolicy: 'OnFailure' }))).toBe(false);
    expect(mayTerminate(pod('p', [container('c')], { restartPolicy: 'Never' }))).toBe(false);
  });
});
