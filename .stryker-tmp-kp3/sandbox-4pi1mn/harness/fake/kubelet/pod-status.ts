// @ts-nocheck
import type {
  V1ContainerState,
  V1ContainerStateTerminated,
  V1ContainerStatus,
  V1PodCondition,
  V1PodStatus,
} from '@kubernetes/client-node';
import type { ContainerState, TerminatedState } from './container-state';

/** API timestamps have one-second resolution. */
export function apiTime(ms: number): Date {
  return new Date(Math.floor(ms / 1000) * 1000);
}

function terminatedStatus(terminated: TerminatedState): V1ContainerStateTerminated {
  return {
    exitCode: terminated.exitCode,
    reason: terminated.reason,
    message: terminated.message,
    startedAt: terminated.startedAt === undefined ? undefined : apiTime(terminated.startedAt),
    finishedAt: terminated.finishedAt === undefined ? undefined : apiTime(terminated.finishedAt),
    containerID: terminated.containerID,
  };
}

export interface StatusView {
  /** Report Running before postStart has returned (a seeded defect). */
  runningBeforePostStart: boolean;
  /** Whether the container counts as ready now (probe results, defects applied). */
  ready(container: ContainerState): boolean;
}

/** The container status the kubelet reports (pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses). */
export function containerStatus(container: ContainerState, view: StatusView): V1ContainerStatus {
  let state: V1ContainerState;
  const current = container.state;
  if (current.kind === 'running') {
    // The kubelet's startContainer returns only after postStart, so the status shows no running
    // container until then (kuberuntime_container.go startContainer).
    state =
      container.postStartDone || view.runningBeforePostStart
        ? { running: { startedAt: apiTime(current.startedAt) } }
        : { waiting: { reason: 'ContainerCreating' } };
  } else if (current.kind === 'waiting') {
    state = { waiting: { reason: current.reason, message: current.message } };
  } else {
    state = { terminated: terminatedStatus(current.terminated) };
  }
  const status: V1ContainerStatus = {
    name: container.name,
    image: container.spec.image ?? '',
    imageID: container.everStarted ? 'sha256:kubeprop-fake' : '',
    containerID: container.containerID,
    ready: view.ready(container),
    restartCount: container.restartCount,
    state,
    lastState: container.lastTerminated ? { terminated: terminatedStatus(container.lastTerminated) } : {},
  };
  if (container.role !== 'init') {
    status.started = state.running !== undefined && container.startupPassed;
  }
  return status;
}

export type PodPhase = 'Pending' | 'Running' | 'Succeeded' | 'Failed';

/**
 * Pod phase from container states (pkg/kubelet/kubelet_pods.go getPhase): pending while initialising
 * or while an app container has never run; terminal only when every app container stopped and
 * the restart policy will not restart them.
 */
export function podPhase(
  appContainers: ContainerState[],
  initialized: boolean,
  initFailedForGood: boolean,
  restartPolicy: string,
): PodPhase {
  if (initFailedForGood) return 'Failed';
  if (!initialized) return 'Pending';
  let waiting = 0;
  let running = 0;
  let stopped = 0;
  let succeeded = 0;
  for (const container of appContainers) {
    const state = container.state;
    if (state.kind === 'running') running++;
    else if (state.kind === 'terminated') {
      stopped++;
      if (state.terminated.exitCode === 0) succeeded++;
    } else if (container.lastTerminated) stopped++;
    else waiting++;
  }
  if (waiting > 0) return 'Pending';
  if (running > 0) return 'Running';
  if (stopped > 0) {
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

/** Remembers when each condition last changed, as the status manager does for lastTransitionTime. */
export class ConditionClock {
  private readonly last = new Map<string, { status: string; at: Date }>();

  stamp(condition: V1PodCondition, now: number): V1PodCondition {
    const previous = this.last.get(condition.type);
    const at = previous && previous.status === condition.status ? previous.at : apiTime(now);
    this.last.set(condition.type, { status: condition.status, at });
    return { ...condition, lastTransitionTime: at };
  }
}

export interface PodStatusInput {
  now: number;
  phase: PodPhase;
  initContainers: ContainerState[];
  appContainers: ContainerState[];
  initialized: boolean;
  view: StatusView;
  conditions: ConditionClock;
  hostIP: string;
  podIP: string;
  startTime: number;
  qosClass: string;
  reason?: string;
  message?: string;
}

function names(containers: ContainerState[]): string {
  return `[${containers.map((c) => c.name).join(' ')}]`;
}

/** The whole pod status (pkg/kubelet/kubelet_pods.go generateAPIPodStatus; status/generate.go conditions). */
export function buildPodStatus(input: PodStatusInput): V1PodStatus {
  const { now, phase, view } = input;
  const incomplete = input.initContainers.filter(
    (c) => !(c.role === 'init' ? c.completed : c.state.kind === 'running' && c.startupPassed),
  );
  const unready = input.appContainers.filter((c) => !view.ready(c));
  const terminalReason =
    phase === 'Failed' ? 'PodFailed' : phase === 'Succeeded' ? 'PodCompleted' : undefined;
  const readiness: Omit<V1PodCondition, 'type'> = terminalReason
    ? { status: 'False', reason: terminalReason }
    : unready.length === 0
      ? { status: 'True' }
      : {
          status: 'False',
          reason: 'ContainersNotReady',
          message: `containers with unready status: ${names(unready)}`,
        };
  const initialized: Omit<V1PodCondition, 'type'> =
    input.initialized || incomplete.length === 0
      ? { status: 'True' }
      : {
          status: 'False',
          reason: 'ContainersNotInitialized',
          message: `containers with incomplete status: ${names(incomplete)}`,
        };
  const conditions = [
    { type: 'Initialized', ...initialized },
    { type: 'Ready', ...readiness },
    { type: 'ContainersReady', ...readiness },
    { type: 'PodScheduled', status: 'True' },
  ].map((condition) => input.conditions.stamp(condition, now));
  const status: V1PodStatus = {
    phase,
    conditions,
    hostIP: input.hostIP,
    podIP: input.podIP,
    podIPs: [{ ip: input.podIP }],
    startTime: apiTime(input.startTime),
    qosClass: input.qosClass,
    containerStatuses: input.appContainers.map((c) => containerStatus(c, view)),
  };
  if (input.initContainers.length > 0) {
    status.initContainerStatuses = input.initContainers.map((c) => containerStatus(c, view));
  }
  if (input.reason) status.reason = input.reason;
  if (input.message) status.message = input.message;
  return status;
}
