// @ts-nocheck
import type { ContainerBehaviour, ProbeKind, ProbeSpec } from './scenario';

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
 * When a probe succeeds, from the signal and the handler: exec succeeds while the signal file exists unless
 * it hangs past timeoutSeconds (pkg/probe/exec/exec.go, timeouts enforced since 1.20); httpGet maps the
 * signal to okStatus/failStatus; tcpSocket succeeds while the listener exists; gRPC never succeeds here
 * because nothing in the container serves gRPC health (pkg/probe/grpc/grpc.go needs SERVING).
 */
export function probeSuccessSpans(
  kind: ProbeKind,
  probe: ProbeSpec,
  behaviour: ContainerBehaviour,
): SuccessSpan[] {
  const handler = probe.handler;
  const signal = signalSpans(kind, behaviour);
  switch (handler.kind) {
    case 'exec':
      return handler.hangSeconds !== undefined && handler.hangSeconds >= probe.timeoutSeconds ? [] : signal;
    case 'tcpSocket':
      return signal;
    case 'grpc':
      return [];
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
 * `threshold` consecutive results are needed. A probe that fails by timing out reports timeoutSeconds late.
 */
export function flipWindow(
  from: number,
  probe: ProbeSpec,
  threshold: number,
  notBefore: FlipWindow,
  failingByTimeout: boolean,
): FlipWindow {
  const start = (gate: number): number => Math.max(from, probe.initialDelaySeconds, gate);
  const extra = failingByTimeout ? probe.timeoutSeconds : 0;
  return {
    earliest: start(notBefore.earliest) + (threshold - 1) * probe.periodSeconds,
    latest: start(notBefore.latest) + threshold * probe.periodSeconds + extra,
  };
}
