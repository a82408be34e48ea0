/**
 * init/order
 * - Init containers MUST start in spec order, one at a time (the next after the previous exited 0).
 * - App containers MUST wait (PodInitializing) and start only after the last init container.
 *
 * generator: generators/init-scenario.ts, every plain init container forced to exit 0, no sidecars, steady app containers.
 * model rule: model/init.ts expectInit — init.in-order, init.one-at-a-time, init.apps-wait.
 * observation: harness/observe/init.ts observeInit.
 * verdict: `pod.initStartOrder`, `pod.initOneAtATime`, `pod.appsStartAfterInits`, `*.waitingReasonDuringInit`.
 */
import { initScenario } from '../../generators';
import { expectInit } from '../../model/init';
import { observeInit } from '../../harness/observe/init';
import { steadyPod } from '../termination/steady-pod';
import { INIT_BUDGET, succeeding } from './init-focus';
import type { PropertyDefinition } from '../../runner/property-definition';

export const initOrder: PropertyDefinition<'init'> = {
  id: 'init/order',
  family: 'init',
  statement:
    'Init containers MUST run one at a time in spec order, and app containers MUST start only after them',
  arbitrary: (capabilities) =>
    initScenario(capabilities, { maxObserveSeconds: 20 }).map((scenario) => ({
      ...scenario,
      pod: {
        ...steadyPod(scenario.pod),
        initContainers: scenario.pod.initContainers
          .filter((c) => c.restartPolicy !== 'Always')
          .map(succeeding),
      },
      observeSeconds: Math.max(scenario.observeSeconds, 15),
    })),
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
