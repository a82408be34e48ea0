/**
 * termination/parallel-stop
 * - On delete, the kubelet MUST start stopping every app container at once (preStop, or SIGTERM when
 *   there is none), not one after another.
 * preStop hooks are turned into exec hooks of the same length: an exec hook writes its start marker
 * at once, while a sleep or httpGet hook's start is known only to the second from the Killing event.
 *
 * generator: generators/termination-scenario.ts, steadied (suites/termination/steady-termination.ts),
 *   pods with at least two app containers (a second, plain one is added when there is one).
 * model rule: model/termination.ts expectTermination — termination.parallel-stop.
 * observation: harness/observe/termination.ts observeTermination.
 * verdict: `pod.killStartSpreadSeconds`.
 */
import { withExecPreStop, withSecondContainer } from './steady-pod';
import { expectTermination } from '../../model/termination';
import { observeTermination } from '../../harness/observe/termination';
import type { PropertyDefinition } from '../../runner/property-definition';
import { steadyTermination, TERMINATION_BUDGET } from './steady-termination';

export const parallelStop: PropertyDefinition<'termination'> = {
  id: 'termination/parallel-stop',
  family: 'termination',
  statement: 'The containers of a deleted pod MUST start stopping (preStop or SIGTERM) together',
  arbitrary: (capabilities) =>
    steadyTermination(capabilities, (scenario) => {
      const pod = withSecondContainer(scenario.pod);
      return { ...scenario, pod: { ...pod, containers: pod.containers.map(withExecPreStop) } };
    }),
  expect: expectTermination,
  observe: observeTermination,
  fields: ['pod.killStartSpreadSeconds'],
  budget: TERMINATION_BUDGET,
};
