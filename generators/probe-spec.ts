import fc from 'fast-check';
import { CROSS_SHRINK } from './shrink-options';
import type { Capabilities } from '../model/capabilities';
import type { ProbeHandler, ProbeKind, ProbeSpec } from '../model/scenario';
import { plannedPort } from './port-plan';
import { seconds } from './seconds';

export interface ProbeSpecConstraints {
  capabilities: Capabilities;
  kind: ProbeKind;
  /** Upper bound of initialDelay/period, seconds (default 5: probes act within a short live case). */
  maxPeriodSeconds?: number;
}

function probeHandler(kind: ProbeKind, capabilities: Capabilities): fc.Arbitrary<ProbeHandler> {
  const options: fc.Arbitrary<ProbeHandler>[] = [
    fc.record({ kind: fc.constant('exec' as const) }, { noNullPrototype: true }),
    fc.record(
      { kind: fc.constant('exec' as const), hangSeconds: seconds({ min: 1, max: 4 }) },
      { noNullPrototype: true },
    ),
    fc.record(
      {
        kind: fc.constant('httpGet' as const),
        port: fc.constant(plannedPort(0, 'http')),
        // Success is 200 <= status < 400 (pkg/probe/http/http.go DoHTTPProbe): both edges are generated.
        okStatus: fc.constantFrom(200, 201, 399),
        failStatus: fc.constantFrom(400, 404, 500, 503),
      },
      { noNullPrototype: true },
    ),
    fc.record(
      { kind: fc.constant('tcpSocket' as const), port: fc.constant(plannedPort(0, kind)) },
      { noNullPrototype: true },
    ),
  ];
  // gRPC probes only where the server supports them (GRPCContainerProbe, on by default from 1.24).
  if (capabilities.grpcProbes) {
    options.push(
      fc.record(
        { kind: fc.constant('grpc' as const), port: fc.constant(plannedPort(0, 'grpc')) },
        { noNullPrototype: true },
      ),
    );
  }
  return fc.oneof(CROSS_SHRINK, ...options);
}

/**
 * One probe with every timing field in its valid range (pkg/apis/core/validation/validation.go validateProbe;
 * zero values would be defaulted by pkg/apis/core/v1/defaults.go SetDefaults_Probe, so the minimum is 1).
 */
export function probeSpec(constraints: ProbeSpecConstraints): fc.Arbitrary<ProbeSpec> {
  const { kind, capabilities } = constraints;
  const maxPeriod = constraints.maxPeriodSeconds ?? 5;
  // Liveness and startup probes must have successThreshold 1 (validation.go validateLivenessProbe/validateStartupProbe).
  const successThreshold = kind === 'readiness' ? fc.integer({ min: 1, max: 3 }) : fc.constant(1);
  // Probe-level grace: > 0, liveness/startup only, where ProbeTerminationGracePeriod is on (validation.go validateProbe).
  const grace =
    kind !== 'readiness' && capabilities.probeGrace
      ? fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined })
      : fc.constant(undefined);
  return fc
    .record(
      {
        handler: probeHandler(kind, capabilities),
        initialDelaySeconds: fc.integer({ min: 0, max: maxPeriod }),
        periodSeconds: fc.integer({ min: 1, max: maxPeriod }),
        timeoutSeconds: fc.integer({ min: 1, max: 3 }),
        successThreshold,
        failureThreshold: fc.integer({ min: 1, max: 3 }),
        terminationGracePeriodSeconds: grace,
      },
      { noNullPrototype: true },
    )
    .map(({ terminationGracePeriodSeconds, ...probe }) =>
      terminationGracePeriodSeconds === undefined ? probe : { ...probe, terminationGracePeriodSeconds },
    );
}
