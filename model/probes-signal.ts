import { atLeast, type ServerVersion } from './capabilities';
import type { ContainerBehaviour, ProbeKind, ProbeSpec, ServerProgram } from './scenario';
import { serverProbeOutlook } from './server-program';

/** A half-open span of container time [from, to) in seconds; `to` may be Infinity. */
export interface SuccessSpan {
  from: number;
  to: number;
}

/** When the behaviour's signal for a probe kind is on, counted from the container's start. */
function signalSpans(kind: ProbeKind, behaviour: ContainerBehaviour): SuccessSpan[] {
  switch (kind) {
    case 'readiness':
      if (behaviour.readyAfterSeconds === undefined) return [];
      return [{ from: behaviour.readyAfterSeconds, to: behaviour.unreadyAfterSeconds ?? Infinity }];
    case 'liveness':
      return [{ from: 0, to: behaviour.unhealthyAfterSeconds ?? Infinity }];
    case 'startup':
      return [{ from: behaviour.startupAfterSeconds ?? 0, to: Infinity }];
  }
}

function complement(spans: SuccessSpan[]): SuccessSpan[] {
  const result: SuccessSpan[] = [];
  let at = 0;
  for (const span of spans) {
    if (span.from > at) result.push({ from: at, to: span.from });
    at = Math.max(at, span.to);
  }
  if (at < Infinity) result.push({ from: at, to: Infinity });
  return result;
}

/** HTTP probes succeed for 200 <= status < 400 (pkg/probe/http/http.go DoHTTPProbe). */
export function httpStatusSucceeds(status: number): boolean {
  return status >= 200 && status < 400;
}

/**
 * Whether the kubelet cuts an exec probe's command at timeoutSeconds and counts it as a failure: from 1.20
 * (pkg/features/kube_features.go ExecProbeTimeout GA 1.20, default on; pkg/probe/exec/exec.go Probe). Before,
 * the command ran to its end and its exit status counted.
 */
export function execTimeoutEnforced(version: ServerVersion): boolean {
  return atLeast(version, 20);
}

/** Whether an exec probe's command outlasts timeoutSeconds and is cut (a failure) on this release. */
export function execTimesOut(probe: ProbeSpec, execTimeouts: boolean): boolean {
  return (
    execTimeouts &&
    probe.handler.kind === 'exec' &&
    probe.handler.hangSeconds !== undefined &&
    probe.handler.hangSeconds >= probe.timeoutSeconds
  );
}

/**
 * Seconds one probe attempt takes before its result is known: an exec command's hang (cut at timeoutSeconds
 * where timeouts are enforced), a gRPC dial's whole timeoutSeconds (pkg/probe/grpc/grpc.go Probe dials with
 * WithBlock: nothing serves the port, so it retries until the deadline), nothing for HTTP and TCP here.
 */
export function attemptSeconds(probe: ProbeSpec, execTimeouts: boolean): number {
  const handler = probe.handler;
  if (handler.kind === 'grpc') return probe.timeoutSeconds;
  if (handler.kind !== 'exec' || handler.hangSeconds === undefined) return 0;
  return execTimeouts ? Math.min(handler.hangSeconds, probe.timeoutSeconds) : handler.hangSeconds;
}

/**
 * When a probe succeeds, from the signal and the handler: exec succeeds while the signal file exists unless
 * it is cut at timeoutSeconds (execTimesOut); httpGet maps the signal to okStatus/failStatus; tcpSocket
 * succeeds while the listener exists; gRPC never succeeds here because nothing in the container serves gRPC
 * health (pkg/probe/grpc/grpc.go needs SERVING); an httpGet on the container's server program succeeds as that
 * program answers (model/server-program.ts), never when the container runs none.
 */
export function probeSuccessSpans(
  kind: ProbeKind,
  probe: ProbeSpec,
  behaviour: ContainerBehaviour,
  execTimeouts: boolean,
  server?: ServerProgram,
): SuccessSpan[] {
  const handler = probe.handler;
  const signal = signalSpans(kind, behaviour);
  switch (handler.kind) {
    case 'exec':
      return execTimesOut(probe, execTimeouts) ? [] : signal;
    case 'tcpSocket':
      return signal;
    case 'grpc':
      // agnhost grpc-health-checking answers SERVING until --delay-unhealthy-sec (grpc-health-checking.go Check).
      return server?.kind === 'grpcHealth' && server.port === handler.port
        ? [{ from: 0, to: server.unhealthyAfterSeconds ?? Infinity }]
        : [];
    case 'serverHttpGet':
      return server ? serverProbeOutlook(server, handler.path).spans : [];
    case 'httpGet': {
      const onOk = httpStatusSucceeds(handler.okStatus);
      const offOk = httpStatusSucceeds(handler.failStatus);
      if (onOk && offOk) return [{ from: 0, to: Infinity }];
      if (onOk) return signal;
      if (offOk) return complement(signal);
      return [];
    }
  }
}

/** A probe's result span of container time: first instant it may flip and last. */
export interface FlipWindow {
  earliest: number;
  latest: number;
}

/**
 * When a probe's result flips once its input changes at `from` (pkg/kubelet/prober/worker.go doProbe):
 * nothing is probed before initialDelaySeconds or before `notBefore` (startup gating); probes run every
 * periodSeconds at a phase unknown to the model, so the first differing probe lands within one period, and
 * `threshold` consecutive results are needed. Each attempt takes `attempt` seconds (attemptSeconds): its
 * result is that late, and as worker.run waits for doProbe before taking the next tick (time.Ticker drops
 * the ticks it missed), attempts start max(periodSeconds, attempt) apart.
 */
export function flipWindow(
  from: number,
  probe: ProbeSpec,
  threshold: number,
  notBefore: FlipWindow,
  attempt: number,
): FlipWindow {
  const start = (gate: number): number => Math.max(from, probe.initialDelaySeconds, gate);
  return {
    earliest: start(notBefore.earliest) + (threshold - 1) * probe.periodSeconds,
    latest: start(notBefore.latest) + threshold * Math.max(probe.periodSeconds, attempt) + attempt,
  };
}
