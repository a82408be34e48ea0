/**
 * probes/exec-timeout
 * - An exec probe whose command outlasts timeoutSeconds MUST count as a failure (never Ready, a Warning
 *   Unhealthy event; as liveness: killed after failureThreshold attempts and restarted), and one that
 *   answers within timeoutSeconds MUST count by its exit status (pkg/probe/exec/exec.go Probe; CRI ExecSync
 *   DeadlineExceeded → TimeoutError; ExecProbeTimeout GA and on from 1.20, before which the command ran to its end).
 *
 * generator: generators/probes-scenario.ts, steadied, the first app container forced to an exec readiness or liveness
 *   probe (period 2–3 s, timeoutSeconds 1–3) whose command hangs at least the decision margin (0.5 s) longer than
 *   timeoutSeconds, or at least that much shorter (timeoutSeconds then ≥ 2; suites/probes/probes-focus.ts
 *   execHangAndTimeout); its signal is on (readiness from 0–3 s, liveness throughout), so the hang alone decides.
 *   The other containers lose their readiness probes so that the pod's readiness follows the first one.
 * model rule: model/probes.ts expectProbes with model/probes-signal.ts execTimesOut, attemptSeconds — probes.exec-timeout,
 *   probes.readiness-threshold, probes.readiness-gates-ready, probes.unhealthy-event, probes.liveness-restarts,
 *   probes.kill-message.
 * observation: harness/observe/probes.ts observeProbes.
 * verdict: `*.readyAfterStartSeconds`, `*.readyAtEnd`, `*.readinessFailureMessage`, `*.firstKillAfterStartSeconds`,
 *   `*.killMessage`, `*.restartCount`.
 */
import fc from 'fast-check';
import { probesScenario } from '../../generators';
import { seconds } from '../../generators/seconds';
import { expectProbes } from '../../model/probes';
import { execTimeoutEnforced } from '../../model/probes-signal';
import { observeProbes } from '../../harness/observe/probes';
import { steadyPod } from '../termination/steady-pod';
import {
  execHangAndTimeout,
  FOCUSED_PROBE_PERIOD_SECONDS,
  focusedProbe,
  probingFirstContainer,
} from './probes-focus';
import { PROBES_BUDGET } from './probes-budget';
import type { ContainerScenario } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';

export const execTimeout: PropertyDefinition<'probes'> = {
  id: 'probes/exec-timeout',
  family: 'probes',
  statement:
    'An exec probe whose command outlasts timeoutSeconds MUST count as a failure; one answering in time MUST count by its exit status',
  unsupported: (capabilities) =>
    execTimeoutEnforced(capabilities.version)
      ? undefined
      : 'exec probe timeouts are enforced from 1.20 (ExecProbeTimeout)',
  arbitrary: (capabilities) =>
    fc
      .tuple(
        probesScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 12 }),
        fc.constantFrom('readiness' as const, 'liveness' as const),
        fc.boolean(),
        fc.integer({ min: FOCUSED_PROBE_PERIOD_SECONDS, max: FOCUSED_PROBE_PERIOD_SECONDS + 1 }),
        fc.integer({ min: 1, max: 3 }),
        seconds({ min: 0, max: 2 }),
        fc.integer({ min: 1, max: 2 }),
        seconds({ min: 0, max: 3, step: 1 }),
      )
      .map(
        ([scenario, kind, outlasts, periodSeconds, timeout, extra, failureThreshold, readyAfterSeconds]) => {
          const steady = steadyPod(scenario.pod);
          const { hangSeconds, timeoutSeconds } = execHangAndTimeout(outlasts, timeout, extra);
          const probe = focusedProbe(
            { kind: 'exec', hangSeconds },
            { periodSeconds, timeoutSeconds, failureThreshold },
          );
          // A probe kill with a short grace keeps restarts within the window (probe-level grace where supported).
          if (kind === 'liveness' && capabilities.probeGrace) probe.terminationGracePeriodSeconds = 2;
          const first = steady.containers[0];
          // Readiness: the signal file appears at 0–3 s and stays. Liveness: the container stays healthy.
          const behaviour = { ...first.behaviour };
          delete behaviour.unreadyAfterSeconds;
          if (kind === 'readiness') behaviour.readyAfterSeconds = readyAfterSeconds;
          const probed: ContainerScenario = { ...first, behaviour, probes: { [kind]: probe } };
          return {
            ...scenario,
            pod: probingFirstContainer(steady, probed, kind, scenario.pod.initContainers.length),
            // Longest windows (model/probes-signal.ts flipWindow): ready by 3 + 3 + 2.5 s; killed by 2 × 3 + 3 s, and
            // 26 s surely hold one restart after it (stop, start allowance, restart latency, slack).
            observeSeconds: kind === 'liveness' && outlasts ? 26 : 16,
          };
        },
      ),
  expect: expectProbes,
  observe: observeProbes,
  fields: [
    '*.readyAfterStartSeconds',
    '*.readyAtEnd',
    '*.readinessFailureMessage',
    '*.firstKillAfterStartSeconds',
    '*.killMessage',
    '*.restartCount',
  ],
  budget: { ...PROBES_BUDGET, numRuns: 4, caseSeconds: 90 },
};
