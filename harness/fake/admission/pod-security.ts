import type { V1Namespace } from '@kubernetes/client-node';
import { LATEST_VERSION, type ServerVersion } from '../../../model/capabilities';
import {
  podSecurityDecision,
  policyName,
  violationsText,
  type ModeOutcome,
  type PodSecuritySubject,
  type SecuredContainer,
} from '../../../model/podsecurity';
import type {
  ContainerSecurity,
  PodSecurity,
  PodSecurityLabels,
  PodSecurityLevel,
  PodSecurityMode,
} from '../../../model/scenario';
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

/** The pod as a defective Pod Security sees it: without the annotations or fields its defects ignore. */
function defectiveSubject(subject: PodSecuritySubject, defects: DefectSet): PodSecuritySubject {
  const drop: (keyof ContainerSecurity & keyof PodSecurity)[] = [];
  const dropContainer: (keyof ContainerSecurity)[] = [];
  if (defects.has('podsecurity-seccomp-annotations-ignored')) drop.push('seccompAnnotation');
  if (defects.has('podsecurity-hostprocess-ignored')) drop.push('windowsHostProcess');
  if (defects.has('podsecurity-apparmor-annotations-ignored')) dropContainer.push('appArmorAnnotation');
  if (defects.has('podsecurity-procmount-ignored')) dropContainer.push('procMount');
  if (drop.length === 0 && dropContainer.length === 0) return subject;
  const without = <T extends object>(security: T | undefined, keys: string[]): T | undefined =>
    security && (Object.fromEntries(Object.entries(security).filter(([key]) => !keys.includes(key))) as T);
  const container = (c: SecuredContainer): SecuredContainer => ({
    ...c,
    security: without(c.security, [...drop, ...dropContainer]),
  });
  return {
    ...subject,
    security: without(subject.security, drop),
    initContainers: subject.initContainers.map(container),
    containers: subject.containers.map(container),
  };
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
 * turns a rejection into a warning, `podsecurity-audit-ignored` drops the audit annotations, and
 * `podsecurity-apparmor-annotations-ignored`, `podsecurity-seccomp-annotations-ignored`,
 * `podsecurity-hostprocess-ignored` and `podsecurity-procmount-ignored` evaluate the pod without what
 * they name.
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
      const subject = defectiveSubject(podSecuritySubject(object), defects);
      const decision = podSecurityDecision(subject, labels, server);
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
