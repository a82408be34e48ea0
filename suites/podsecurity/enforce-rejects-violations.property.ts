/**
 * podsecurity/enforce-rejects-violations (also covers compliant-admitted and policy-version)
 * - With an enforce label, a pod failing a check of the enforced level at the pinned version MUST be
 *   rejected (403, 'violates PodSecurity "<level>:<version>"', naming exactly the failed checks); a pod
 *   passing every check of that level and version MUST be admitted.
 *
 * generator: generators/podsecurity-scenario.ts (restricted-compliant pods with chosen violations,
 *   pinned or latest versions), an enforce label always present.
 * model rule: model/podsecurity/expect.ts expectPodSecurity — podsecurity.enforce-rejects,
 *   podsecurity.enforce-admits (checks per version: model/podsecurity/policy.ts).
 * observation: harness/observe/podsecurity.ts observePodSecurity.
 * verdict: `*.admitted`, `*.status`, `*.reason`, `*.enforce.violations`.
 */
import fc from 'fast-check';
import { podSecurityScenario } from '../../generators';
import { observePodSecurity } from '../../harness/observe/podsecurity';
import { expectPodSecurity } from '../../model/podsecurity';
import type { PodSecurityLevel } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';
import { PODSECURITY_BUDGET } from './podsecurity-budget';

export const enforceRejectsViolations: PropertyDefinition<'podsecurity'> = {
  id: 'podsecurity/enforce-rejects-violations',
  family: 'podsecurity',
  statement:
    'Under an enforce label a pod failing a check of the level MUST be rejected naming exactly those checks; a passing pod MUST be admitted',
  arbitrary: (capabilities) =>
    fc
      .tuple(
        podSecurityScenario(capabilities, { maxContainers: 2, maxViolations: 3 }),
        fc.constantFrom<PodSecurityLevel>('baseline', 'restricted'),
      )
      .map(([scenario, level]) => ({
        ...scenario,
        labels: { ...scenario.labels, enforce: scenario.labels.enforce ?? { level, version: 'latest' } },
      })),
  expect: expectPodSecurity,
  observe: observePodSecurity,
  fields: ['*.admitted', '*.status', '*.reason', '*.enforce.violations'],
  budget: PODSECURITY_BUDGET,
};
