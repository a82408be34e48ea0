/**
 * probes/readiness-window
 * - A readiness probe MUST flip Ready after successThreshold successes and back after failureThreshold
 *   failures, probing every periodSeconds from initialDelaySeconds; it MUST never restart the container.
 *
 * generator: generators/probes-scenario.ts, steadied, the first app container forced to an exec readiness probe (period ≥ 2 s) whose signal turns on
 *   (and, if it turns off again, stays on long enough for Ready to flip); the other containers lose their readiness probes so that
 *   ContainersReady follows the first one; the window is stretched past Ready's latest flip.
 * model rule: model/probes.ts expectProbes — probes.readiness-threshold, probes.readiness-gates-ready (restartCount 0).
 * observation: harness/observe/probes.ts observeProbes.
 * verdict: `*.readyAfterStartSeconds`, `*.unreadyAfterStartSeconds`, `*.readyAtEnd`, `*.restartCount` (0: readiness never
 *   restarts, upstream's "should not be ready before initial delay and never restart").
 */
import { probesScenario } from '../../generators';
import { expectProbes } from '../../model/probes';
import { observeProbes } from '../../harness/observe/probes';
import { steadyPod } from '../termination/steady-pod';
import { FOCUSED_PROBE_PERIOD_SECONDS, withoutReadiness } from './probes-focus';
import { PROBES_BUDGET } from './probes-budget';
import type { ProbeSpec } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';

export const readinessWindow: PropertyDefinition<'probes'> = {
  id: 'probes/readiness-window',
  family: 'probes',
  statement:
    'Ready MUST follow the readiness probe within its period and thresholds, and readiness MUST never restart a container',
  arbitrary: (capabilities) =>
    probesScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 30 }).map((scenario) => {
      const steady = steadyPod(scenario.pod);
      const first = steady.containers[0];
      const readiness: ProbeSpec = {
        initialDelaySeconds: 0,
        timeoutSeconds: 1,
        successThreshold: 1,
        failureThreshold: 1,
        ...first.probes.readiness,
        // A period longer than the jitter plus the slack: a kubelet one period off falls outside the window.
        periodSeconds: Math.max(first.probes.readiness?.periodSeconds ?? 0, FOCUSED_PROBE_PERIOD_SECONDS),
        handler: { kind: 'exec' },
      };
      const readyAfterSeconds = first.behaviour.readyAfterSeconds ?? 1;
      // Ready flips at the latest successThreshold periods after the signal is on and probing has begun.
      const readyBy =
        Math.max(readyAfterSeconds, readiness.initialDelaySeconds) +
        readiness.successThreshold * readiness.periodSeconds;
      const behaviour = { ...first.behaviour, readyAfterSeconds };
      // A signal that turns off again stays on a period past that, so Ready flips whatever the probes' phase.
      if (behaviour.unreadyAfterSeconds !== undefined)
        behaviour.unreadyAfterSeconds = Math.max(
          behaviour.unreadyAfterSeconds,
          readyBy + readiness.periodSeconds,
        );
      return {
        ...scenario,
        pod: {
          ...steady,
          // Only the judged container has readiness, so ContainersReady flips with it and dates its flips.
          initContainers: steady.initContainers.map(withoutReadiness),
          containers: steady.containers.map((c, i) =>
            i === 0 ? { ...c, behaviour, probes: { readiness } } : withoutReadiness(c),
          ),
        },
        // The window outlasts Ready's latest flip (slack and the start allowance included).
        observeSeconds: Math.max(scenario.observeSeconds, 20, Math.ceil(readyBy) + 4),
      };
    }),
  expect: expectProbes,
  observe: observeProbes,
  fields: ['*.readyAfterStartSeconds', '*.unreadyAfterStartSeconds', '*.readyAtEnd', '*.restartCount'],
  budget: PROBES_BUDGET,
};
