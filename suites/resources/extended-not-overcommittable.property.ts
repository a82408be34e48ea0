/**
 * resources/extended-not-overcommittable
 * - A container asking for an extended resource MUST be rejected (422) unless its limit is set and
 *   equal to its request ("Limit must be set for non overcommitable resources", "must be equal to
 *   <resource> limit"); a valid one MUST be created.
 *
 * generator: generators/resources-scenario.ts, programs quiet, the first app container forced to ask
 *   for example.com/dongle with no limit, a different limit, or an equal one.
 * model rule: model/resources.ts expectResources / extendedResourceViolation —
 *   resources.extended-not-overcommittable.
 * observation: harness/observe/resources.ts observeResources (admission result).
 * verdict: `*.admitted`, `*.reason`.
 */
import fc from 'fast-check';
import { DONGLE } from '../../generators/resources-scenario';
import { observeResources } from '../../harness/observe/resources';
import { expectResources } from '../../model/resources';
import type { PropertyDefinition } from '../../runner/property-definition';
import { focusedResources, RESOURCES_BUDGET, withQuietPod } from './resources-focus';

type LimitForm = 'missing' | 'different' | 'equal';

export const extendedNotOvercommittable: PropertyDefinition<'resources'> = {
  id: 'resources/extended-not-overcommittable',
  family: 'resources',
  statement:
    'An extended resource request MUST be rejected unless its limit is set and equal; a valid one MUST be created',
  arbitrary: (capabilities) =>
    focusedResources(
      capabilities,
      fc.record(
        {
          form: fc.constantFrom<LimitForm>('missing', 'different', 'equal'),
          count: fc.integer({ min: 1, max: 3 }),
          more: fc.integer({ min: 1, max: 2 }),
        },
        { noNullPrototype: true },
      ),
      (scenario, { form, count, more }) => ({
        ...scenario,
        extendedCapacity: { resource: DONGLE, perNode: scenario.extendedCapacity?.perNode ?? 4 },
        pod: withQuietPod(scenario.pod, (c) => {
          const limits = { ...c.resources.limits };
          delete limits.extended;
          if (form !== 'missing') limits.extended = { [DONGLE]: form === 'equal' ? count : count + more };
          return {
            ...c,
            resources: { requests: { ...c.resources.requests, extended: { [DONGLE]: count } }, limits },
          };
        }),
      }),
    ),
  expect: expectResources,
  observe: observeResources,
  fields: ['*.admitted', '*.reason'],
  budget: RESOURCES_BUDGET,
};
