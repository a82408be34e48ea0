/**
 * probes/grpc-unserved-fails
 * - A gRPC probe against a port where nothing serves the gRPC health service MUST count as a failure
 *   (pkg/probe/grpc/grpc.go Probe: a failed dial or a status other than SERVING is Failure): as liveness the
 *   container MUST be killed after failureThreshold attempts (Killing "failed liveness probe, will be restarted")
 *   and restarted; as readiness the container MUST never be Ready, with a Warning Unhealthy event.
 *   GRPCContainerProbe: beta and on by default from 1.24, GA 1.27; unsupported where the server drops grpc probes.
 *
 * Only failure is checked: the test image (busybox) has no gRPC health server, so no container here can answer
 * SERVING. Checking success would need an image with a gRPC health server (and a program to flip it).
 *
 * generator: generators/probes-scenario.ts, steadied, the first app container forced to a gRPC liveness probe (period 2–3 s,
 *   timeoutSeconds 1–2, failureThreshold 1–3, probe-level grace 2 s where supported) or a gRPC readiness probe on its
 *   planned grpc port, which nothing listens on; its exec signals are on, so only the gRPC handler can fail. The other
 *   containers lose their readiness probes.
 * model rule: model/probes.ts expectProbes with model/probes-signal.ts probeSuccessSpans (gRPC never succeeds here) and
 *   attemptSeconds (each dial fails at its timeout) — probes.grpc-serving-only, probes.liveness-restarts,
 *   probes.kill-message, probes.readiness-gates-ready, probes.unhealthy-event.
 * observation: harness/observe/probes.ts observeProbes.
 * verdict: `*.firstKillAfterStartSeconds`, `*.killMessage`, `*.restartCount`, `*.readyAtEnd`, `*.readinessFailureMessage`.
 */
import fc from 'fast-check';
import { probesScenario } from '../../generators';
import { plannedPort } from '../../generators/port-plan';
import { expectProbes } from '../../model/probes';
import { observeProbes } from '../../harness/observe/probes';
import { steadyPod } from '../termination/steady-pod';
import { FOCUSED_PROBE_PERIOD_SECONDS, focusedProbe, probingFirstContainer } from './probes-focus';
import { PROBES_BUDGET } from './probes-budget';
import type { ContainerScenario } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';

export const grpcUnservedFails: PropertyDefinition<'probes'> = {
  id: 'probes/grpc-unserved-fails',
  family: 'probes',
  statement:
    'A gRPC probe against a port serving no gRPC health MUST fail: liveness restarts the container, readiness keeps it not Ready',
  unsupported: (capabilities) =>
    capabilities.grpcProbes ? undefined : 'gRPC probes need GRPCContainerProbe (on by default from 1.24)',
  arbitrary: (capabilities) =>
    fc
      .tuple(
        probesScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 12 }),
        fc.constantFrom('liveness' as const, 'readiness' as const),
        fc.integer({ min: FOCUSED_PROBE_PERIOD_SECONDS, max: FOCUSED_PROBE_PERIOD_SECONDS + 1 }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 3 }),
      )
      .map(([scenario, kind, periodSeconds, timeoutSeconds, failureThreshold]) => {
        const steady = steadyPod(scenario.pod);
        // The first app container's port block follows every generated init container (pod-scenario.ts).
        const block = scenario.pod.initContainers.length;
        const probe = focusedProbe(
          { kind: 'grpc', port: plannedPort(block, 'grpc') },
          { periodSeconds, timeoutSeconds, failureThreshold },
        );
        if (kind === 'liveness' && capabilities.probeGrace) probe.terminationGracePeriodSeconds = 2;
        const first = steady.containers[0];
        // Every exec-visible signal on (ready at once, healthy throughout): only the gRPC handler can fail.
        const behaviour = { ...first.behaviour, readyAfterSeconds: 0 };
        delete behaviour.unreadyAfterSeconds;
        const probed: ContainerScenario = { ...first, behaviour, probes: { [kind]: probe } };
        return {
          ...scenario,
          pod: probingFirstContainer(steady, probed, kind, block),
          // Killed by 3 × 3 + 2 s (model/probes-signal.ts flipWindow): 24 s surely hold one restart after it (stop,
          // start allowance, restart latency, slack); readiness fails from its first result, by 3 + 2 s.
          observeSeconds: kind === 'liveness' ? 24 : 12,
        };
      }),
  expect: expectProbes,
  observe: observeProbes,
  fields: [
    '*.firstKillAfterStartSeconds',
    '*.killMessage',
    '*.restartCount',
    '*.readyAtEnd',
    '*.readinessFailureMessage',
  ],
  budget: { ...PROBES_BUDGET, numRuns: 3, caseSeconds: 90 },
};
