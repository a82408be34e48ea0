import type { Capabilities } from '../capabilities';
import type { Expectation, ModelOptions } from '../expectation';
import { contains, field } from '../resources-field';
import type { PodSecurityScenario } from '../scenario';
import { expectPodSecurity, reasonParts } from './expect';
import { podSecurityDecision, policyName } from './policy';

/**
 * expectPodSecurity plus, under an audit label, what the pod create's audit event carries:
 * `<pod>.audit.violations`, the checks named in its pod-security.kubernetes.io/audit-violations
 * annotation (none: no annotation), and `<pod>.audit.message`, the annotation's stable parts.
 * The audit policy is evaluated whether enforce admits the pod or not.
 * Source: staging/src/k8s.io/pod-security-admission/admission/admission.go EvaluatePod
 * (auditAnnotations[AuditViolationsAnnotationKey] = `would violate PodSecurity "<level>:<version>": ...`).
 */
export function expectPodSecurityAudit(
  scenario: PodSecurityScenario,
  capabilities: Capabilities,
  options: ModelOptions,
): Expectation {
  const expectation = expectPodSecurity(scenario, capabilities, options);
  const audit = scenario.labels.audit;
  if (!audit || audit.level === 'privileged') return expectation;
  const p = scenario.pod.name;
  const decision = podSecurityDecision(scenario.pod, scenario.labels, capabilities.version);
  const auditName = policyName(decision.audit.setting);
  const violations = decision.audit.violations;
  const because = `${auditName}: ${violations.map((v) => v.check).join(', ') || 'no failed check'}`;
  const fields = { ...expectation.fields };
  fields[`${p}.audit.violations`] = field(
    { kind: 'setEquals', values: violations.map((v) => v.check) },
    'podsecurity.audit-annotates',
    because,
  );
  if (violations.length > 0) {
    fields[`${p}.audit.message`] = contains(
      reasonParts(`would violate PodSecurity ${JSON.stringify(auditName)}`, violations),
      'podsecurity.audit-annotates',
      because,
    );
  }
  return { ...expectation, fields };
}
