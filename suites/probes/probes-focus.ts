import { declaredPorts, plannedPort } from '../../generators/port-plan';
import { DECISION_MARGIN_SECONDS } from '../../model/timing';
import type {
  ContainerScenario,
  PodScenario,
  ProbeHandler,
  ProbeKind,
  ProbeSpec,
} from '../../model/scenario';

/** The container without a readiness probe (ready once running): it never holds ContainersReady back. */
export function withoutReadiness(container: ContainerScenario): ContainerScenario {
  const probes = { ...container.probes };
  delete probes.readiness;
  return { ...container, probes };
}

/**
 * The pod with `probed` as its first app container, declaring the ports of its port `block` (the
 * generator's, counted before steadying dropped any init container), and no readiness
 * probe on any other container, so ContainersReady follows the probed one and dates its flips. A
 * liveness probe kill restarts the container only under restartPolicy Always (OnFailure restarts
 * non-zero exits only: kuberuntime_manager.go computePodActions).
 */
export function probingFirstContainer(
  pod: PodScenario,
  probed: ContainerScenario,
  kind: ProbeKind,
  block: number,
): PodScenario {
  return {
    ...pod,
    restartPolicy: kind === 'liveness' ? 'Always' : pod.restartPolicy,
    initContainers: pod.initContainers.map(withoutReadiness),
    containers: pod.containers.map((c, i) =>
      i === 0 ? { ...probed, ports: declaredPorts(probed, block) } : withoutReadiness(c),
    ),
  };
}

/**
 * The period of every probe whose failures or periods a property counts: one period must be longer than
 * the node's jitter plus the slack of the field judged (model/timing.ts), so that a kubelet one period or
 * one failure off is outside the window, and failing probes spend the pod's event budget (25, then one per
 * 5 min: harness/observe/event-budget.ts) half as fast as at one a second.
 */
export const FOCUSED_PROBE_PERIOD_SECONDS = 2;

/** A probe from the container's start, one attempt every FOCUSED_PROBE_PERIOD_SECONDS, deciding on one result. */
export function focusedProbe(handler: ProbeHandler, overrides: Partial<ProbeSpec> = {}): ProbeSpec {
  return {
    handler,
    initialDelaySeconds: 0,
    periodSeconds: FOCUSED_PROBE_PERIOD_SECONDS,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold: 1,
    ...overrides,
  };
}

/**
 * An exec probe's hang and the timeout it is judged against, at least DECISION_MARGIN_SECONDS apart: a
 * hang equal to the timeout passes or times out by the node's jitter (`probes-exec-timeout-*` on a real
 * v1.26.1 node). Outlasting: timeout + margin + extra. Answering in time: a timeout of at least 2 s and a
 * hang from 0.5 s up to timeout − margin.
 */
export function execHangAndTimeout(
  outlasts: boolean,
  timeoutSeconds: number,
  extra: number,
): { hangSeconds: number; timeoutSeconds: number } {
  if (outlasts) return { hangSeconds: timeoutSeconds + DECISION_MARGIN_SECONDS + extra, timeoutSeconds };
  const timeout = Math.max(timeoutSeconds, 2);
  return { hangSeconds: Math.min(0.5 + extra, timeout - DECISION_MARGIN_SECONDS), timeoutSeconds: timeout };
}

/** Handler kinds a never-passing probe is drawn from. */
export const NEVER_PASSING_HANDLERS = ['exec', 'httpGet', 'tcpSocket'] as const;

/**
 * A probe handler of `kind` on the container's port block whose signal never turns on: exec tests a
 * file that never appears, httpGet answers `failStatus` (okStatus is never served), tcpSocket dials
 * the probe's own port, where nothing listens until the signal.
 */
export function neverPassingHandler(
  kind: (typeof NEVER_PASSING_HANDLERS)[number],
  block: number,
  failStatus: number,
  probe: 'readiness' | 'startup',
): ProbeHandler {
  switch (kind) {
    case 'exec':
      return { kind: 'exec' };
    case 'httpGet':
      return { kind: 'httpGet', port: plannedPort(block, 'http'), okStatus: 200, failStatus };
    case 'tcpSocket':
      return { kind: 'tcpSocket', port: plannedPort(block, probe) };
  }
}
