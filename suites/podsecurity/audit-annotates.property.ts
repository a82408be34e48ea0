/**
 * podsecurity/audit-annotates
 * - With an audit label and no enforce label, a pod MUST be admitted, and the audit event of its create
 *   request MUST carry a pod-security.kubernetes.io/audit-violations annotation 'would violate
 *   PodSecurity "<level>:<version>"' naming exactly the checks of the audit level it fails; a pod that
 *   fails none MUST get no such annotation.
 * - Audit results reach only the API server audit log: on a target where kubeprop cannot read it (it
 *   reads it on kind clusters created from kind-config.yaml) the audit fields are inconclusive, never a pass.
 *
 * generator: generators/podsecurity-scenario.ts, the enforce label removed and an audit label always present.
 * model rule: model/podsecurity/expect-audit.ts expectPodSecurityAudit — podsecurity.audit-annotates.
 * observation: harness/observe/podsecurity.ts observePodSecurityAudit (the create's audit event, read by
 *   harness/audit-log-wait.ts through ClusterPort.auditEvents).
 * verdict: `*.admitted`, `*.audit.violations`, `*.audit.message`.
 */
import fc from 'fast-check';
import { podSecurityScenario } from '../../generators';
import { observePodSecurityAudit } from '../../harness/observe/podsecurity';
import { expectPodSecurityAudit } from '../../model/podsecurity';
import type { PodSecurityLabels, PodSecurityLevel } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';
import { PODSECURITY_BUDGET } from './podsecurity-budget';

export const auditAnnotates: PropertyDefinition<'podsecurity'> = {
  id: 'podsecurity/audit-annotates',
  family: 'podsecurity',
  statement:
    "Under an audit label alone a pod MUST be admitted and its create's audit event MUST name exactly the checks of the audit level it fails",
  arbitrary: (capabilities) =>
    fc
      .tuple(
        podSecurityScenario(capabilities, { maxContainers: 2, maxViolations: 3 }),
        fc.constantFrom<PodSecurityLevel>('baseline', 'restricted'),
      )
      .map(([scenario, level]) => {
        // A privileged audit level evaluates nothing: the label is kept only with a level that checks.
        const audit =
          scenario.labels.audit && scenario.labels.audit.level !== 'privileged'
            ? scenario.labels.audit
            : { level, version: 'latest' };
        const labels: PodSecurityLabels = { audit };
        if (scenario.labels.warn) labels.warn = scenario.labels.warn;
        return { ...scenario, labels };
      }),
  expect: expectPodSecurityAudit,
  observe: observePodSecurityAudit,
  fields: ['*.admitted', '*.audit.violations', '*.audit.message'],
  // The audit event may reach the log a little after the create (harness/audit-log-wait.ts, ≤ 10 s).
  budget: { ...PODSECURITY_BUDGET, caseSeconds: PODSECURITY_BUDGET.caseSeconds + 10 },
};
