/**
 * init/failure
 * - An init container exiting non-zero MUST leave Initialized False (ContainersNotInitialized).
 * - With restartPolicy Never the pod MUST fail; otherwise the init container MUST be retried with back-off
 *   and the pod stay Pending.
 *
 * generator: generators/init-scenario.ts, no sidecars, the last plain init container forced to exit 1 after at most 1 s, the others to exit 0.
 * model rule: model/init.ts expectInit — init.initialized-condition, init.failure-per-restart-policy.
 * observation: harness/observe/init.ts observeInit.
 * verdict: `pod.initializedAtEnd`, `pod.initializedReasonAtEnd`, `pod.phaseAtEnd`, `init-*.exitCode`, `init-*.restartCount`.
 */
import { initScenario } from '../../generators';
import { expectInit } from '../../model/init';
import { observeInit } from '../../harness/observe/init';
import { steadyPod } from '../termination/steady-pod';
import { INIT_BUDGET, succeeding } from './init-focus';
import type { PropertyDefinition } from '../../runner/property-definition';

export const initFailure: PropertyDefinition<'init'> = {
  id: 'init/failure',
  family: 'init',
  statement:
    'A failing init container MUST keep the pod uninitialized: Failed with restartPolicy Never, else retried with back-off',
  arbitrary: (capabilities) =>
    initScenario(capabilities, { maxObserveSeconds: 20 }).map((scenario) => {
      const inits = scenario.pod.initContainers.filter((c) => c.restartPolicy !== 'Always').map(succeeding);
      // init-scenario.ts guarantees an init container, but it may be a sidecar: then one plain init is made.
      const last =
        inits[inits.length - 1] ??
        succeeding({
          ...scenario.pod.initContainers[0],
          name: 'init-0',
          lifecycle: {},
          probes: {},
          ports: [],
          restartPolicy: undefined,
        });
      const failing = {
        ...last,
        behaviour: {
          ...last.behaviour,
          exitAfter: { seconds: Math.min(last.behaviour.exitAfter?.seconds ?? 1, 1), exitCode: 1 },
        },
      };
      return {
        ...scenario,
        pod: { ...steadyPod(scenario.pod), initContainers: [...inits.slice(0, -1), failing] },
        observeSeconds: Math.max(scenario.observeSeconds, 15),
      };
    }),
  expect: expectInit,
  observe: observeInit,
  fields: [
    'pod.initializedAtEnd',
    'pod.initializedReasonAtEnd',
    'pod.phaseAtEnd',
    'init-*.exitCode',
    'init-*.restartCount',
  ],
  budget: INIT_BUDGET,
};
