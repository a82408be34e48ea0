/**
 * probes/grpc-serving
 * - A gRPC liveness probe MUST succeed while the container's gRPC health service answers SERVING (no restart), and
 *   MUST fail once it answers NOT_SERVING: killed after failureThreshold attempts and restarted
 *   (pkg/probe/grpc/grpc.go Probe: only SERVING succeeds, else "service unhealthy (responded with ...)").
 *   GRPCContainerProbe: beta and on by default from 1.24, GA 1.27. Upstream: container_probe.go "should *not* be
 *   restarted with a GRPC liveness probe" (etcd there; agnhost grpc-health-checking here). Needs the server image.
 *
 * generator: generators/probes-scenario.ts, steadied, the first app container replaced by agnhost grpc-health-checking
 *   (generators/server-container.ts) on its planned grpc port, NOT_SERVING from 3–6 s (--delay-unhealthy-sec) or never,
 *   with a gRPC liveness probe (period 2 s, initialDelaySeconds 1, timeoutSeconds 1–2, failureThreshold 1–2, probe-level
 *   grace 2 s where supported). restartPolicy Always; the other containers lose their readiness probes. Window 30 s.
 * model rule: model/probes.ts expectProbes with model/probes-signal.ts probeSuccessSpans (a health server answers
 *   SERVING until its delay) — probes.grpc-serving-only, probes.kill-message, probes.restart-count-monotonic.
 * observation: harness/observe/probes.ts observeProbes.
 * verdict: `*.firstKillAfterStartSeconds`, `*.killMessage`, `*.restartCount`, `*.restartCountNeverDecreases`.
 */
import fc from 'fast-check';
import { probesScenario } from '../../generators';
import { plannedPort } from '../../generators/port-plan';
import { serverContainer } from '../../generators/server-container';
import { expectProbes } from '../../model/probes';
import { serverImageUnsupported } from '../../model/server-image';
import { observeProbes } from '../../harness/observe/probes';
import { steadyPod } from '../termination/steady-pod';
import { focusedProbe, probingFirstContainer } from './probes-focus';
import { PROBES_BUDGET } from './probes-budget';
import type { ServerProgram } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';

export const grpcServing: PropertyDefinition<'probes'> = {
  id: 'probes/grpc-serving',
  family: 'probes',
  statement:
    'A gRPC liveness probe MUST pass while the health service answers SERVING and MUST restart the container once it answers NOT_SERVING',
  unsupported: (capabilities) =>
    capabilities.grpcProbes
      ? serverImageUnsupported(capabilities)
      : 'gRPC probes need GRPCContainerProbe (on by default from 1.24)',
  arbitrary: (capabilities) =>
    fc
      .tuple(
        probesScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 12 }),
        fc.option(fc.integer({ min: 3, max: 6 }), { nil: undefined }),
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 1, max: 2 }),
      )
      .map(([scenario, unhealthyAfterSeconds, timeoutSeconds, failureThreshold]) => {
        const steady = steadyPod(scenario.pod);
        const block = scenario.pod.initContainers.length;
        const program: ServerProgram = {
          kind: 'grpcHealth',
          port: plannedPort(block, 'grpc'),
          httpPort: plannedPort(block, 'http'),
          ...(unhealthyAfterSeconds === undefined ? {} : { unhealthyAfterSeconds }),
        };
        const probe = focusedProbe(
          { kind: 'grpc', port: program.port },
          // Its server listens within a second of the start (a refused dial is a failure).
          { initialDelaySeconds: 1, timeoutSeconds, failureThreshold },
        );
        if (capabilities.probeGrace) probe.terminationGracePeriodSeconds = 2;
        const server = { ...serverContainer(steady.containers[0], program), probes: { liveness: probe } };
        const pod = probingFirstContainer(steady, server, 'liveness', block);
        return {
          ...scenario,
          pod: { ...pod, containers: pod.containers.map((c, i) => (i === 0 ? server : c)) },
          observeSeconds: unhealthyAfterSeconds === undefined ? 20 : 30,
        };
      }),
  expect: expectProbes,
  observe: observeProbes,
  fields: ['*.firstKillAfterStartSeconds', '*.killMessage', '*.restartCount', '*.restartCountNeverDecreases'],
  budget: PROBES_BUDGET,
};
