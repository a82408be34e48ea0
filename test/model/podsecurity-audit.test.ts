import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import { expectPodSecurityAudit } from '../../model/podsecurity';
import type {
  ContainerSecurity,
  PodSecurity,
  PodSecurityLabels,
  PodSecurityScenario,
} from '../../model/scenario';
import { container, pod } from './resources-builders';

// Audit mode: staging/src/k8s.io/pod-security-admission/admission/admission.go EvaluatePod evaluates the
// audit policy for every pod request, whatever enforce decides, and records its failures as the audit
// annotation pod-security.kubernetes.io/audit-violations: `would violate PodSecurity "<level>:<version>": …`.
const caps = defaultCapabilities(parseServerVersion('v1.34'));
const compliant: ContainerSecurity = {
  allowPrivilegeEscalation: false,
  capabilitiesDrop: ['ALL'],
  runAsNonRoot: true,
  seccompProfile: 'RuntimeDefault',
};

function scenario(labels: PodSecurityLabels, security: ContainerSecurity = {}, podSecurity?: PodSecurity) {
  const subject = pod('p', [container('c', {}, {}, { security: { ...compliant, ...security } })], {
    security: podSecurity,
  });
  return { family: 'podsecurity', labels, pod: subject } satisfies PodSecurityScenario;
}

const fieldsOf = (s: PodSecurityScenario) => expectPodSecurityAudit(s, caps, DEFAULT_MODEL_OPTIONS).fields;

describe('expectPodSecurityAudit (podsecurity.audit-annotates)', () => {
  it('a pod failing the audit level: admitted, and the annotation names each failed check', () => {
    const fields = fieldsOf(
      scenario(
        { audit: { level: 'baseline', version: 'v1.34' } },
        { privileged: true },
        { hostNetwork: true },
      ),
    );
    expect(fields['p.admitted'].expected).toEqual({ kind: 'equals', value: true });
    expect(fields['p.audit.violations']).toMatchObject({
      expected: { kind: 'setEquals', values: ['hostNamespaces', 'privileged'] },
      rule: 'podsecurity.audit-annotates',
    });
    expect(fields['p.audit.message'].expected).toEqual({
      kind: 'contains',
      parts: ['would violate PodSecurity "baseline:v1.34"', 'host namespaces (', 'privileged ('],
    });
  });

  it('a pod passing the audit level: no annotation, so an empty set and no message', () => {
    const passing = scenario({ audit: { level: 'restricted', version: 'latest' } });
    expect(expectPodSecurityAudit(passing, caps, DEFAULT_MODEL_OPTIONS).family).toBe('podsecurity');
    const fields = fieldsOf(passing);
    expect(fields['p.audit.violations'].expected).toEqual({ kind: 'setEquals', values: [] });
    expect(fields['p.audit.message']).toBeUndefined();
  });

  it('no audit fields without an audit label or under privileged, which evaluates nothing', () => {
    const privileged = { privileged: true };
    expect(fieldsOf(scenario({}, privileged))['p.audit.violations']).toBeUndefined();
    expect(
      fieldsOf(scenario({ audit: { level: 'privileged', version: 'latest' } }, privileged))[
        'p.audit.violations'
      ],
    ).toBeUndefined();
  });

  it('audit is evaluated even when enforce rejects the pod, at its own level', () => {
    const rejected = scenario(
      {
        enforce: { level: 'baseline', version: 'latest' },
        audit: { level: 'restricted', version: 'latest' },
      },
      { privileged: true, runAsNonRoot: undefined },
    );
    const fields = fieldsOf(rejected);
    expect(fields['p.admitted'].expected).toEqual({ kind: 'equals', value: false });
    expect(expectPodSecurityAudit(rejected, caps, DEFAULT_MODEL_OPTIONS).family).toBe('podsecurity');
    expect(fields['p.audit.violations'].expected).toEqual({
      kind: 'setEquals',
      values: ['privileged', 'runAsNonRoot'],
    });
  });
});
