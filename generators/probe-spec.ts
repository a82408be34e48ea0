import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import type { ProbeHandler, ProbeKind, ProbeSpec } from '../model/scenario';
import { hangClearOfTimeout } from './decision-margin';
import { plannedPort } from './port-plan';
import { seconds } from './seconds';

export interface ProbeSpecConstraints {
  capabilities: Capabilities;
  kind: ProbeKind;
  /** Upper bound of initialDelay/period, seconds (default 5: probes act within a short live case). */
  maxPeriodSeconds?: number;
}

// Success is 200 <= status < 400 (pkg/probe/http/http.go DoHTTPProbe): both edges are generated.
const OK_STATUSES = [200, 201, 399] as const;
const FAIL_STATUSES = [400, 404, 500, 503] as const;

/** Generated probes target the busybox program; server-program handlers are set by the properties that need them. */
type HandlerKind = Exclude<ProbeHandler['kind'], 'serverHttpGet'>;

/**
 * The handler from an index into the kinds the target supports (exec first, so shrinking the index
 * moves toward the simplest handler) and parameters drawn for every kind.
 */
function handlerOf(
  kinds: readonly HandlerKind[],
  probe: ProbeKind,
  [kindIndex, hangSeconds, ok, fail]: [number, number | undefined, number, number],
): ProbeHandler {
  switch (kinds[kindIndex]) {
    case 'exec':
      return hangSeconds === undefined ? { kind: 'exec' } : { kind: 'exec', hangSeconds };
    case 'httpGet':
      return {
        kind: 'httpGet',
        port: plannedPort(0, 'http'),
        okStatus: OK_STATUSES[ok],
        failStatus: FAIL_STATUSES[fail],
      };
    case 'tcpSocket':
      return { kind: 'tcpSocket', port: plannedPort(0, probe) };
    case 'grpc':
      return { kind: 'grpc', port: plannedPort(0, 'grpc') };
  }
}

/**
 * One probe with every timing field in its valid range (pkg/apis/core/validation/validation.go validateProbe;
 * zero values would be defaulted by pkg/apis/core/v1/defaults.go SetDefaults_Probe, so the minimum is 1).
 * Built from a tuple, not records of records: this arbitrary is the hottest part of pod generation.
 */
export function probeSpec(constraints: ProbeSpecConstraints): fc.Arbitrary<ProbeSpec> {
  const { kind, capabilities } = constraints;
  const maxPeriod = constraints.maxPeriodSeconds ?? 5;
  // gRPC probes only where the server supports them (GRPCContainerProbe, on by default from 1.24).
  const kinds: HandlerKind[] = capabilities.grpcProbes
    ? ['exec', 'httpGet', 'tcpSocket', 'grpc']
    : ['exec', 'httpGet', 'tcpSocket'];
  // Liveness and startup probes must have successThreshold 1 (validation.go validateLivenessProbe/validateStartupProbe).
  const successThreshold = kind === 'readiness' ? fc.integer({ min: 1, max: 3 }) : fc.constant(1);
  // Probe-level grace: > 0, liveness/startup only, where ProbeTerminationGracePeriod is on (validation.go validateProbe).
  const grace =
    kind !== 'readiness' && capabilities.probeGrace
      ? fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined })
      : fc.constant(undefined);
  return fc
    .tuple(
      fc.tuple(
        fc.integer({ min: 0, max: kinds.length - 1 }),
        fc.option(seconds({ min: 1, max: 4 }), { nil: undefined }),
        fc.integer({ min: 0, max: OK_STATUSES.length - 1 }),
        fc.integer({ min: 0, max: FAIL_STATUSES.length - 1 }),
      ),
      fc.integer({ min: 0, max: maxPeriod }),
      fc.integer({ min: 1, max: maxPeriod }),
      fc.integer({ min: 1, max: 3 }),
      successThreshold,
      fc.integer({ min: 1, max: 3 }),
      grace,
    )
    .map(
      ([
        handler,
        initialDelaySeconds,
        periodSeconds,
        timeoutSeconds,
        success,
        failureThreshold,
        probeGrace,
      ]) => {
        const [kindIndex, hangSeconds, ok, fail] = handler;
        // A hang within the decision margin of the timeout would flip on a real node.
        const hang = hangSeconds === undefined ? undefined : hangClearOfTimeout(hangSeconds, timeoutSeconds);
        const spec: ProbeSpec = {
          handler: handlerOf(kinds, kind, [kindIndex, hang, ok, fail]),
          initialDelaySeconds,
          periodSeconds,
          timeoutSeconds,
          successThreshold: success,
          failureThreshold,
        };
        if (probeGrace !== undefined) spec.terminationGracePeriodSeconds = probeGrace;
        return spec;
      },
    );
}
