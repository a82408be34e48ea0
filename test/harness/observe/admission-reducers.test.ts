import type { V1Pod, V1ResourceQuota } from '@kubernetes/client-node';
import { observeLimitRange } from '../../../harness/observe/limitrange';
import { observePodSecurity, violationsInMessage } from '../../../harness/observe/podsecurity';
import { observeQuota } from '../../../harness/observe/quota';
import { observeResources } from '../../../harness/observe/resources';
import type { QuotaScenario } from '../../../model/scenario';
import type { Trace } from '../../../model/trace';
import { container, pod } from '../../model/resources-builders';

const created = (t: number, target: string, ok = true, extra = {}) =>
  ({ kind: 'actionResult', t, action: 'create', target, ok, ...extra }) as const;
const watched = (t: number, type: 'ADDED' | 'DELETED', name: string): Trace[number] => ({
  kind: 'podWatch',
  t,
  type,
  object: { metadata: { name }, spec: { containers: [{ name: 'c' }] } } as V1Pod,
});
const quotaSnapshot = (t: number, used: Record<string, string>): Trace[number] => ({
  kind: 'quota',
  t,
  object: { metadata: { name: 'q' }, status: { hard: { pods: '3' }, used } } as V1ResourceQuota,
});

describe('observeQuota', () => {
  const scenario: QuotaScenario = {
    family: 'quota',
    quota: { name: 'q', hard: { pods: 3, 'requests.cpu': 100 }, scopes: [] },
    steps: [
      { kind: 'create', pod: pod('a', [container('c')]) },
      { kind: 'create', pod: pod('a', [container('c')]) },
      { kind: 'delete', podName: 'a' },
    ],
  };

  it('matches repeated names in order and takes the last snapshot between steps', () => {
    const trace: Trace = [
      quotaSnapshot(1, { pods: '0', 'requests.cpu': '0' }),
      created(2, 'a'),
      watched(2.5, 'ADDED', 'a'),
      quotaSnapshot(3, { pods: '0', 'requests.cpu': '0' }),
      quotaSnapshot(4, { pods: '1', 'requests.cpu': '50m' }),
      created(5, 'a', false, { status: 403, body: { message: 'pods "a" is forbidden: exceeded quota: q' } }),
      { kind: 'actionResult', t: 6, action: 'delete', target: 'a', ok: true },
      watched(6.5, 'DELETED', 'a'),
      quotaSnapshot(7, { pods: '0', 'requests.cpu': '0' }),
    ];
    const fields = observeQuota(trace, scenario).fields;
    expect(fields['quota.initialised']).toEqual({ kind: 'value', value: true });
    expect(fields['step1.admitted']).toEqual({ kind: 'value', value: true });
    expect(fields['step1.used.requests.cpu']).toEqual({ kind: 'value', value: 50 });
    expect(fields['step2.admitted']).toEqual({ kind: 'value', value: false });
    expect(fields['step2.status']).toEqual({ kind: 'value', value: 403 });
    expect(fields['step2.used.pods']).toMatchObject({ kind: 'missing' });
    expect(fields['step3.used.pods']).toEqual({ kind: 'value', value: 0 });
    expect(fields['afterSteps.used.pods']).toEqual({ kind: 'value', value: 0 });
  });

  it('without a filled status before the first step, initialisation is not observed', () => {
    const fields = observeQuota([created(1, 'a'), quotaSnapshot(2, { pods: '1' })], scenario).fields;
    expect(fields['quota.initialised']).toMatchObject({ kind: 'missing' });
    expect(fields['step1.used.requests.cpu']).toMatchObject({ kind: 'missing' });
    expect(fields['step3.admitted']).toBeUndefined();
  });
});

describe('violationsInMessage', () => {
  it('names the checks, mapping seccompProfile by level', () => {
    expect(
      violationsInMessage(
        'pods "x" is forbidden: violates PodSecurity "restricted:latest": privileged (container "c" must not set securityContext.privileged=true), seccompProfile (pod or container "c" must set ...)',
      ),
    ).toEqual(['privileged', 'seccompProfile_restricted']);
    expect(
      violationsInMessage(
        'would violate PodSecurity "baseline:v1.30": seccompProfile (pod must not set ...)',
      ),
    ).toEqual(['seccompProfile_baseline']);
    expect(violationsInMessage('violates PodSecurity "restricted:v1.18": seccompProfile (x)')).toEqual([
      'seccompProfile_baseline',
    ]);
  });

  it('ignores reasons that only appear inside a detail', () => {
    expect(
      violationsInMessage(
        'violates PodSecurity "baseline:latest": host namespaces (hostNetwork=true, privileged (no))',
      ),
    ).toEqual(['hostNamespaces']);
    expect(violationsInMessage('exceeded quota: q')).toBeUndefined();
  });
});

describe('observePodSecurity', () => {
  const scenario = { family: 'podsecurity' as const, labels: {}, pod: pod('p', [container('c')]) };
  it('reads warnings of an admitted create; absent warnings mean none; undefined means unrecorded', () => {
    const warned = observePodSecurity(
      [
        created(1, 'p', true, {
          warnings: ['would violate PodSecurity "restricted:latest": runAsNonRoot != true (x)'],
        }),
      ],
      scenario,
    );
    expect(warned.fields['p.warn.violations']).toEqual({ kind: 'list', values: ['runAsNonRoot'] });
    expect(
      observePodSecurity([created(1, 'p', true, { warnings: [] })], scenario).fields['p.warn.violations'],
    ).toEqual({ kind: 'list', values: [] });
    expect(observePodSecurity([created(1, 'p')], scenario).fields['p.warn.violations']).toMatchObject({
      kind: 'missing',
    });
  });
});

describe('observeResources and observeLimitRange', () => {
  const stored = (status: V1Pod['status'], annotations?: Record<string, string>): V1Pod => ({
    metadata: { name: 'p', annotations },
    spec: { containers: [{ name: 'c', resources: { requests: { cpu: '50m' }, limits: { memory: '1Gi' } } }] },
    status,
  });

  it('a FailedScheduling event naming the pod counts when no condition was seen', () => {
    const trace: Trace = [
      created(1, 'p', true, { object: stored({ qosClass: 'Burstable' }) }),
      {
        kind: 'event',
        t: 2,
        event: {
          metadata: {},
          involvedObject: { name: 'p' },
          reason: 'FailedScheduling',
          message: '0/3 nodes are available: 3 Insufficient memory.',
        },
      },
      {
        kind: 'event',
        t: 3,
        event: {
          metadata: {},
          involvedObject: { name: 'other' },
          reason: 'FailedScheduling',
          message: 'Insufficient cpu',
        },
      },
    ];
    const fields = observeResources(trace, {
      family: 'resources',
      pod: pod('p', [container('c')]),
      observeSeconds: 5,
    }).fields;
    expect(fields['p.scheduled']).toEqual({ kind: 'value', value: false });
    expect(fields['p.schedulingMessage']).toEqual({
      kind: 'text',
      text: '0/3 nodes are available: 3 Insufficient memory.',
    });
    expect(fields['p.qosClass']).toEqual({ kind: 'value', value: 'Burstable' });
    expect(fields['p.c.oomKilled']).toMatchObject({ kind: 'missing' });
  });

  it('reads amounts and the annotation (null when absent) from the stored pod', () => {
    const scenario = {
      family: 'limitrange' as const,
      limitRange: { name: 'lr', limits: [] },
      pod: pod('p', [container('c')]),
    };
    const fields = observeLimitRange([created(1, 'p', true, { object: stored({}) })], scenario).fields;
    expect(fields['p.limitRangerAnnotation']).toEqual({ kind: 'value', value: null });
    expect(fields['p.c.requests.cpu']).toEqual({ kind: 'value', value: 50 });
    expect(fields['p.c.requests.memory']).toEqual({ kind: 'value', value: null });
    expect(fields['p.c.limits.memory']).toEqual({ kind: 'value', value: 1024 });
    const rejected = observeLimitRange(
      [created(1, 'p', false, { status: 403, body: { message: 'no' } })],
      scenario,
    ).fields;
    expect(rejected['p.reason']).toEqual({ kind: 'text', text: 'no' });
    expect(rejected['p.c.requests.cpu']).toBeUndefined();
  });
});
