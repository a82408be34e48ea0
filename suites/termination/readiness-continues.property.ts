/**
 * termination/readiness-continues
 * - Once a pod is being deleted its readiness probe MUST keep running: a container whose readiness
 *   signal turns off during the grace period MUST turn not ready (and the pod's Ready condition False)
 *   within failureThreshold probes of the signal, while it still runs (before its SIGKILL).
 *
 * generator: generators/termination-scenario.ts, steadied (suites/termination/steady-termination.ts);
 *   every app container ignores SIGTERM and only the first keeps a readiness probe (so ContainersReady
 *   follows it and dates its flip): an exec readiness probe (period 2 s, failureThreshold 2)
 *   whose signal is on from the start and turns off about 2 s after the delete, and the grace period
 *   (spec, no override) is at least 10 s, so the flip lands well before the SIGKILL.
 * model rule: model/termination-readiness.ts readinessContinuesFields — termination.readiness-continues.
 * observation: harness/observe/termination-readiness.ts observeReadinessDuringTermination (the ready →
 *   not ready transition after the delete, and a view with the container running and the pod not Ready).
 * verdict: `*.unreadyDuringTerminationAfterStartSeconds`, `*.notReadyWhileRunningAfterDelete`.
 */
import { expectTermination } from '../../model/termination';
import { observeTermination } from '../../harness/observe/termination';
import type { PodScenario } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';
import { focusedProbe, withoutReadiness } from '../probes/probes-focus';
import { ignoringSigterm, withFirstContainer } from './steady-pod';
import { steadyTermination, TERMINATION_BUDGET } from './steady-termination';

/** A grace period long enough that the container still runs seconds after its readiness flips. */
const MIN_GRACE_SECONDS = 10;
/** The readiness signal turns off this long after the latest the delete can come (container time). */
const UNREADY_AFTER_DELETE_SECONDS = 2;
/** Seconds between the not-ready flip at the latest and the SIGKILL at the earliest. */
const FLIP_BEFORE_KILL_SECONDS = 6;

const READINESS = focusedProbe({ kind: 'exec' }, { failureThreshold: 2 });

/**
 * The longest the harness waits for Ready before the delete delay starts (harness/plan.ts
 * readinessSeconds): the signal, initialDelay, and successThreshold + 1 periods, over every container.
 */
function readyWaitSeconds(pod: PodScenario): number {
  return Math.max(
    0,
    ...pod.containers.flatMap((c) => {
      const probe = c.probes.readiness;
      if (!probe) return [];
      const signal = (c.behaviour.readyAfterSeconds ?? 0) + c.behaviour.startDelaySeconds;
      return [signal + probe.initialDelaySeconds + probe.periodSeconds * (probe.successThreshold + 1)];
    }),
  );
}

export const readinessContinues: PropertyDefinition<'termination'> = {
  id: 'termination/readiness-continues',
  family: 'termination',
  statement:
    'Readiness probes MUST keep running while the pod is being deleted: a failing readiness turns the container and the pod not Ready before the container stops',
  arbitrary: (capabilities) =>
    steadyTermination(capabilities, (scenario) => {
      // Only the judged container has readiness and every app container runs until its SIGKILL, so
      // ContainersReady flips with the judged one and its lastTransitionTime dates that flip.
      const alone: PodScenario = {
        ...scenario.pod,
        initContainers: scenario.pod.initContainers.map(withoutReadiness),
        containers: scenario.pod.containers.map((c) => ignoringSigterm(withoutReadiness(c))),
      };
      const probed = withFirstContainer(alone, (c) => ({
        ...c,
        behaviour: { ...c.behaviour, readyAfterSeconds: 0 },
        probes: { ...c.probes, readiness: READINESS },
      }));
      const wait = readyWaitSeconds(probed);
      const unreadyAfterSeconds = scenario.delete.afterRunningSeconds + wait + UNREADY_AFTER_DELETE_SECONDS;
      const flipLatest = unreadyAfterSeconds + READINESS.failureThreshold * READINESS.periodSeconds;
      return {
        ...scenario,
        delete: { afterRunningSeconds: scenario.delete.afterRunningSeconds },
        pod: {
          ...withFirstContainer(probed, (c) => ({
            ...c,
            behaviour: { ...c.behaviour, unreadyAfterSeconds },
          })),
          terminationGracePeriodSeconds: Math.max(
            scenario.pod.terminationGracePeriodSeconds ?? 30,
            MIN_GRACE_SECONDS,
            flipLatest - scenario.delete.afterRunningSeconds + FLIP_BEFORE_KILL_SECONDS,
          ),
        },
      };
    }),
  expect: expectTermination,
  observe: observeTermination,
  fields: ['*.unreadyDuringTerminationAfterStartSeconds', '*.notReadyWhileRunningAfterDelete'],
  budget: TERMINATION_BUDGET,
};
