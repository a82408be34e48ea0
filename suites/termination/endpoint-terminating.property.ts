/**
 * termination/endpoint-terminating
 * - While a pod selected by a Service stops, its EndpointSlice endpoint MUST be kept with conditions
 *   ready false and terminating true (not removed at once).
 * - The endpoint MUST show terminating within a bounded time of the delete request
 *   (ENDPOINT_UPDATE_WITHIN_SECONDS plus the slack), whether or not a preStop hook is running; no order
 *   between the endpoint update and the preStop is asserted.
 *
 * generator: generators/termination-scenario.ts, steadied (suites/termination/steady-termination.ts),
 *   scenarios forced to have a Service selecting the pod; half the cases keep the generator's preStop
 *   hooks (generators/lifecycle.ts), half drop them, so the endpoint update is seen with and without a
 *   running preStop.
 * model rule: model/termination.ts expectTermination — termination.endpoint-terminating,
 *   termination.endpoint-terminating-soon.
 * observation: harness/observe/termination.ts observeTermination (the first EndpointSlice event after
 *   the delete, and its arrival time from the delete request, both on the client's clock).
 * verdict: `pod.endpointWhileTerminating`, `pod.endpointTerminatingAfterDeleteSeconds`.
 */
import { podClearOfThresholds } from '../../generators/decision-margin';
import fc from 'fast-check';
import { atLeast } from '../../model/capabilities';
import type { ContainerScenario, TerminationScenario } from '../../model/scenario';
import { expectTermination } from '../../model/termination';
import { observeTermination } from '../../harness/observe/termination';
import type { PropertyDefinition } from '../../runner/property-definition';
import { steadyTermination, TERMINATION_BUDGET } from './steady-termination';

function noPreStop(container: ContainerScenario): ContainerScenario {
  const lifecycle = { ...container.lifecycle };
  delete lifecycle.preStop;
  return { ...container, lifecycle };
}

function withoutPreStop(scenario: TerminationScenario): TerminationScenario {
  const { pod } = scenario;
  return {
    ...scenario,
    pod: {
      ...pod,
      initContainers: pod.initContainers.map(noPreStop),
      containers: pod.containers.map(noPreStop),
    },
  };
}

export const endpointTerminating: PropertyDefinition<'termination'> = {
  id: 'termination/endpoint-terminating',
  family: 'termination',
  statement:
    "A terminating pod's endpoint MUST stay in the EndpointSlice with ready false and terminating true",
  unsupported: (capabilities) =>
    atLeast(capabilities.version, 22) ? undefined : 'terminating endpoint conditions exist from 1.22',
  arbitrary: (capabilities) =>
    fc
      .tuple(
        steadyTermination(capabilities, (scenario) => ({ ...scenario, withService: true })),
        fc.boolean(),
      )
      // A pure map: half the cases drop every preStop (shrinking goes there), the rest keep the
      // generator's hooks, so the endpoint update is seen both while a preStop runs and without one.
      .map(([scenario, keepPreStop]) => {
        if (keepPreStop) return scenario;
        // Without its preStop a container's SIGKILL moves: its stop is cleared again (generators/decision-margin.ts).
        const plain = withoutPreStop(scenario);
        return { ...plain, pod: podClearOfThresholds(plain.pod, plain.delete, capabilities) };
      }),
  expect: expectTermination,
  observe: observeTermination,
  fields: ['pod.endpointWhileTerminating', 'pod.endpointTerminatingAfterDeleteSeconds'],
  budget: TERMINATION_BUDGET,
};
