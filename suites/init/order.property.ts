/**
 * init/order
 * - Init containers MUST start in spec order, one at a time (the next after the previous exited 0).
 * - App containers MUST wait (PodInitializing) and start only after the last init container.
 *
 * generator: generators/init-scenario.ts, no sidecars, at least two plain init containers each forced to exit 0 after 1 s or more,
 *   steady app containers.
 * model rule: model/init.ts expectInit — init.in-order, init.one-at-a-time, init.apps-wait.
 * observation: harness/observe/init.ts observeInit.
 * verdict: `pod.initStartOrder`, `pod.initOneAtATime`, `pod.appsStartAfterInits`, `*.waitingReasonDuringInit`.
 */
import { podClearOfThresholds } from '../../generators/decision-margin';
import { initScenario } from '../../generators';
import { expectInit } from '../../model/init';
import { observeInit } from '../../harness/observe/init';
import { steadyPod } from '../termination/steady-pod';
import { INIT_BUDGET, initPhaseObserveSeconds, plainInits } from './init-focus';
import type { PropertyDefinition } from '../../runner/property-definition';

export const initOrder: PropertyDefinition<'init'> = {
  id: 'init/order',
  family: 'init',
  statement:
    'Init containers MUST run one at a time in spec order, and app containers MUST start only after them',
  arbitrary: (capabilities) =>
    initScenario(capabilities, { maxObserveSeconds: 20 }).map((scenario) => {
      const steady = steadyPod(scenario.pod);
      // Two or more, each running a second or more: an overlap shows even in one-second API timestamps.
      const initContainers = plainInits(scenario.pod, 2, 1, steady.containers[0]);
      const pod = { ...steady, initContainers };
      // The reshaped containers' stops kept clear of the grace period, as the generator's were.
      const cleared = podClearOfThresholds(pod, scenario.delete, capabilities);
      return {
        ...scenario,
        pod: cleared,
        observeSeconds: initPhaseObserveSeconds(scenario.observeSeconds, cleared),
      };
    }),
  expect: expectInit,
  observe: observeInit,
  fields: [
    'pod.initStartOrder',
    'pod.initOneAtATime',
    'pod.appsStartAfterInits',
    '*.waitingReasonDuringInit',
  ],
  budget: INIT_BUDGET,
};
