/**
 * limitrange/lifecycle
 * - A LimitRange and its copy in a second namespace MUST both be listed across namespaces by label.
 * - A strategic merge patch MUST answer with the new label and the new spec (min); pods admitted after it
 *   MUST get the patched defaults and constraints.
 * - A delete by collection MUST remove the namespace's LimitRanges with the label and nothing elsewhere;
 *   pods admitted after it MUST get no defaults and meet no constraint.
 *
 * generator: generators/limitrange-scenario.ts limitRangeLifecycleScenario — a generated spec created, a second
 *   one patched in, a copy in another namespace or not, a pod after each step (its first container setting nothing).
 * model rule: model/limitrange.ts expectLimitRangeLifecycle — limitrange.api-lifecycle, limitrange.changes-apply,
 *   and for the first pod limitrange.defaults-applied, limitrange.defaults-annotated, limitrange.constraint-rejected.
 * observation: harness/observe/limitrange.ts observeLimitRangeLifecycle.
 * verdict: `limitRange.*`, `*.admitted`, `*.status`, `*.reason`, `*.limitRangerAnnotation`, `*.requests.*`, `*.limits.*`.
 */
import { limitRangeLifecycleScenario } from '../../generators';
import { observeLimitRangeLifecycle } from '../../harness/observe/limitrange';
import { expectLimitRangeLifecycle } from '../../model/limitrange';
import type { PropertyDefinition } from '../../runner/property-definition';

export const limitRangeLifecycle: PropertyDefinition<'limitrange'> = {
  id: 'limitrange/lifecycle',
  family: 'limitrange',
  statement:
    'A LimitRange MUST be listed by label across namespaces, patched, and deleted by collection in its namespace only; pods admitted after each step MUST get the defaults then in force',
  arbitrary: (capabilities) => limitRangeLifecycleScenario(capabilities, { maxContainers: 2 }),
  expect: expectLimitRangeLifecycle,
  observe: observeLimitRangeLifecycle,
  fields: [
    'limitRange.*',
    '*.admitted',
    '*.status',
    '*.reason',
    '*.limitRangerAnnotation',
    '*.requests.*',
    '*.limits.*',
  ],
  // Two namespaces, three pods and two 2 s pauses a case.
  budget: { numRuns: 3, caseSeconds: 45, totalSeconds: 90, shrinkSeconds: 60 },
};
