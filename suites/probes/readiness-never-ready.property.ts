/**
 * probes/readiness-never-ready
 * - A container whose readiness probe never passes MUST never be Ready (a Warning Unhealthy event for each failure)
 *   and MUST never be restarted for it: its restartCount stays 0 (pkg/kubelet/prober/prober_manager.go: readiness
 *   results only set Ready). Upstream: container_probe.go "with readiness probe that fails should never be ready and
 *   never restart".
 *
 * generator: generators/probes-scenario.ts, steadied, the first app container forced to a readiness probe (period 2 s,
 *   initialDelaySeconds 0–3, failureThreshold 1–3) with an exec (its file never appears), httpGet (the CGI answers
 *   400/404/500/503 throughout) or tcpSocket (nothing ever listens) handler; its readiness signal never turns on. The
 *   other containers lose their readiness probes. Window 12–20 s (the run's 10-minute budget).
 * model rule: model/probes.ts expectProbes — probes.readiness-gates-ready, probes.unhealthy-event.
 * observation: harness/observe/probes.ts observeProbes.
 * verdict: `*.readyAtEnd`, `*.readinessFailureMessage`, `*.restartCount`.
 */
import fc from 'fast-check';
import { probesScenario } from '../../generators';
import { expectProbes } from '../../model/probes';
import { observeProbes } from '../../harness/observe/probes';
import { steadyPod } from '../termination/steady-pod';
import {
  focusedProbe,
  NEVER_PASSING_HANDLERS,
  neverPassingHandler,
  probingFirstContainer,
} from './probes-focus';
import { PROBES_BUDGET } from './probes-budget';
import type { ContainerScenario } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';

export const readinessNeverReady: PropertyDefinition<'probes'> = {
  id: 'probes/readiness-never-ready',
  family: 'probes',
  statement: 'A container whose readiness probe never passes MUST never be Ready and MUST never be restarted',
  arbitrary: (capabilities) =>
    fc
      .tuple(
        probesScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 12 }),
        fc.constantFrom(...NEVER_PASSING_HANDLERS),
        fc.constantFrom(400, 404, 500, 503),
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 12, max: 20 }),
      )
      .map(([scenario, kind, failStatus, initialDelaySeconds, failureThreshold, observeSeconds]) => {
        const steady = steadyPod(scenario.pod);
        const block = scenario.pod.initContainers.length;
        const probe = focusedProbe(neverPassingHandler(kind, block, failStatus, 'readiness'), {
          initialDelaySeconds,
          failureThreshold,
        });
        const first = steady.containers[0];
        const behaviour = { ...first.behaviour };
        delete behaviour.readyAfterSeconds;
        delete behaviour.unreadyAfterSeconds;
        const probed: ContainerScenario = { ...first, behaviour, probes: { readiness: probe } };
        return {
          ...scenario,
          pod: probingFirstContainer(steady, probed, 'readiness', block),
          observeSeconds,
        };
      }),
  expect: expectProbes,
  observe: observeProbes,
  fields: ['*.readyAtEnd', '*.readinessFailureMessage', '*.restartCount'],
  budget: PROBES_BUDGET,
};
