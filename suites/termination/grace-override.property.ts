/**
 * termination/grace-override
 * - DeleteOptions.gracePeriodSeconds (≥ 1) MUST be recorded as metadata.deletionGracePeriodSeconds.
 * - The kubelet MUST use it instead of spec.terminationGracePeriodSeconds: a container ignoring SIGTERM
 *   MUST get SIGKILL max(override − ⌊preStop⌋, 2) s after SIGTERM.
 *
 * generator: generators/termination-scenario.ts, steadied (suites/termination/steady-termination.ts),
 *   the delete forced to override the spec's period with a positive one, the first app container ignoring SIGTERM.
 * model rule: model/termination.ts expectTermination — termination.grace-from-delete-or-spec, termination.sigkill-after-grace, termination.prestop-counts-against-grace.
 * observation: harness/observe/termination.ts observeTermination.
 * verdict: `pod.deletionGracePeriodSeconds`, `*.sigkillAfterSigtermSeconds`.
 */
import { DEFAULT_TERMINATION_GRACE_SECONDS } from '../../model/timing';
import { ignoringSigterm, withFirstContainer } from './steady-pod';
import { expectTermination } from '../../model/termination';
import { observeTermination } from '../../harness/observe/termination';
import type { PropertyDefinition } from '../../runner/property-definition';
import { steadyTermination, TERMINATION_BUDGET } from './steady-termination';

export const graceOverride: PropertyDefinition<'termination'> = {
  id: 'termination/grace-override',
  family: 'termination',
  statement:
    "A delete's gracePeriodSeconds MUST replace the spec's period: recorded as deletionGracePeriodSeconds and used for the SIGKILL",
  arbitrary: (capabilities) =>
    steadyTermination(capabilities, (scenario) => {
      const spec = scenario.pod.terminationGracePeriodSeconds ?? DEFAULT_TERMINATION_GRACE_SECONDS;
      const requested = scenario.delete.gracePeriodSeconds;
      // Positive and different from the spec's, so the override is what decides.
      const override = requested !== undefined && requested > 0 && requested !== spec ? requested : spec + 1;
      return {
        ...scenario,
        delete: { ...scenario.delete, gracePeriodSeconds: override },
        pod: withFirstContainer(scenario.pod, ignoringSigterm),
      };
    }),
  expect: expectTermination,
  observe: observeTermination,
  fields: ['pod.deletionGracePeriodSeconds', '*.sigkillAfterSigtermSeconds'],
  budget: TERMINATION_BUDGET,
};
