/**
 * hooks/poststart-failing
 * - A postStart exec hook exiting non-zero MUST produce Warning FailedPostStartHook and a Killing event
 *   with reason FailedPostStartHook, and the container MUST restart per restartPolicy with back-off.
 *
 * generator: generators/hooks-scenario.ts, steadied, the first app container forced to a 1 s postStart exec exiting 1.
 * model rule: model/hooks.ts expectHooks — hooks.poststart-failure-kills.
 * observation: harness/observe/hooks.ts observeHooks.
 * verdict: `*.failedPostStartHook`, `*.postStartKillMessage`, `*.restartCount`.
 */
import { hooksScenario } from '../../generators';
import { expectHooks } from '../../model/hooks';
import { observeHooks } from '../../harness/observe/hooks';
import { steadyPod, withFirstContainer } from '../termination/steady-pod';
import { windowAfterInits } from './hooks-focus';
import { HOOKS_BUDGET } from './hooks-budget';
import type { PropertyDefinition } from '../../runner/property-definition';

export const poststartFailing: PropertyDefinition<'hooks'> = {
  id: 'hooks/poststart-failing',
  family: 'hooks',
  statement:
    'A failing postStart hook MUST emit FailedPostStartHook, kill the container and restart it per restartPolicy',
  arbitrary: (capabilities) =>
    hooksScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 20 }).map((scenario) => {
      const pod = withFirstContainer(steadyPod(scenario.pod), (c) => ({
        ...c,
        lifecycle: { ...c.lifecycle, postStart: { kind: 'exec', durationSeconds: 1, exitCode: 1 } },
      }));
      return {
        ...scenario,
        pod,
        observeSeconds: Math.max(scenario.observeSeconds, windowAfterInits(pod, 8)),
      };
    }),
  expect: expectHooks,
  observe: observeHooks,
  fields: ['*.failedPostStartHook', '*.postStartKillMessage', '*.restartCount'],
  budget: HOOKS_BUDGET,
};
