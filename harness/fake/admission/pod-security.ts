import type { V1Namespace } from '@kubernetes/client-node';
import { LATEST_VERSION, type ServerVersion } from '../../../model/capabilities';
import {
  podSecurityDecision,
  policyName,
  violationsText,
  type ModeOutcome,
} from '../../../model/podsecurity';
import type { PodSecurityLabels, PodSecurityLevel, PodSecurityMode } from '../../../model/scenario';
import { PSA_AUDIT_VIOLATIONS, PSA_ENFORCE_POLICY } from '../../audit-log';
import type { ManagedObject } from '../../cluster-port';
import type { DefectSet } from '../defects';
import type { AdmissionContext, AdmissionDecision, FakeAdmission } from '../fake-parts';
import { forbidden } from './api-status';
import { podSecuritySubject } from './pod-security-subject';

const LABEL = 'pod-security.kubernetes.io/';
const MODES: readonly PodSecurityMode[] = ['enforce', 'warn', 'audit'];
const LEVELS: readonly PodSecurityLevel[] = ['privileged', 'baseline', 'restricted'];

/** `pod-security.kubernetes.io/<mode>[-version]` labels (pod-security-admission/api/helpers.go PolicyToEvaluate). */
function namespaceLabels(namespace: V1Namespace | undefined): PodSecurityLabels {
  const labels = namespace?.metadata?.labels ?? {};
  const settings: PodSecurityLabels = {};
  for (const mode of MODES) {
    const level = LEVELS.find((l) => l === labels[`${LABEL}${mode}`]);
    if (level) settings[mode] = { level, version: labels[`${LABEL}${mode}-version`] ?? 'latest' };
  }
  return settings;
}

/** `would violate PodSecurity "<level>:<version>": ...`, as warnings and audit annotations say it. */
function wouldViolate(outcome: ModeOutcome): string {
  return `would violate PodSecurity ${JSON.stringify(policyName(outcome.setting))}: ${violationsText(outcome.violations)}`;
}

/**
 * Pod Security admission over the model's decision (model/podsecurity podSecurityDecision): enforce
 * rejects, warn returns a warning, audit annotates the request's audit event (never the pod:
 * plugin/pkg/admission/security/podsecurity/admission.go Validate → audit.AddAuditAnnotations).
 * The fake's own part is the admission response and its defects: `podsecurity-enforce-ignored`
 * turns a rejection into a warning, `podsecurity-audit-ignored` drops the audit annotations.
 */
export function podSecurityAdmission(
  defects: DefectSet,
  server: ServerVersion = LATEST_VERSION,
): FakeAdmission {
  return {
    name: 'PodSecurity',
    admit(namespace: string, object: ManagedObject, context: AdmissionContext): AdmissionDecision {
      if (object.kind !== 'Pod') return { allowed: true, object, warnings: [] };
      const labels = namespaceLabels(context.namespace(namespace));
      const decision = podSecurityDecision(podSecuritySubject(object), labels, server);
      const warnings: string[] = [];
      const auditAnnotations: Record<string, string> = {};
      if (!defects.has('podsecurity-audit-ignored')) {
        // admission.go EvaluatePod: the enforced policy always, the audit policy's failures when any.
        auditAnnotations[PSA_ENFORCE_POLICY] = policyName(decision.enforce.setting);
        if (decision.audit.violations.length > 0) {
          auditAnnotations[PSA_AUDIT_VIOLATIONS] = wouldViolate(decision.audit);
        }
      }
      if (decision.rejection !== undefined) {
        if (!defects.has('podsecurity-enforce-ignored')) {
          return {
            ...forbidden('Pod', object.metadata?.name ?? '', decision.rejection),
            auditAnnotations,
          };
        }
        warnings.push(wouldViolate(decision.enforce));
      }
      if (decision.warn.violations.length > 0) warnings.push(wouldViolate(decision.warn));
      return { allowed: true, object, warnings, auditAnnotations };
    },
  };
}
