/**
 * termination/sigterm-handled
 * - A container trapping SIGTERM MUST end when its program exits, with the program's code, if that comes
 *   before the SIGKILL; reason Completed for 0, Error otherwise.
 * - A container without a handler (not PID 1) MUST die at SIGTERM with exit 143.
 *
 * generator: generators/termination-scenario.ts, steadied (suites/termination/steady-termination.ts),
 *   the first app container forced to handle SIGTERM (exit, or the default action).
 * model rule: model/termination.ts expectTermination — termination.handled-sigterm-exits, termination.default-sigterm-kills, termination.exit-code, termination.terminated-reason.
 * observation: harness/observe/termination.ts observeTermination.
 * verdict: `*.exitAfterSigtermSeconds`, `*.exitCode`, `*.terminatedReason`.
 */
import { withFirstContainer } from './steady-pod';
import { expectTermination } from '../../model/termination';
import { observeTermination } from '../../harness/observe/termination';
import type { PropertyDefinition } from '../../runner/property-definition';
import { steadyTermination, TERMINATION_BUDGET } from './steady-termination';

export const sigtermHandled: PropertyDefinition<'termination'> = {
  id: 'termination/sigterm-handled',
  family: 'termination',
  statement:
    'A container handling SIGTERM MUST exit when its program does (exit 143 without a handler), before any SIGKILL',
  arbitrary: (capabilities) =>
    steadyTermination(capabilities, (scenario) => ({
      ...scenario,
      pod: withFirstContainer(scenario.pod, (c) =>
        c.behaviour.sigterm.kind === 'ignore'
          ? { ...c, behaviour: { ...c.behaviour, sigterm: { kind: 'default' } } }
          : c,
      ),
    })),
  expect: expectTermination,
  observe: observeTermination,
  fields: ['*.exitAfterSigtermSeconds', '*.exitCode', '*.terminatedReason'],
  budget: TERMINATION_BUDGET,
};
