/**
 * probes/liveness-restarts
 * - failureThreshold consecutive liveness failures MUST kill the container (Killing "failed liveness probe,
 *   will be restarted") and it MUST restart per restartPolicy with the kubelet's crash back-off (none
 *   for the first two restarts, then 10 s doubling, measured from the exit before the killed instance's);
 *   its restartCount MUST never decrease.
 *
 * generator: generators/probes-scenario.ts, steadied, the first app container forced to an exec liveness probe (period ≥ 2 s) whose signal turns off (no startup probe);
 *   readiness probes that could spend the pod's event budget dropped (generators/event-noise.ts quietScenario).
 * model rule: model/probes.ts expectProbes — probes.liveness-restarts, probes.kill-message, probes.probe-level-grace,
 *   probes.restart-count-monotonic.
 * observation: harness/observe/probes.ts observeProbes.
 * verdict: `*.firstKillAfterStartSeconds`, `*.killMessage`, `*.restartCount`, `*.restartCountNeverDecreases`.
 */
import { probesScenario } from '../../generators';
import { expectProbes } from '../../model/probes';
import { observeProbes } from '../../harness/observe/probes';
import { steadyPod, withFirstContainer } from '../termination/steady-pod';
import { PROBES_BUDGET } from './probes-budget';
import { FOCUSED_PROBE_PERIOD_SECONDS } from './probes-focus';
import { quietScenario } from '../../generators/event-noise';
import type { PropertyDefinition } from '../../runner/property-definition';

export const livenessRestarts: PropertyDefinition<'probes'> = {
  id: 'probes/liveness-restarts',
  family: 'probes',
  statement:
    'A container whose liveness probe fails failureThreshold times MUST be killed and restarted with back-off',
  arbitrary: (capabilities) =>
    probesScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 30 })
      .map((scenario) => ({
        ...scenario,
        pod: withFirstContainer(steadyPod(scenario.pod), (c) => ({
          ...c,
          behaviour: {
            ...c.behaviour,
            unhealthyAfterSeconds: Math.min(c.behaviour.readyAfterSeconds ?? 2, 5),
          },
          probes: {
            liveness: {
              initialDelaySeconds: 0,
              timeoutSeconds: 1,
              successThreshold: 1,
              failureThreshold: 2,
              terminationGracePeriodSeconds: 2,
              ...c.probes.liveness,
              // Longer than the jitter plus the slack: a kubelet one failure or one period off is caught.
              periodSeconds: Math.max(c.probes.liveness?.periodSeconds ?? 0, FOCUSED_PROBE_PERIOD_SECONDS),
              handler: { kind: 'exec' },
            },
          },
        })),
        observeSeconds: Math.max(scenario.observeSeconds, 20),
      }))
      .map(quietScenario),
  expect: expectProbes,
  observe: observeProbes,
  fields: ['*.firstKillAfterStartSeconds', '*.killMessage', '*.restartCount', '*.restartCountNeverDecreases'],
  budget: PROBES_BUDGET,
};
