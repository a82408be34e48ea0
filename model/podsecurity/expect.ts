import type { Capabilities } from '../capabilities';
import type { Expectation, FieldExpectation, ModelOptions } from '../expectation';
import { contains, equals, field } from '../resources-field';
import type { PodSecurityScenario } from '../scenario';
import {
  podSecurityDecision,
  policyName,
  reportedCheck,
  type ModeOutcome,
  type PodSecurityViolation,
} from './policy';

function ruleOf(violations: PodSecurityViolation[]): string {
  return violations.length === 1 ? `podsecurity.${violations[0].check}` : 'podsecurity.enforce-rejects';
}

/** Message parts stable across releases: the policy and "<reason> (" of each failed check. */
function reasonParts(header: string, violations: PodSecurityViolation[]): string[] {
  return [header, ...new Set(violations.map((v) => `${v.reason} (`))];
}

/**
 * Expectations for one pod created in a namespace with Pod Security labels: `<pod>.admitted`,
 * `<pod>.enforce.violations` and `<pod>.reason` when rejected, `<pod>.warn.violations` and
 * `<pod>.warn.message` when admitted under a warn label. Audit annotations reach only the audit log:
 * expect-audit.ts expectPodSecurityAudit adds them for the property that reads it.
 */
export function expectPodSecurity(
  scenario: PodSecurityScenario,
  capabilities: Capabilities,
  _options: ModelOptions,
): Expectation {
  const p = scenario.pod.name;
  const decision = podSecurityDecision(scenario.pod, scenario.labels, capabilities.version);
  const fields: Record<string, FieldExpectation> = {};
  const enforceName = policyName(decision.enforce.setting);
  if (!decision.allowed) {
    const violations = decision.enforce.violations;
    const because = `${enforceName}: ${violations.map((v) => v.check).join(', ')}`;
    fields[`${p}.admitted`] = equals(false, 'podsecurity.enforce-rejects', because);
    fields[`${p}.status`] = equals(403, 'podsecurity.enforce-rejects', 'PodSecurity answers Forbidden');
    fields[`${p}.enforce.violations`] = field(
      { kind: 'setEquals', values: violations.map((v) => reportedCheck(v.check)) },
      ruleOf(violations),
      because,
    );
    fields[`${p}.reason`] = contains(
      reasonParts(`violates PodSecurity ${JSON.stringify(enforceName)}`, violations),
      'podsecurity.enforce-rejects',
      because,
    );
    return { family: 'podsecurity', fields };
  }
  fields[`${p}.admitted`] = equals(true, 'podsecurity.enforce-admits', `${enforceName}: no failed check`);
  if (scenario.labels.warn && scenario.labels.warn.level !== 'privileged') {
    Object.assign(fields, wouldViolateFields(p, 'warn', decision.warn, 'podsecurity.warn-warns'));
  }
  return { family: 'podsecurity', fields };
}

/**
 * `<pod>.<mode>.violations` (the checks named, by the id the message reports) and, when some fail,
 * `<pod>.<mode>.message` (its stable parts): warn and audit word their findings alike,
 * `would violate PodSecurity "<level>:<version>": ...` (admission/admission.go EvaluatePod).
 */
export function wouldViolateFields(
  p: string,
  mode: 'warn' | 'audit',
  outcome: ModeOutcome,
  rule: string,
): Record<string, FieldExpectation> {
  const name = policyName(outcome.setting);
  const violations = outcome.violations;
  const because = `${name}: ${violations.map((v) => v.check).join(', ') || 'no failed check'}`;
  const fields: Record<string, FieldExpectation> = {
    [`${p}.${mode}.violations`]: field(
      { kind: 'setEquals', values: violations.map((v) => reportedCheck(v.check)) },
      rule,
      because,
    ),
  };
  if (violations.length > 0) {
    fields[`${p}.${mode}.message`] = contains(
      reasonParts(`would violate PodSecurity ${JSON.stringify(name)}`, violations),
      rule,
      because,
    );
  }
  return fields;
}
