/**
 * probes/startup-gates
 * - Liveness and readiness probes MUST NOT run until the startup probe has succeeded: Ready and a
 *   liveness kill are both dated from the startup probe's success, not from the container's start.
 *
 * generator: generators/probes-scenario.ts, steadied, the first app container forced to exec probes every 2 s: a startup probe whose signal turns
 *   on after 3–6 s (failureThreshold high enough to pass), an exec readiness probe whose signal is on at once, and an exec liveness
 *   probe whose signal turns off at once (both would act before startup passed if they were not gated); the other containers lose
 *   their readiness probes so that ContainersReady follows the first one; restartPolicy Always.
 * model rule: model/probes.ts expectProbes — probes.startup-gates-others, probes.readiness-threshold, probes.liveness-restarts,
 *   probes.kill-message.
 * observation: harness/observe/probes.ts observeProbes.
 * verdict: `*.readyAfterStartSeconds`, `*.firstKillAfterStartSeconds`, `*.killMessage`, `*.restartCount` (the started flag
 *   itself is not judged: it has no condition, and the failure event bounding it carries one-second timestamps).
 */
import fc from 'fast-check';
import { probesScenario } from '../../generators';
import { expectProbes } from '../../model/probes';
import { observeProbes } from '../../harness/observe/probes';
import { steadyPod } from '../termination/steady-pod';
import { focusedProbe, withoutReadiness } from './probes-focus';
import { PROBES_BUDGET } from './probes-budget';
import type { ProbeSpec } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';

/** Focused exec probes: a period longer than the jitter plus the slack, so every flip is dated within one. */
const FOCUSED = focusedProbe({ kind: 'exec' });
/** Liveness failures before the kill: it comes failureThreshold periods after startup, well after Ready. */
const LIVENESS_FAILURES = 3;

export const startupGates: PropertyDefinition<'probes'> = {
  id: 'probes/startup-gates',
  family: 'probes',
  statement: 'Liveness and readiness probes MUST NOT run until the startup probe has succeeded',
  arbitrary: (capabilities) =>
    fc
      .tuple(
        probesScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 30 }),
        fc.integer({ min: 3, max: 6 }),
      )
      .map(([scenario, startupAfterSeconds]) => {
        const steady = steadyPod(scenario.pod);
        const first = steady.containers[0];
        // Startup passes a period after startupAfterSeconds at the latest, long before it would give up.
        const startup: ProbeSpec = { ...FOCUSED, failureThreshold: startupAfterSeconds + 10 };
        const readiness: ProbeSpec = { ...FOCUSED, failureThreshold: 1 };
        // Liveness kills failureThreshold periods after startup: later than Ready by more than the slack.
        const liveness: ProbeSpec = {
          ...FOCUSED,
          failureThreshold: LIVENESS_FAILURES,
          terminationGracePeriodSeconds: 1,
        };
        if (!capabilities.probeGrace) delete liveness.terminationGracePeriodSeconds;
        const behaviour = {
          ...first.behaviour,
          startupAfterSeconds,
          readyAfterSeconds: 0,
          unhealthyAfterSeconds: 0,
        };
        delete behaviour.unreadyAfterSeconds;
        return {
          ...scenario,
          pod: {
            ...steady,
            // Always: the kill is always followed by a restart, so restartCount is predicted in every case.
            restartPolicy: 'Always' as const,
            initContainers: steady.initContainers.map(withoutReadiness),
            containers: steady.containers.map((c, i) =>
              i === 0 ? { ...c, behaviour, probes: { startup, readiness, liveness } } : withoutReadiness(c),
            ),
          },
          // The window outlasts the liveness kill (startup + 3 periods of 2 s), slack and start allowance.
          observeSeconds: Math.max(scenario.observeSeconds, startupAfterSeconds + 16),
        };
      }),
  expect: expectProbes,
  observe: observeProbes,
  fields: ['*.readyAfterStartSeconds', '*.firstKillAfterStartSeconds', '*.killMessage', '*.restartCount'],
  budget: PROBES_BUDGET,
};
