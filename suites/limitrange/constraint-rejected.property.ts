/**
 * limitrange/constraint-rejected
 * - A pod MUST be rejected (403, naming each violation: "minimum cpu usage per Container is ...",
 *   "maximum ...", "... max limit to request ratio ...") when a container, after defaults, is below
 *   min, above max or over maxLimitRequestRatio; a default limit under a set request MUST be rejected
 *   by validation (422); a pod within every constraint MUST be admitted.
 *
 * generator: generators/limitrange-scenario.ts (containers that fit, get defaults, or violate on purpose).
 * model rule: model/limitrange.ts expectLimitRange / limitRangeViolations — limitrange.constraint-rejected,
 *   limitrange.default-limit-below-request.
 * observation: harness/observe/limitrange.ts observeLimitRange.
 * verdict: `*.admitted`, `*.status`, `*.reason`.
 */
import { limitRangeScenario } from '../../generators';
import { observeLimitRange } from '../../harness/observe/limitrange';
import { expectLimitRange } from '../../model/limitrange';
import type { PropertyDefinition } from '../../runner/property-definition';
import { LIMITRANGE_BUDGET } from './limitrange-budget';

export const constraintRejected: PropertyDefinition<'limitrange'> = {
  id: 'limitrange/constraint-rejected',
  family: 'limitrange',
  statement:
    'A pod below min, above max or over the limit/request ratio after defaults MUST be rejected naming each violation; one within MUST be admitted',
  arbitrary: (capabilities) => limitRangeScenario(capabilities, { maxContainers: 2 }),
  expect: expectLimitRange,
  observe: observeLimitRange,
  fields: ['*.admitted', '*.status', '*.reason'],
  budget: LIMITRANGE_BUDGET,
};
