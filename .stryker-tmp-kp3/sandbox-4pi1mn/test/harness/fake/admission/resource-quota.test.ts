// @ts-nocheck
import type { V1ResourceQuota } from '@kubernetes/client-node';
import { DefectSet } from '../../../../harness/fake/defects';
import { quotaUsage, resourceQuotaAdmission } from '../../../../harness/fake/admission/resource-quota';
import { admissionContext, pod } from './admission-context';

/** The recording quota-admission (messages there are the real API server's). */
const hard = {
  'limits.cpu': '200m',
  'limits.memory': '128Mi',
  pods: '3',
  'requests.cpu': '100m',
  'requests.memory': '64Mi',
};
const quota: { kind: 'ResourceQuota' } & V1ResourceQuota = {
  kind: 'ResourceQuota',
  metadata: { name: 'q', namespace: 'ns' },
  spec: { hard },
  status: { hard, used: {} },
};
const full = (name: string, reqCpu: string, reqMem: string, limCpu: string, limMem: string) =>
  pod(name, [
    { name: 'c', requests: { cpu: reqCpu, memory: reqMem }, limits: { cpu: limCpu, memory: limMem } },
  ]);
const fits = full('fits', '60m', '32Mi', '100m', '64Mi');
const exact = full('exact', '40m', '32Mi', '100m', '64Mi');

function message(
  decision: ReturnType<ReturnType<typeof resourceQuotaAdmission>['admit']>,
): string | undefined {
  return decision.allowed ? undefined : decision.body.message;
}

describe('fake ResourceQuota admission', () => {
  const plugin = resourceQuotaAdmission(new DefectSet());

  it('admits up to the exact hard limit', () => {
    expect(plugin.admit('ns', fits, admissionContext([quota])).allowed).toBe(true);
    expect(plugin.admit('ns', exact, admissionContext([quota], [fits])).allowed).toBe(true);
  });

  it('rejects over quota with the exceeded resources only (quota-admission "over")', () => {
    const decision = plugin.admit(
      'ns',
      full('over', '10m', '8Mi', '10m', '8Mi'),
      admissionContext([quota], [fits, exact]),
    );
    expect(decision.allowed).toBe(false);
    expect(decision.allowed ? 0 : decision.status).toBe(403);
    expect(message(decision)).toBe(
      'pods "over" is forbidden: exceeded quota: q, requested: limits.cpu=10m,limits.memory=8Mi,requests.cpu=10m,requests.memory=8Mi, ' +
        'used: limits.cpu=200m,limits.memory=128Mi,requests.cpu=100m,requests.memory=64Mi, ' +
        'limited: limits.cpu=200m,limits.memory=128Mi,requests.cpu=100m,requests.memory=64Mi',
    );
  });

  it('requires every container, init containers included, to state tracked cpu/memory', () => {
    const nolimits = pod('nolimits', [{ name: 'c', requests: { cpu: '10m' } }]);
    expect(message(plugin.admit('ns', nolimits, admissionContext([quota])))).toBe(
      'pods "nolimits" is forbidden: failed quota: q: must specify limits.cpu for: c; limits.memory for: c; requests.memory for: c',
    );
    const initcounted = pod(
      'initcounted',
      [{ name: 'c', requests: { cpu: '10m', memory: '8Mi' }, limits: { cpu: '10m', memory: '8Mi' } }],
      [{ name: 'i' }],
    );
    expect(message(plugin.admit('ns', initcounted, admissionContext([quota])))).toBe(
      'pods "initcounted" is forbidden: failed quota: q: must specify limits.cpu for: i; limits.memory for: i; requests.cpu for: i; requests.memory for: i',
    );
  });

  it('refuses while the quota controller has not filled status yet', () => {
    const fresh = { ...quota, status: undefined };
    expect(message(plugin.admit('ns', fits, admissionContext([fresh])))).toContain(
      'status unknown for quota: q',
    );
  });

  it('does not charge terminal pods, and skips pods outside its scopes', () => {
    const done = { ...fits, status: { phase: 'Succeeded' } };
    expect(plugin.admit('ns', exact, admissionContext([quota], [done, fits])).allowed).toBe(true);
    const bestEffortOnly = {
      ...quota,
      spec: { hard: { pods: '0' }, scopes: ['BestEffort'] },
      status: { hard: { pods: '0' } },
    };
    expect(plugin.admit('ns', fits, admissionContext([bestEffortOnly])).allowed).toBe(true);
    expect(
      plugin.admit('ns', pod('plain', [{ name: 'c' }]), admissionContext([bestEffortOnly])).allowed,
    ).toBe(false);
  });

  it('computes status.used from the pods (usage before and after a delete)', () => {
    expect(quotaUsage(quota, [fits, exact])).toEqual({
      'limits.cpu': '200m',
      'limits.memory': '128Mi',
      pods: '2',
      'requests.cpu': '100m',
      'requests.memory': '64Mi',
    });
    expect(quotaUsage(quota, [exact])).toEqual({
      'limits.cpu': '100m',
      'limits.memory': '64Mi',
      pods: '1',
      'requests.cpu': '40m',
      'requests.memory': '32Mi',
    });
  });

  it('with quota-not-enforced everything is admitted', () => {
    const broken = resourceQuotaAdmission(new DefectSet(['quota-not-enforced']));
    expect(
      broken.admit('ns', full('over', '10m', '8Mi', '10m', '8Mi'), admissionContext([quota], [fits, exact]))
        .allowed,
    ).toBe(true);
  });
});
