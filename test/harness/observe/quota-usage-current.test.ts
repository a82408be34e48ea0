import type { V1Pod, V1ResourceQuota } from '@kubernetes/client-node';
import { observeQuota } from '../../../harness/observe/quota';
import type { QuotaScenario, QuotaSpec } from '../../../model/scenario';
import type { Trace } from '../../../model/trace';
import { container, pod } from '../../model/resources-builders';

const podObject = (name: string, cpu?: string, extra: Partial<V1Pod> = {}): V1Pod => ({
  metadata: { name },
  spec: {
    containers: [{ name: 'c', resources: cpu ? { requests: { cpu }, limits: { cpu } } : {} }],
    ...extra.spec,
  },
  status: extra.status,
});
const watched = (t: number, type: 'ADDED' | 'MODIFIED' | 'DELETED', object: V1Pod): Trace[number] => ({
  kind: 'podWatch',
  t,
  type,
  object,
});
const result = (t: number, action: 'create' | 'delete', target: string): Trace[number] => ({
  kind: 'actionResult',
  t,
  action,
  target,
  ok: true,
});
const snapshot = (t: number, used: Record<string, string>): Trace[number] => ({
  kind: 'quota',
  t,
  object: { metadata: { name: 'q' }, status: { hard: {}, used } } as V1ResourceQuota,
});

const a = pod('a', [container('c', { cpuMilli: 100 }, { cpuMilli: 100 })]);
const b = pod('b', [container('c', { cpuMilli: 200 }, { cpuMilli: 200 })]);
const scenarioWith = (hard: QuotaSpec['hard'], scopes: QuotaSpec['scopes'] = []): QuotaScenario => ({
  family: 'quota',
  quota: { name: 'q', hard, scopes },
  steps: [
    { kind: 'create', pod: a },
    { kind: 'create', pod: b },
    { kind: 'delete', podName: 'a' },
  ],
});

/** Two pods created, then `a` deleted; the snapshots after the delete are the test's argument. */
function trace(afterDelete: Trace): Trace {
  return [
    snapshot(0, { pods: '0', 'requests.cpu': '0' }),
    result(1, 'create', 'a'),
    watched(1.1, 'ADDED', podObject('a', '100m')),
    snapshot(1.5, { pods: '1', 'requests.cpu': '100m' }),
    result(2, 'create', 'b'),
    watched(2.1, 'ADDED', podObject('b', '200m')),
    snapshot(2.5, { pods: '2', 'requests.cpu': '300m' }),
    result(3, 'delete', 'a'),
    watched(3.1, 'DELETED', podObject('a', '100m')),
    ...afterDelete,
  ];
}

describe('observeQuota: compute usage only from a snapshot the controller had caught up in', () => {
  const scenario = scenarioWith({ pods: 5, 'requests.cpu': 1000 });

  it('after a delete, skips the snapshot that still counts the deleted pod', () => {
    const fields = observeQuota(
      trace([
        snapshot(3.5, { pods: '2', 'requests.cpu': '300m' }),
        snapshot(4, { pods: '1', 'requests.cpu': '200m' }),
      ]),
      scenario,
    ).fields;
    expect(fields['step3.used.requests.cpu']).toEqual({ kind: 'value', value: 200 });
    expect(fields['afterSteps.used.requests.cpu']).toEqual({ kind: 'value', value: 200 });
  });

  it('a caught-up snapshot is taken even when a stale one comes after it: its compute is current', () => {
    const fields = observeQuota(
      trace([
        snapshot(4, { pods: '1', 'requests.cpu': '200m' }),
        snapshot(4.5, { pods: '2', 'requests.cpu': '300m' }),
      ]),
      scenario,
    ).fields;
    expect(fields['step3.used.requests.cpu']).toEqual({ kind: 'value', value: 200 });
    // The pod count is read as the cluster last showed it.
    expect(fields['step3.used.pods']).toEqual({ kind: 'value', value: 2 });
  });

  it('with only a stale snapshot, compute usage is missing (inconclusive), the count is still read', () => {
    const fields = observeQuota(
      trace([snapshot(3.5, { pods: '2', 'requests.cpu': '300m' })]),
      scenario,
    ).fields;
    expect(fields['step3.used.requests.cpu']).toMatchObject({
      kind: 'missing',
      reason: expect.stringContaining('caught up'),
    });
    expect(fields['step3.used.pods']).toEqual({ kind: 'value', value: 2 });
  });

  it('a caught-up snapshot whose compute was not released is observed as it is (the property then fails)', () => {
    const fields = observeQuota(trace([snapshot(4, { pods: '1', 'requests.cpu': '300m' })]), scenario).fields;
    expect(fields['step3.used.requests.cpu']).toEqual({ kind: 'value', value: 300 });
  });

  it('counts only the pods the scopes select and, for `pods`, only those not terminal', () => {
    const scoped = scenarioWith({ pods: 5, 'requests.cpu': 1000 }, ['NotTerminating']);
    const withOutsider: Trace = [
      ...trace([]).slice(0, 3),
      watched(
        1.2,
        'ADDED',
        podObject('outsider', '50m', { spec: { containers: [], activeDeadlineSeconds: 9 } }),
      ),
      watched(1.3, 'ADDED', podObject('done', '50m', { status: { phase: 'Succeeded' } })),
      ...trace([]).slice(3),
      snapshot(4, { pods: '1', 'requests.cpu': '200m' }),
    ];
    // Every snapshot carries the quota's spec as the API holds it: its scopes select the pods counted.
    const withScopes: Trace = withOutsider.map((entry) =>
      entry.kind === 'quota'
        ? { ...entry, object: { ...entry.object, spec: { scopes: ['NotTerminating'] } } }
        : entry,
    );
    const fields = observeQuota(withScopes, scoped).fields;
    expect(fields['step1.used.requests.cpu']).toEqual({ kind: 'value', value: 100 });
    expect(fields['step3.used.requests.cpu']).toEqual({ kind: 'value', value: 200 });
  });

  it('with no pod count tracked, compute usage is read until the first delete and missing after it', () => {
    const uncounted = scenarioWith({ 'requests.cpu': 1000 });
    const fields = observeQuota(trace([snapshot(4, { 'requests.cpu': '200m' })]), uncounted).fields;
    expect(fields['step2.used.requests.cpu']).toEqual({ kind: 'value', value: 300 });
    expect(fields['step3.used.requests.cpu']).toMatchObject({
      kind: 'missing',
      reason: expect.stringContaining('no pod count tracked'),
    });
    expect(fields['afterSteps.used.requests.cpu']).toMatchObject({ kind: 'missing' });
  });
});
