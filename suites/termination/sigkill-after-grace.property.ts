/**
 * termination/sigkill-after-grace
 * - A container that ignores SIGTERM MUST get SIGKILL max(G − ⌊preStop⌋, 2) s after SIGTERM, where G is
 *   the kubelet's grace period, and MUST then end with exit code 137 and reason Error.
 *
 * generator: generators/termination-scenario.ts, steadied (suites/termination/steady-termination.ts),
 *   the first app container forced to ignore SIGTERM.
 * model rule: model/termination.ts expectTermination — termination.sigkill-after-grace,
 *   termination.prestop-counts-against-grace, termination.exit-code, termination.terminated-reason.
 * observation: harness/observe/termination.ts observeTermination.
 * verdict: `*.sigkillAfterSigtermSeconds`, `*.exitCode`, `*.terminatedReason`.
 */
import { expectTermination } from '../../model/termination';
import { observeTermination } from '../../harness/observe/termination';
import type { PropertyDefinition } from '../../runner/property-definition';
import { withFirstContainer } from './steady-pod';
import { steadyTermination, TERMINATION_BUDGET } from './steady-termination';

export const sigkillAfterGrace: PropertyDefinition<'termination'> = {
  id: 'termination/sigkill-after-grace',
  family: 'termination',
  statement:
    'A container ignoring SIGTERM MUST be SIGKILLed max(grace − preStop, 2) s after SIGTERM and end with exit 137',
  arbitrary: (capabilities) =>
    steadyTermination(capabilities, (scenario) => ({
      ...scenario,
      pod: withFirstContainer(scenario.pod, (c) => ({
        ...c,
        behaviour: { ...c.behaviour, sigterm: { kind: 'ignore' } },
      })),
    })),
  expect: expectTermination,
  observe: observeTermination,
  fields: ['*.sigkillAfterSigtermSeconds', '*.exitCode', '*.terminatedReason'],
  budget: TERMINATION_BUDGET,
};
