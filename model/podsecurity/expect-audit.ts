import type { Capabilities } from '../capabilities';
import type { Expectation, ModelOptions } from '../expectation';
import type { PodSecurityScenario } from '../scenario';
import { expectPodSecurity, wouldViolateFields } from './expect';
import { podSecurityDecision } from './policy';

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
  const decision = podSecurityDecision(scenario.pod, scenario.labels, capabilities.version);
  const fields = {
    ...expectation.fields,
    ...wouldViolateFields(scenario.pod.name, 'audit', decision.audit, 'podsecurity.audit-annotates'),
  };
  return { ...expectation, fields };
}
