import type { V1Pod, V1ResourceQuota } from '@kubernetes/client-node';
import { createQuotaUsage } from '../../../harness/fake/admission';
import { quotaStatus } from '../../../harness/fake/quota-status';
import { pod } from './admission/admission-context';

const hard = { pods: '4', 'count/pods': '4', 'requests.cpu': '1', 'limits.memory': '1Gi' };
const quota = (used: Record<string, string>): V1ResourceQuota => ({
  metadata: { name: 'q' },
  spec: { hard },
  status: { hard, used },
});
const a = pod('a', [{ name: 'c', requests: { cpu: '100m' }, limits: { cpu: '100m', memory: '64Mi' } }]);
const b = pod('b', [{ name: 'c', requests: { cpu: '250m' }, limits: { cpu: '250m', memory: '32Mi' } }]);
const succeeded = (p: V1Pod): V1Pod => ({ ...p, status: { phase: 'Succeeded' } });
const bothCharged = { pods: '2', 'count/pods': '2', 'requests.cpu': '350m', 'limits.memory': '96Mi' };

// The quota controller recomputes every tracked resource from the pods left
// (resource_quota_controller.go syncResourceQuota; pods.go PodUsageFunc, QuotaV1Pod).
describe('the fake quota controller releases usage', () => {
  const usage = createQuotaUsage();

  it('a deleted pod no longer charges anything', () => {
    expect(quotaStatus(quota(bothCharged), [b], usage).used).toEqual({
      pods: '1',
      'count/pods': '1',
      'requests.cpu': '250m',
      'limits.memory': '32Mi',
    });
  });

  it('a terminal pod charges only count/pods', () => {
    expect(quotaStatus(quota(bothCharged), [succeeded(a), b], usage).used).toEqual({
      pods: '1',
      'count/pods': '2',
      'requests.cpu': '250m',
      'limits.memory': '32Mi',
    });
  });
});

describe('defect quota-usage-not-released', () => {
  const usage = createQuotaUsage({ defects: ['quota-usage-not-released'] });

  it("recounts the pods but keeps the deleted pod's compute usage", () => {
    expect(quotaStatus(quota(bothCharged), [b], usage).used).toEqual({
      pods: '1',
      'count/pods': '1',
      'requests.cpu': '350m',
      'limits.memory': '96Mi',
    });
  });

  it('still charges new pods (usage only grows)', () => {
    expect(
      quotaStatus(
        quota({ pods: '0', 'count/pods': '0', 'requests.cpu': '0', 'limits.memory': '0' }),
        [a],
        usage,
      ).used,
    ).toEqual({
      pods: '1',
      'count/pods': '1',
      'requests.cpu': '100m',
      'limits.memory': '64Mi',
    });
  });
});
