/**
 * probes/readiness-window
 * - A readiness probe MUST flip Ready after successThreshold successes and back after failureThreshold
 *   failures, probing every periodSeconds from initialDelaySeconds; it MUST never restart the container.
 *
 * generator: generators/probes-scenario.ts, steadied, the first app container forced to an exec readiness probe whose signal turns on.
 * model rule: model/probes.ts expectProbes — probes.readiness-threshold, probes.readiness-gates-ready.
 * observation: harness/observe/probes.ts observeProbes.
 * verdict: `*.readyAfterStartSeconds`, `*.unreadyAfterStartSeconds`, `*.readyAtEnd`.
 */
import { probesScenario } from '../../generators';
import { expectProbes } from '../../model/probes';
import { observeProbes } from '../../harness/observe/probes';
import { steadyPod, withFirstContainer } from '../termination/steady-pod';
import { PROBES_BUDGET } from './probes-budget';
import type { PropertyDefinition } from '../../runner/property-definition';

export const readinessWindow: PropertyDefinition<'probes'> = {
  id: 'probes/readiness-window',
  family: 'probes',
  statement:
    'Ready MUST follow the readiness probe within its period and thresholds, and readiness MUST never restart a container',
  arbitrary: (capabilities) =>
    probesScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 30 }).map((scenario) => ({
      ...scenario,
      pod: withFirstContainer(steadyPod(scenario.pod), (c) => ({
        ...c,
        behaviour: { ...c.behaviour, readyAfterSeconds: c.behaviour.readyAfterSeconds ?? 1 },
        probes: {
          readiness: {
            initialDelaySeconds: 0,
            periodSeconds: 1,
            timeoutSeconds: 1,
            successThreshold: 1,
            failureThreshold: 1,
            ...c.probes.readiness,
            handler: { kind: 'exec' },
          },
        },
      })),
      observeSeconds: Math.max(scenario.observeSeconds, 20),
    })),
  expect: expectProbes,
  observe: observeProbes,
  fields: ['*.readyAfterStartSeconds', '*.unreadyAfterStartSeconds', '*.readyAtEnd'],
  budget: PROBES_BUDGET,
};
