import type { V1Pod } from '@kubernetes/client-node';
import { createFakeAdmission } from '../../../../harness/fake/admission';
import { DefectSet } from '../../../../harness/fake/defects';
import { extendedResourceValidation } from '../../../../harness/fake/admission/extended-resources';
import { podSecurityAdmission } from '../../../../harness/fake/admission/pod-security';
import { admissionContext } from './admission-context';

/** The recordings psa-enforce-restricted, psa-enforce-baseline-warn-restricted and extended-resource. */
const make = (
  name: string,
  spec: Partial<NonNullable<V1Pod['spec']>>,
  securityContext?: NonNullable<V1Pod['spec']>['containers'][number]['securityContext'],
): { kind: 'Pod' } & V1Pod => ({
  kind: 'Pod',
  metadata: { name },
  spec: { ...spec, containers: [{ name: 'c', image: 'busybox', securityContext }] },
});

const RESTRICTED_TAIL =
  'allowPrivilegeEscalation != false (container "c" must set securityContext.allowPrivilegeEscalation=false), ' +
  'unrestricted capabilities (container "c" must set securityContext.capabilities.drop=["ALL"]), ' +
  'runAsNonRoot != true (pod or container "c" must set securityContext.runAsNonRoot=true), ' +
  'seccompProfile (pod or container "c" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost")';

describe('fake PodSecurity admission', () => {
  const plugin = podSecurityAdmission(new DefectSet());
  const restricted = admissionContext([], [], { 'pod-security.kubernetes.io/enforce': 'restricted' });
  const baselineWarnRestricted = admissionContext([], [], {
    'pod-security.kubernetes.io/enforce': 'baseline',
    'pod-security.kubernetes.io/warn': 'restricted',
  });

  it('restricted enforce rejects privileged, hostNetwork and plain pods with their checks', () => {
    const message = (p: { kind: 'Pod' } & V1Pod) => {
      const d = plugin.admit('ns', p, restricted);
      return d.allowed ? '' : d.body.message;
    };
    expect(message(make('plain', {}))).toBe(
      `pods "plain" is forbidden: violates PodSecurity "restricted:latest": ${RESTRICTED_TAIL}`,
    );
    expect(message(make('hostnet', { hostNetwork: true }))).toBe(
      `pods "hostnet" is forbidden: violates PodSecurity "restricted:latest": host namespaces (hostNetwork=true), ${RESTRICTED_TAIL}`,
    );
    expect(message(make('privileged', {}, { privileged: true }))).toBe(
      `pods "privileged" is forbidden: violates PodSecurity "restricted:latest": privileged (container "c" must not set securityContext.privileged=true), ${RESTRICTED_TAIL}`,
    );
  });

  it('admits a compliant pod', () => {
    const ok = make(
      'restricted-ok',
      { securityContext: { runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } } },
      { allowPrivilegeEscalation: false, capabilities: { drop: ['ALL'] } },
    );
    expect(plugin.admit('ns', ok, restricted)).toMatchObject({ allowed: true, warnings: [] });
  });

  it('baseline enforce admits a plain pod and warn returns the restricted violations', () => {
    const decision = plugin.admit('ns', make('plain', {}), baselineWarnRestricted);
    expect(decision.allowed).toBe(true);
    expect(decision.warnings).toEqual([`would violate PodSecurity "restricted:latest": ${RESTRICTED_TAIL}`]);
    const rejected = plugin.admit('ns', make('privileged', {}, { privileged: true }), baselineWarnRestricted);
    expect(rejected.allowed ? '' : rejected.body.message).toBe(
      'pods "privileged" is forbidden: violates PodSecurity "baseline:latest": privileged (container "c" must not set securityContext.privileged=true)',
    );
  });

  it('audit annotates the audit event of the request, never the pod', () => {
    const audit = admissionContext([], [], { 'pod-security.kubernetes.io/audit': 'baseline' });
    const decision = plugin.admit('ns', make('h', { hostPID: true }), audit);
    if (!decision.allowed) throw new Error('audit never rejects');
    // admission.go EvaluatePod: enforce-policy always (unlabelled enforce is privileged:latest), and
    // audit-violations in the "would violate" form; the in-tree plugin prefixes the keys.
    expect(decision.auditAnnotations).toEqual({
      'pod-security.kubernetes.io/enforce-policy': 'privileged:latest',
      'pod-security.kubernetes.io/audit-violations':
        'would violate PodSecurity "baseline:latest": host namespaces (hostPID=true)',
    });
    expect(decision.object.metadata?.annotations).toBeUndefined();
  });

  it('a rejected pod still carries the audit annotations of its request', () => {
    const both = admissionContext([], [], {
      'pod-security.kubernetes.io/enforce': 'baseline',
      'pod-security.kubernetes.io/audit': 'baseline',
    });
    const decision = plugin.admit('ns', make('h', { hostPID: true }), both);
    expect(decision.allowed).toBe(false);
    expect(decision.auditAnnotations?.['pod-security.kubernetes.io/audit-violations']).toContain(
      'host namespaces (hostPID=true)',
    );
  });

  it('with podsecurity-audit-ignored the audit event gets no annotations', () => {
    const broken = podSecurityAdmission(new DefectSet(['podsecurity-audit-ignored']));
    const audit = admissionContext([], [], { 'pod-security.kubernetes.io/audit': 'baseline' });
    const decision = broken.admit('ns', make('h', { hostPID: true }), audit);
    expect(decision.allowed).toBe(true);
    expect(decision.auditAnnotations ?? {}).toEqual({});
  });

  it('with podsecurity-enforce-ignored violations only warn', () => {
    const broken = podSecurityAdmission(new DefectSet(['podsecurity-enforce-ignored']));
    expect(broken.admit('ns', make('privileged', {}, { privileged: true }), restricted).allowed).toBe(true);
  });
});

describe('fake validation of extended resources', () => {
  it('rejects request != limit with 422 (extended-resource "unequal")', () => {
    const unequal: { kind: 'Pod' } & V1Pod = {
      kind: 'Pod',
      metadata: { name: 'unequal' },
      spec: {
        containers: [
          {
            name: 'c',
            resources: { requests: { 'example.com/dongle': '1' }, limits: { 'example.com/dongle': '2' } },
          },
        ],
      },
    };
    const decision = extendedResourceValidation.admit('ns', unequal, admissionContext());
    expect(decision.allowed ? 0 : decision.status).toBe(422);
    expect(decision.allowed ? '' : decision.body.message).toBe(
      'Pod "unequal" is invalid: spec.containers[0].resources.requests: Invalid value: "1": must be equal to example.com/dongle limit',
    );
  });

  it('the admission chain has every plugin in API server order', () => {
    expect(createFakeAdmission().map((p) => p.name)).toEqual([
      'LimitRanger',
      'ProcMountType',
      'Validation',
      'PodSecurity',
      'ResourceQuota',
    ]);
  });
});
