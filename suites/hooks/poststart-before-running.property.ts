/**
 * hooks/poststart-before-running
 * - A container with a postStart hook MUST be reported Running only after the hook returned.
 *
 * generator: generators/hooks-scenario.ts, steadied (suites/termination/steady-pod.ts), the first app container forced to a succeeding
 *   postStart exec of 1–5 s and the others left without postStart (suites/hooks/hooks-focus.ts).
 * model rule: model/hooks.ts expectHooks — hooks.poststart-before-running.
 * observation: harness/observe/hooks.ts observeHooks.
 * verdict: `*.runningAfterStartSeconds`.
 */
import { hooksScenario } from '../../generators';
import { expectHooks } from '../../model/hooks';
import { observeHooks } from '../../harness/observe/hooks';
import { windowAfterInits, withOnlyFirstPostStart } from './hooks-focus';
import { HOOKS_BUDGET } from './hooks-budget';
import type { PropertyDefinition } from '../../runner/property-definition';

export const poststartBeforeRunning: PropertyDefinition<'hooks'> = {
  id: 'hooks/poststart-before-running',
  family: 'hooks',
  statement: 'A container MUST be reported Running only after its postStart hook has returned',
  arbitrary: (capabilities) =>
    hooksScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 20 }).map((scenario) => {
      const pod = withOnlyFirstPostStart(scenario.pod, (c) => ({
        kind: 'exec',
        durationSeconds: Math.max(
          1,
          Math.min(c.lifecycle.postStart?.kind === 'exec' ? c.lifecycle.postStart.durationSeconds : 2, 5),
        ),
        exitCode: 0,
      }));
      return {
        ...scenario,
        pod,
        observeSeconds: Math.max(scenario.observeSeconds, windowAfterInits(pod, 12)),
      };
    }),
  expect: expectHooks,
  observe: observeHooks,
  fields: ['*.runningAfterStartSeconds'],
  budget: HOOKS_BUDGET,
};
