import type { V1Pod, V1ResourceQuota } from '@kubernetes/client-node';
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

async function settled(q: V1ResourceQuota, pods: V1Pod[]): Promise<boolean> {
  return (
    await quotaSettled(
      'q',
      () => Promise.resolve(q),
      () => pods,
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

  it('a failed read is "not yet"', async () => {
    const failing = quotaSettled(
      'q',
      () => Promise.reject(new Error('boom')),
      () => [],
    );
    expect(await failing.check()).toMatchObject({ done: false, lastSeen: expect.stringContaining('boom') });
  });
});
