import type { V1Pod, V1ResourceQuota } from '@kubernetes/client-node';
import type { CountedResource } from '../../harness/cluster-port';
import { quotaSettled } from '../../harness/waits-quota';

const hard = { pods: '3', 'requests.cpu': '1' };
const quota = (used: Record<string, string>, scopes?: string[]): V1ResourceQuota => ({
  metadata: { name: 'q' },
  spec: { hard, scopes },
  status: { hard, used },
});
const podNamed = (name: string, extra: Partial<V1Pod['spec']> = {}): V1Pod => ({
  metadata: { name },
  spec: { containers: [{ name: 'c', resources: { requests: { cpu: '100m' } } }], ...extra },
});

async function settled(
  q: V1ResourceQuota,
  pods: V1Pod[],
  listed: Partial<Record<CountedResource, string[]>> = {},
): Promise<boolean> {
  return (
    await quotaSettled(
      'q',
      () => Promise.resolve(q),
      () => pods,
      (kind) => Promise.resolve(listed[kind] ?? []),
    ).check()
  ).done;
}

describe('quotaSettled: the pod counts show the quota controller caught up', () => {
  it('waits while status.used still counts a deleted pod', async () => {
    expect(await settled(quota({ pods: '2', 'requests.cpu': '200m' }), [podNamed('b')])).toBe(false);
    expect(await settled(quota({ pods: '1', 'requests.cpu': '100m' }), [podNamed('b')])).toBe(true);
  });

  it('does not wait on compute usage: a count caught up with compute not released is for the property to judge', async () => {
    expect(await settled(quota({ pods: '1', 'requests.cpu': '200m' }), [podNamed('b')])).toBe(true);
  });

  it('counts only the pods the scopes select', async () => {
    const terminating = podNamed('t', { activeDeadlineSeconds: 60 });
    const scoped = (pods: string) => quota({ pods, 'requests.cpu': '100m' }, ['NotTerminating']);
    expect(await settled(scoped('1'), [podNamed('b'), terminating])).toBe(true);
    expect(await settled(scoped('2'), [podNamed('b'), terminating])).toBe(false);
  });

  it('waits while an object count differs from what the API lists (a deleted secret not yet released)', async () => {
    const objectHard = { secrets: '2', 'requests.storage': '2Gi', persistentvolumeclaims: '2' };
    const used = { secrets: '1', 'requests.storage': '1Gi', persistentvolumeclaims: '1' };
    const q: V1ResourceQuota = { spec: { hard: objectHard }, status: { hard: objectHard, used } };
    expect(await settled(q, [], { Secret: [], PersistentVolumeClaim: ['c'] })).toBe(false);
    expect(await settled(q, [], { Secret: ['s'], PersistentVolumeClaim: ['c'] })).toBe(true);
  });

  it('a failed list is "not yet"', async () => {
    const failing = quotaSettled(
      'q',
      () => Promise.resolve({ status: { hard: { secrets: '1' }, used: { secrets: '0' } } }),
      () => [],
      () => Promise.reject(new Error('list boom')),
    );
    expect(await failing.check()).toMatchObject({
      done: false,
      lastSeen: expect.stringContaining('list boom'),
    });
  });

  it('a failed read is "not yet"', async () => {
    const failing = quotaSettled(
      'q',
      () => Promise.reject(new Error('boom')),
      () => [],
      () => Promise.resolve([]),
    );
    expect(await failing.check()).toMatchObject({ done: false, lastSeen: expect.stringContaining('boom') });
  });
});
