/**
 * termination/prestop-then-sigterm
 * - The kubelet MUST run preStop first and send SIGTERM when it returns, at most G s after the kill starts.
 * - The preStop MUST count against the grace period: SIGKILL max(G − ⌊preStop⌋, 2) s after SIGTERM.
 *
 * generator: generators/termination-scenario.ts, steadied (suites/termination/steady-termination.ts),
 *   the first app container forced to have a preStop hook that succeeds (exec exit 0, httpGet, sleep).
 * model rule: model/termination.ts expectTermination — termination.prestop-before-sigterm, termination.prestop-counts-against-grace.
 * observation: harness/observe/termination.ts observeTermination.
 * verdict: `*.sigtermAfterPreStopStartSeconds`, `*.sigtermAfterKillStartSeconds`, `*.sigkillAfterSigtermSeconds`.
 */
import { hookFails } from '../../model/timing';
import { withFirstContainer } from './steady-pod';
import { expectTermination } from '../../model/termination';
import { observeTermination } from '../../harness/observe/termination';
import type { PropertyDefinition } from '../../runner/property-definition';
import { steadyTermination, TERMINATION_BUDGET } from './steady-termination';

export const prestopThenSigterm: PropertyDefinition<'termination'> = {
  id: 'termination/prestop-then-sigterm',
  family: 'termination',
  statement:
    'SIGTERM MUST follow a preStop hook when it returns (at most the grace period after the kill starts), and the hook counts against the grace',
  arbitrary: (capabilities) =>
    steadyTermination(capabilities, (scenario) => ({
      ...scenario,
      pod: withFirstContainer(scenario.pod, (c) => {
        const preStop = c.lifecycle.preStop;
        if (preStop && !hookFails(preStop)) return c;
        return {
          ...c,
          lifecycle: { ...c.lifecycle, preStop: { kind: 'exec', durationSeconds: 1, exitCode: 0 } },
        };
      }),
    })),
  expect: expectTermination,
  observe: observeTermination,
  fields: [
    '*.sigtermAfterPreStopStartSeconds',
    '*.sigtermAfterKillStartSeconds',
    '*.sigkillAfterSigtermSeconds',
  ],
  budget: TERMINATION_BUDGET,
};
