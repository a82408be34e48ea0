/**
 * termination/probes-stop
 * - Once a pod is being deleted, its liveness and startup probes MUST stop: a liveness probe that
 *   starts failing during the grace period MUST NOT kill (and restart) the container.
 *
 * generator: generators/termination-scenario.ts, steadied (suites/termination/steady-termination.ts);
 *   the first app container ignores SIGTERM, keeps a grace period of at least 10 s (spec period, no
 *   override) and gets an exec liveness probe (period 2 s, failureThreshold 2) whose signal turns off
 *   2 s after the delete, so a probe still running would kill it 4–6 s into the grace period; readiness
 *   probes that could spend the pod's event budget dropped (generators/event-noise.ts quietScenario).
 * model rule: model/termination.ts expectTermination — termination.probes-stop.
 * observation: harness/observe/termination.ts observeTermination (probe Killing events after the
 *   kubelet surely saw the deletion).
 * verdict: `*.probeKillsDuringTermination`.
 */
import { expectTermination } from '../../model/termination';
import { observeTermination } from '../../harness/observe/termination';
import type { PropertyDefinition } from '../../runner/property-definition';
import { focusedProbe } from '../probes/probes-focus';
import { ignoringSigterm, withFirstContainer } from './steady-pod';
import { steadyTermination, TERMINATION_BUDGET } from './steady-termination';
import { quietScenario } from '../../generators/event-noise';

/** Grace long enough that the container is still running when a continued probe would kill it. */
const MIN_GRACE_SECONDS = 10;
/** The liveness signal turns off this long after the delete: past the kubelet's reaction time. */
const UNHEALTHY_AFTER_DELETE_SECONDS = 2;

export const probesStop: PropertyDefinition<'termination'> = {
  id: 'termination/probes-stop',
  family: 'termination',
  statement:
    'Liveness and startup probes MUST stop once the pod is being deleted: no probe kill during the grace period',
  arbitrary: (capabilities) =>
    steadyTermination(capabilities, (scenario) => ({
      ...scenario,
      delete: { afterRunningSeconds: scenario.delete.afterRunningSeconds },
      pod: {
        ...withFirstContainer(scenario.pod, (c) => ({
          ...ignoringSigterm(c),
          behaviour: {
            ...ignoringSigterm(c).behaviour,
            unhealthyAfterSeconds: scenario.delete.afterRunningSeconds + UNHEALTHY_AFTER_DELETE_SECONDS,
          },
          probes: {
            ...c.probes,
            liveness: focusedProbe({ kind: 'exec' }, { failureThreshold: 2 }),
          },
        })),
        terminationGracePeriodSeconds: Math.max(
          scenario.pod.terminationGracePeriodSeconds ?? 30,
          MIN_GRACE_SECONDS,
        ),
      },
    })).map(quietScenario),
  expect: expectTermination,
  observe: observeTermination,
  fields: ['*.probeKillsDuringTermination'],
  budget: TERMINATION_BUDGET,
};
