import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import type { PodRef, WaitCondition } from './plan';
import type { Condition, ConditionState } from './waits';

/** Where pod conditions read the latest state: the case's watch record. */
export interface PodStateSource {
  pod(namespace: string, name: string): V1Pod | undefined;
  podDeleted(namespace: string, name: string): boolean;
}

type PodWaitCondition = Exclude<
  WaitCondition,
  { kind: 'quotaInitialised' | 'quotaSettled' | 'quotaHardSynced' | 'objectListed' | 'crdEstablished' }
>;

function statuses(pod: V1Pod): V1ContainerStatus[] {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
}

function conditionStatus(pod: V1Pod, type: string): string | undefined {
  return pod.status?.conditions?.find((c) => c.type === type)?.status;
}

function isTerminal(pod: V1Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

function isUnschedulable(pod: V1Pod): boolean {
  return (
    pod.status?.conditions?.some((c) => c.type === 'PodScheduled' && c.reason === 'Unschedulable') ?? false
  );
}

function containerState(status: V1ContainerStatus): string {
  const state = status.state;
  if (state?.running) return 'running';
  if (state?.terminated) return `terminated(${state.terminated.reason ?? ''} ${state.terminated.exitCode})`;
  if (state?.waiting) return `waiting(${state.waiting.reason ?? ''})`;
  return 'unknown';
}

/** A one-line summary of a pod for timeout messages: phase, conditions, containers, deletion. */
export function describePod(pod: V1Pod | undefined, deleted = false): string {
  if (deleted) return 'pod deleted';
  if (!pod) return 'pod not seen yet';
  const conditions = (pod.status?.conditions ?? []).map(
    (c) => `${c.type}=${c.status}${c.reason ? `(${c.reason})` : ''}`,
  );
  const containers = statuses(pod).map((s) => `${s.name} ${containerState(s)} restarts=${s.restartCount}`);
  const deletion = pod.metadata?.deletionTimestamp
    ? `; deleting (grace ${pod.metadata.deletionGracePeriodSeconds ?? '?'} s)`
    : '';
  return `phase ${pod.status?.phase ?? '?'}; ${conditions.join(' ') || 'no conditions'}; ${containers.join(', ') || 'no container statuses'}${deletion}`;
}

function hasStarted(pod: V1Pod): boolean {
  return statuses(pod).some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated);
}

function everyContainerStarted(pod: V1Pod): boolean {
  const containers = pod.status?.containerStatuses ?? [];
  return (
    containers.length > 0 &&
    containers.every((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated)
  );
}

/**
 * The kubelet is done with a deleted pod: its final delete set grace 0 with nothing left running, or
 * every container has terminated. A user's delete with grace 0 also records 0 while the kubelet is
 * still stopping the containers (recording delete-grace-zero), so grace 0 alone does not say stopped.
 */
function hasStopped(pod: V1Pod): boolean {
  const deleting = pod.metadata?.deletionTimestamp !== undefined;
  const all = statuses(pod);
  const running = all.some((s) => s.state?.running !== undefined);
  if (deleting && pod.metadata?.deletionGracePeriodSeconds === 0 && !running) return true;
  return (
    (deleting || isTerminal(pod)) && all.length > 0 && all.every((s) => s.state?.terminated !== undefined)
  );
}

function holds(condition: PodWaitCondition, pod: V1Pod): boolean {
  switch (condition.kind) {
    case 'podRunning':
      // Phase alone can say Running while a container still waits for its postStart hook.
      return (pod.status?.phase === 'Running' && everyContainerStarted(pod)) || isTerminal(pod);
    case 'podStarted':
      return hasStarted(pod) || isTerminal(pod) || isUnschedulable(pod);
    case 'podReady':
      return conditionStatus(pod, 'Ready') === 'True';
    case 'podScheduleDecided':
      return conditionStatus(pod, 'PodScheduled') === 'True' || isUnschedulable(pod) || !!pod.spec?.nodeName;
    case 'podStopped':
      return hasStopped(pod);
    case 'podGone':
      return false;
    case 'podsRunning':
      return pod.status?.phase === 'Running' && !!pod.status.podIP;
  }
}

/** Whether a pod that is gone satisfies the condition (stopped and gone: yes; running: no). */
function holdsWhenGone(condition: PodWaitCondition): boolean {
  return condition.kind === 'podStopped' || condition.kind === 'podGone';
}

const NAMES: Record<PodWaitCondition['kind'], string> = {
  podRunning: 'Running',
  podStarted: 'started',
  podReady: 'Ready',
  podScheduleDecided: 'scheduled or unschedulable',
  podStopped: 'stopped',
  podGone: 'gone',
  podsRunning: 'Running with an IP',
};

/** A wait condition on pods, decided from the watch record; `namespace` is the case's default. */
export function podCondition(
  condition: PodWaitCondition,
  source: PodStateSource,
  namespace: string,
): Condition {
  const targets: PodRef[] = condition.kind === 'podsRunning' ? condition.targets : [condition.target];
  const resolve = (ref: PodRef): { ns: string; name: string } => ({
    ns: ref.namespace ?? namespace,
    name: ref.pod,
  });
  const label = targets.map((t) => `${resolve(t).ns}/${t.pod}`).join(', ');
  return {
    name: `pod ${label} ${NAMES[condition.kind]}`,
    check: (): ConditionState => {
      const waiting: string[] = [];
      for (const target of targets) {
        const { ns, name } = resolve(target);
        const deleted = source.podDeleted(ns, name);
        const pod = source.pod(ns, name);
        const done = deleted ? holdsWhenGone(condition) : pod !== undefined && holds(condition, pod);
        if (!done) waiting.push(`${ns}/${name}: ${describePod(pod, deleted)}`);
      }
      return { done: waiting.length === 0, lastSeen: waiting.join(' | ') || 'all done' };
    },
  };
}
