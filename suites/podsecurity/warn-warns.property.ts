/**
 * podsecurity/warn-warns
 * - With a warn label and no enforce label, a pod MUST be admitted, with a 'would violate PodSecurity
 *   "<level>:<version>"' warning naming exactly the checks of the warn level it fails, and no such
 *   warning when it fails none.
 *
 * generator: generators/podsecurity-scenario.ts, the enforce label removed and a warn label always present.
 * model rule: model/podsecurity/expect.ts expectPodSecurity — podsecurity.warn-warns.
 * observation: harness/observe/podsecurity.ts observePodSecurity (the create's Warning headers).
 * verdict: `*.admitted`, `*.warn.violations`, `*.warn.message`.
 */
import fc from 'fast-check';
import { podSecurityScenario } from '../../generators';
import { observePodSecurity } from '../../harness/observe/podsecurity';
import { expectPodSecurity } from '../../model/podsecurity';
import type { PodSecurityLabels, PodSecurityLevel } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';
import { PODSECURITY_BUDGET } from './podsecurity-budget';

export const warnWarns: PropertyDefinition<'podsecurity'> = {
  id: 'podsecurity/warn-warns',
  family: 'podsecurity',
  statement:
    'Under a warn label alone a pod MUST be admitted with a warning naming exactly the checks of the warn level it fails',
  arbitrary: (capabilities) =>
    fc
      .tuple(
        podSecurityScenario(capabilities, { maxContainers: 2, maxViolations: 3 }),
        fc.constantFrom<PodSecurityLevel>('baseline', 'restricted'),
      )
      .map(([scenario, level]) => {
        const labels: PodSecurityLabels = { warn: scenario.labels.warn ?? { level, version: 'latest' } };
        if (scenario.labels.audit) labels.audit = scenario.labels.audit;
        return { ...scenario, labels };
      }),
  expect: expectPodSecurity,
  observe: observePodSecurity,
  fields: ['*.admitted', '*.warn.violations', '*.warn.message'],
  budget: PODSECURITY_BUDGET,
};
