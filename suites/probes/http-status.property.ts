/**
 * probes/http-status
 * - An httpGet probe MUST count a status in 200–399 as success and any other status as failure
 *   (pkg/probe/http/http.go DoHTTPProbe), and a failure MUST be reported with its status code.
 *
 * generator: generators/probes-scenario.ts, steadied, the first app container forced to an httpGet readiness probe (one probe
 *   every 2 s) whose CGI answers a 2xx/3xx status while the signal is on (after the first probes) and a 4xx/5xx status before and after;
 *   the other containers lose their readiness probes so that ContainersReady follows the first one.
 * model rule: model/probes.ts expectProbes — probes.readiness-threshold, probes.readiness-gates-ready, probes.unhealthy-event.
 * observation: harness/observe/probes.ts observeProbes.
 * verdict: `*.readyAfterStartSeconds`, `*.unreadyAfterStartSeconds`, `*.readyAtEnd`, `*.readinessFailureMessage`.
 */
import fc from 'fast-check';
import { probesScenario } from '../../generators';
import { plannedPort } from '../../generators/port-plan';
import { expectProbes } from '../../model/probes';
import { observeProbes } from '../../harness/observe/probes';
import { steadyPod } from '../termination/steady-pod';
import { focusedProbe, probingFirstContainer } from './probes-focus';
import { PROBES_BUDGET } from './probes-budget';
import type { PropertyDefinition } from '../../runner/property-definition';

// Both edges of success and of failure (pkg/probe/http/http.go: 200 <= status < 400 succeeds).
const OK_STATUSES = [200, 204, 302, 399] as const;
const FAIL_STATUSES = [400, 404, 500, 503] as const;

export const httpStatus: PropertyDefinition<'probes'> = {
  id: 'probes/http-status',
  family: 'probes',
  statement: 'An httpGet probe MUST count status 200–399 as success and any other status as failure',
  arbitrary: (capabilities) =>
    fc
      .tuple(
        probesScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 30 }),
        fc.constantFrom(...OK_STATUSES),
        fc.constantFrom(...FAIL_STATUSES),
        fc.integer({ min: 3, max: 6 }),
        fc.integer({ min: 3, max: 6 }),
      )
      .map(([scenario, okStatus, failStatus, readyAfterSeconds, onSeconds]) => {
        const steady = steadyPod(scenario.pod);
        // The first app container's port block follows every generated init container (pod-scenario.ts).
        const block = scenario.pod.initContainers.length;
        const first = steady.containers[0];
        const readiness = focusedProbe({
          kind: 'httpGet',
          port: plannedPort(block, 'http'),
          okStatus,
          failStatus,
        });
        // The signal is off for the first probes (a failure event), on for a few seconds, then off for good.
        const unreadyAfterSeconds = readyAfterSeconds + onSeconds;
        const behaviour = { ...first.behaviour, readyAfterSeconds, unreadyAfterSeconds };
        const probed = { ...first, behaviour, probes: { readiness } };
        return {
          ...scenario,
          pod: probingFirstContainer(steady, probed, 'readiness', block),
          // The window outlasts the flip back to not Ready (slack and the start allowance included).
          observeSeconds: Math.max(scenario.observeSeconds, unreadyAfterSeconds + 8),
        };
      }),
  expect: expectProbes,
  observe: observeProbes,
  fields: [
    '*.readyAfterStartSeconds',
    '*.unreadyAfterStartSeconds',
    '*.readyAtEnd',
    '*.readinessFailureMessage',
  ],
  budget: PROBES_BUDGET,
};
