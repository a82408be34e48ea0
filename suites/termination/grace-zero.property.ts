/**
 * termination/grace-zero
 * - A delete with gracePeriodSeconds 0 MUST be recorded with deletionGracePeriodSeconds 0.
 * - Up to 1.26 the kubelet MUST use the spec's period for it; from 1.27 either the spec's period or the
 *   override raised to 1 s (the release that changed it is unverified): a container ignoring SIGTERM
 *   MUST get SIGKILL within that span after SIGTERM, exit 137.
 *
 * generator: generators/termination-scenario.ts, steadied (suites/termination/steady-termination.ts),
 *   the delete forced to gracePeriodSeconds 0, the first app container ignoring SIGTERM.
 * model rule: model/termination.ts expectTermination — termination.grace-from-delete-or-spec, termination.grace-zero-kubelet, termination.exit-code.
 * observation: harness/observe/termination.ts observeTermination.
 * verdict: `pod.deletionGracePeriodSeconds`, `*.sigkillAfterSigtermSeconds`, `*.exitCode`.
 */
import { ignoringSigterm, withFirstContainer } from './steady-pod';
import { expectTermination } from '../../model/termination';
import { observeTermination } from '../../harness/observe/termination';
import type { PropertyDefinition } from '../../runner/property-definition';
import { steadyTermination, TERMINATION_BUDGET } from './steady-termination';

export const graceZero: PropertyDefinition<'termination'> = {
  id: 'termination/grace-zero',
  family: 'termination',
  statement:
    'A delete with gracePeriodSeconds 0 MUST record 0 and stop containers with the period the kubelet derives for it',
  arbitrary: (capabilities) =>
    steadyTermination(capabilities, (scenario) => ({
      ...scenario,
      delete: { ...scenario.delete, gracePeriodSeconds: 0 },
      pod: withFirstContainer(scenario.pod, ignoringSigterm),
    })),
  expect: expectTermination,
  observe: observeTermination,
  fields: ['pod.deletionGracePeriodSeconds', '*.sigkillAfterSigtermSeconds', '*.exitCode'],
  budget: TERMINATION_BUDGET,
};
