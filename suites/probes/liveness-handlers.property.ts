/**
 * probes/liveness-handlers
 * - A liveness probe of any handler (exec, httpGet, tcpSocket) that fails failureThreshold times MUST kill the container
 *   (Killing "failed liveness probe, will be restarted") and it MUST be restarted again and again, its restartCount
 *   never going down; one that keeps passing MUST never restart it (restartCount 0 over the window). Upstream:
 *   container_probe.go "should be restarted with a /healthz http liveness probe", "should *not* be restarted with a
 *   tcp:8080 liveness probe", "should have monotonically increasing restart count", "should *not* be restarted with a
 *   /healthz http liveness probe".
 *
 * generator: generators/probes-scenario.ts, steadied, the first app container forced to a liveness probe (period 2 s,
 *   initialDelaySeconds 1 so its own httpd or nc listens first, failureThreshold 1–2, probe-level grace 2 s where
 *   supported) with an exec, httpGet (the CGI answers 200/204 while the signal is on, 500/503 after) or tcpSocket
 *   (nc listens while the signal is on) handler; the signal turns off after 1–3 s (failing) or never (passing).
 *   restartPolicy Always; the other containers lose their readiness probes. Window: 30 s failing (two or more
 *   restarts: no back-off for the first two, then 10 s), 20 s passing.
 * model rule: model/probes.ts expectProbes with model/probes-signal.ts probeSuccessSpans — probes.liveness-restarts,
 *   probes.kill-message, probes.probe-level-grace, probes.restart-count-monotonic.
 * observation: harness/observe/probes.ts observeProbes.
 * verdict: `*.firstKillAfterStartSeconds`, `*.killMessage`, `*.restartCount`, `*.restartCountNeverDecreases`.
 */
import fc from 'fast-check';
import { probesScenario } from '../../generators';
import { plannedPort } from '../../generators/port-plan';
import { expectProbes } from '../../model/probes';
import { observeProbes } from '../../harness/observe/probes';
import { steadyPod } from '../termination/steady-pod';
import { focusedProbe, probingFirstContainer } from './probes-focus';
import { PROBES_BUDGET } from './probes-budget';
import type { ContainerScenario, ProbeHandler } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';

const HANDLERS = ['exec', 'httpGet', 'tcpSocket'] as const;

/** The liveness handler of `kind` on the container's port block. */
function livenessHandler(
  kind: (typeof HANDLERS)[number],
  block: number,
  okStatus: number,
  failStatus: number,
): ProbeHandler {
  switch (kind) {
    case 'exec':
      return { kind: 'exec' };
    case 'httpGet':
      return { kind: 'httpGet', port: plannedPort(block, 'http'), okStatus, failStatus };
    case 'tcpSocket':
      return { kind: 'tcpSocket', port: plannedPort(block, 'liveness') };
  }
}

export const livenessHandlers: PropertyDefinition<'probes'> = {
  id: 'probes/liveness-handlers',
  family: 'probes',
  statement:
    'A failing exec, httpGet or tcpSocket liveness probe MUST restart the container again and again; a passing one MUST never restart it',
  arbitrary: (capabilities) =>
    fc
      .tuple(
        probesScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 12 }),
        fc.constantFrom(...HANDLERS),
        fc.boolean(),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 2 }),
        fc.constantFrom(200, 204),
        fc.constantFrom(500, 503),
      )
      .map(([scenario, kind, fails, unhealthyAfterSeconds, failureThreshold, okStatus, failStatus]) => {
        const steady = steadyPod(scenario.pod);
        // The first app container's port block follows every generated init container (pod-scenario.ts).
        const block = scenario.pod.initContainers.length;
        const probe = focusedProbe(livenessHandler(kind, block, okStatus, failStatus), {
          // Its own httpd or nc listens within a second of the start (a refused GET is a failure).
          initialDelaySeconds: 1,
          failureThreshold,
        });
        // A probe kill with a short grace keeps restarts within the window (probe-level grace where supported).
        if (capabilities.probeGrace) probe.terminationGracePeriodSeconds = 2;
        const first = steady.containers[0];
        const behaviour = { ...first.behaviour };
        delete behaviour.unreadyAfterSeconds;
        if (fails) behaviour.unhealthyAfterSeconds = unhealthyAfterSeconds;
        const probed: ContainerScenario = { ...first, behaviour, probes: { liveness: probe } };
        return {
          ...scenario,
          pod: probingFirstContainer(steady, probed, 'liveness', block),
          observeSeconds: fails ? 30 : 20,
        };
      }),
  expect: expectProbes,
  observe: observeProbes,
  fields: ['*.firstKillAfterStartSeconds', '*.killMessage', '*.restartCount', '*.restartCountNeverDecreases'],
  budget: { ...PROBES_BUDGET, numRuns: 3 },
};
