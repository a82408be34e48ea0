/**
 * termination/endpoint-terminating
 * - While a pod selected by a Service stops, its EndpointSlice endpoint MUST be kept with conditions
 *   ready false and terminating true (not removed at once).
 *
 * generator: generators/termination-scenario.ts, steadied (suites/termination/steady-termination.ts),
 *   scenarios forced to have a Service selecting the pod.
 * model rule: model/termination.ts expectTermination — termination.endpoint-terminating.
 * observation: harness/observe/termination.ts observeTermination.
 * verdict: `pod.endpointWhileTerminating`.
 */
import { atLeast } from '../../model/capabilities';
import { expectTermination } from '../../model/termination';
import { observeTermination } from '../../harness/observe/termination';
import type { PropertyDefinition } from '../../runner/property-definition';
import { steadyTermination, TERMINATION_BUDGET } from './steady-termination';

export const endpointTerminating: PropertyDefinition<'termination'> = {
  id: 'termination/endpoint-terminating',
  family: 'termination',
  statement:
    "A terminating pod's endpoint MUST stay in the EndpointSlice with ready false and terminating true",
  unsupported: (capabilities) =>
    atLeast(capabilities.version, 22) ? undefined : 'terminating endpoint conditions exist from 1.22',
  arbitrary: (capabilities) =>
    steadyTermination(capabilities, (scenario) => ({ ...scenario, withService: true })),
  expect: expectTermination,
  observe: observeTermination,
  fields: ['pod.endpointWhileTerminating'],
  budget: TERMINATION_BUDGET,
};
