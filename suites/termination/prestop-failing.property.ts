/**
 * termination/prestop-failing
 * - A preStop exec handler exiting non-zero (within the grace period) MUST produce a Warning
 *   FailedPreStopHook event; a preStop that succeeds (httpGet status is not checked) MUST NOT.
 * - Termination MUST go on: the container still ends with the code its SIGTERM handling gives.
 *
 * generator: generators/termination-scenario.ts, steadied (suites/termination/steady-termination.ts),
 *   the first app container forced to a short failing preStop exec, the pod's grace at least 3 s and the delete using it;
 *   readiness probes that could spend the pod's event budget dropped (generators/event-noise.ts quietScenario).
 * model rule: model/termination.ts expectTermination — termination.prestop-failure-event, termination.exit-code.
 * observation: harness/observe/termination.ts observeTermination.
 * verdict: `*.failedPreStopHook`, `*.exitCode`.
 */
import type { HookHandler } from '../../model/scenario';
import { withFirstContainer } from './steady-pod';
import { expectTermination } from '../../model/termination';
import { observeTermination } from '../../harness/observe/termination';
import type { PropertyDefinition } from '../../runner/property-definition';
import { steadyTermination, TERMINATION_BUDGET } from './steady-termination';
import { quietScenario } from '../../generators/event-noise';

export const prestopFailing: PropertyDefinition<'termination'> = {
  id: 'termination/prestop-failing',
  family: 'termination',
  statement:
    'A preStop exec hook exiting non-zero MUST produce Warning FailedPreStopHook, and termination MUST go on',
  arbitrary: (capabilities) =>
    steadyTermination(capabilities, (scenario) => {
      // The hook must return inside the grace period for its failure to be reported at all.
      const grace = Math.max(scenario.pod.terminationGracePeriodSeconds ?? 3, 3);
      const pod = withFirstContainer({ ...scenario.pod, terminationGracePeriodSeconds: grace }, (c) => {
        const preStop = c.lifecycle.preStop;
        const failing: HookHandler =
          preStop?.kind === 'exec'
            ? {
                ...preStop,
                durationSeconds: Math.min(preStop.durationSeconds, 1),
                exitCode: preStop.exitCode || 1,
              }
            : { kind: 'exec', durationSeconds: 0, exitCode: 1 };
        return { ...c, lifecycle: { ...c.lifecycle, preStop: failing } };
      });
      return { ...scenario, pod, delete: { afterRunningSeconds: scenario.delete.afterRunningSeconds } };
    }).map(quietScenario),
  expect: expectTermination,
  observe: observeTermination,
  fields: ['*.failedPreStopHook', '*.exitCode'],
  budget: TERMINATION_BUDGET,
};
