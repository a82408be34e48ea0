/**
 * init/failure
 * - An init container exiting non-zero MUST leave Initialized False (ContainersNotInitialized), naming it
 *   and every later init container as incomplete.
 * - With restartPolicy Never the pod MUST fail; otherwise the init container MUST be retried with back-off
 *   (in back-off, a BackOff event, from its second failure) and the pod stay Pending.
 * - The init containers after it and every app container MUST never start: Waiting PodInitializing in
 *   every status seen.
 *
 * generator: generators/init-scenario.ts, no sidecars, 1–3 plain init containers (each run ≤ 2 s), one of them
 *   (any position) forced to exit 1 after at most 1 s, the others to exit 0.
 * model rule: model/init.ts expectInit — init.in-order, init.initialized-condition, init.failure-per-restart-policy,
 *   init.failure-backoff, init.later-inits-wait, init.apps-wait.
 * observation: harness/observe/init.ts observeInit.
 * verdict: `pod.initStartOrder`, `pod.initializedAtEnd`, `pod.initializedReasonAtEnd`, `pod.initializedMessageAtEnd`,
 *   `pod.phaseAtEnd`, `init-*.exitCode`, `init-*.restartCount`, `*.backOffEventSeen`, `*.statesSeen`.
 */
import fc from 'fast-check';
import { initScenario } from '../../generators';
import { expectInit } from '../../model/init';
import { PLEG_RELIST_SECONDS, START_ALLOWANCE_SECONDS } from '../../model/timing';
import { observeInit } from '../../harness/observe/init';
import { steadyPod } from '../termination/steady-pod';
import { INIT_BUDGET, plainInits } from './init-focus';
import type { ContainerScenario } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';

/** The init container with its run capped at `seconds` and its exit code set. */
function exiting(c: ContainerScenario, seconds: number, exitCode: number): ContainerScenario {
  const run = Math.min(c.behaviour.exitAfter?.seconds ?? 1, seconds);
  return { ...c, behaviour: { ...c.behaviour, exitAfter: { seconds: run, exitCode } } };
}

export const initFailure: PropertyDefinition<'init'> = {
  id: 'init/failure',
  family: 'init',
  statement:
    'A failing init container MUST keep the pod uninitialized, later init and app containers never started: Failed with restartPolicy Never, else retried with back-off',
  arbitrary: (capabilities) =>
    fc
      .tuple(
        initScenario(capabilities, { maxObserveSeconds: 20 }),
        fc.integer({ min: 1, max: 3 }),
        fc.nat({ max: 2 }),
      )
      .map(([scenario, count, at]) => {
        const inits = plainInits(scenario.pod, count, 0, scenario.pod.initContainers[0]);
        const failingAt = Math.min(at, inits.length - 1);
        const initContainers = inits.map((c, i) => (i === failingAt ? exiting(c, 1, 1) : exiting(c, 2, 0)));
        // Before the failing one: the earlier runs, each with a PLEG relist and a start (model/init.ts).
        const before = initContainers
          .slice(0, failingAt)
          .reduce(
            (sum, c) =>
              sum + (c.behaviour.exitAfter?.seconds ?? 0) + PLEG_RELIST_SECONDS + START_ALLOWANCE_SECONDS,
            0,
          );
        return {
          ...scenario,
          pod: { ...steadyPod(scenario.pod), initContainers },
          // Room for the first failure, an immediate retry and the back-off after it.
          observeSeconds: Math.max(scenario.observeSeconds, 15, Math.ceil(before) + 16),
        };
      }),
  expect: expectInit,
  observe: observeInit,
  fields: [
    'pod.initStartOrder',
    'pod.initializedAtEnd',
    'pod.initializedReasonAtEnd',
    'pod.initializedMessageAtEnd',
    'pod.phaseAtEnd',
    'init-*.exitCode',
    'init-*.restartCount',
    '*.backOffEventSeen',
    '*.statesSeen',
  ],
  budget: INIT_BUDGET,
};
