// @ts-nocheck
import type {
  CoreV1Event,
  V1Namespace,
  V1NetworkPolicy,
  V1Node,
  V1Pod,
  V1PodStatus,
} from '@kubernetes/client-node';
import type { KubeletContext, VirtualClock } from '../../../harness/fake/fake-parts';

/** A manual virtual clock: time moves only through runFor(). */
export class ManualClock implements VirtualClock {
  private current = Date.UTC(2025, 0, 1);
  private seq = 0;
  private timers: { at: number; seq: number; fn: () => void; cancelled: boolean }[] = [];

  now(): number {
    return this.current;
  }

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => this.schedule(ms, resolve));
  }

  schedule(ms: number, fn: () => void): () => void {
    const timer = { at: this.current + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.timers.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  /** Fires every timer due within the next ms, in time order. */
  runFor(ms: number): void {
    const end = this.current + ms;
    for (;;) {
      const live = this.timers.filter((t) => !t.cancelled && t.at <= end);
      if (live.length === 0) break;
      live.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = live[0];
      this.timers = this.timers.filter((t) => t !== next);
      this.current = Math.max(this.current, next.at);
      next.fn();
    }
    this.current = end;
  }
}

export type Recorded =
  | { kind: 'status'; at: number; pod: string; status: V1PodStatus }
  | { kind: 'event'; at: number; event: CoreV1Event }
  | { kind: 'log'; at: number; pod: string; container: string; text: string }
  | { kind: 'bind'; at: number; pod: string; node: string }
  | { kind: 'terminated'; at: number; pod: string };

/**
 * A minimal API server for the kubelet's tests: stores pods, records everything the kubelet
 * does in order, and removes a pod when the kubelet reports it stopped.
 */
export class TestKubeletContext implements KubeletContext {
  readonly clock = new ManualClock();
  readonly record: Recorded[] = [];
  readonly pods = new Map<string, V1Pod>();
  readonly policies: V1NetworkPolicy[] = [];
  readonly namespaces = new Map<string, V1Namespace>();

  constructor(
    private readonly nodeList: V1Node[] = [
      testNode('node-1', { cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '20Gi' }),
    ],
  ) {}

  nodes(): V1Node[] {
    return this.nodeList;
  }

  addPod(pod: V1Pod): V1Pod {
    const stored: V1Pod = {
      ...pod,
      metadata: { namespace: 'ns', uid: `uid-${pod.metadata?.name}`, ...pod.metadata },
      status: { phase: 'Pending' },
    };
    this.pods.set(`${stored.metadata?.namespace}/${stored.metadata?.name}`, stored);
    return structuredClone(stored);
  }

  setPodStatus(namespace: string, name: string, status: V1PodStatus): void {
    const pod = this.pods.get(`${namespace}/${name}`);
    if (!pod) return;
    pod.status = structuredClone(status);
    this.record.push({ kind: 'status', at: this.clock.now(), pod: name, status: structuredClone(status) });
  }

  bindPod(namespace: string, name: string, node: string): void {
    const pod = this.pods.get(`${namespace}/${name}`);
    if (pod?.spec) pod.spec.nodeName = node;
    this.record.push({ kind: 'bind', at: this.clock.now(), pod: name, node });
  }

  emitEvent(_namespace: string, event: CoreV1Event): void {
    this.record.push({ kind: 'event', at: this.clock.now(), event: structuredClone(event) });
  }

  appendLog(_namespace: string, pod: string, container: string, runtimeTime: number, text: string): void {
    this.record.push({ kind: 'log', at: runtimeTime, pod, container, text });
  }

  podTerminated(namespace: string, name: string): void {
    this.pods.delete(`${namespace}/${name}`);
    this.record.push({ kind: 'terminated', at: this.clock.now(), pod: name });
  }

  readPod(namespace: string, name: string): V1Pod | undefined {
    const pod = this.pods.get(`${namespace}/${name}`);
    return pod ? structuredClone(pod) : undefined;
  }

  networkPolicies(): V1NetworkPolicy[] {
    return this.policies;
  }

  namespace(name: string): V1Namespace | undefined {
    return this.namespaces.get(name);
  }

  // ---- views for assertions ----

  events(reason?: string): CoreV1Event[] {
    return this.record
      .filter((r): r is Extract<Recorded, { kind: 'event' }> => r.kind === 'event')
      .map((r) => r.event)
      .filter((e) => reason === undefined || e.reason === reason);
  }

  /** Marker lines (ticks left out unless asked), in runtime-timestamp order. */
  logs(container?: string, withTicks = false): { at: number; text: string }[] {
    return this.record
      .filter((r): r is Extract<Recorded, { kind: 'log' }> => r.kind === 'log')
      .filter(
        (r) => (container === undefined || r.container === container) && (withTicks || r.text !== 'kp tick'),
      )
      .sort((a, b) => a.at - b.at)
      .map((r) => ({ at: r.at, text: r.text }));
  }

  logAt(text: string): number | undefined {
    return this.logs(undefined, true).find((l) => l.text === text)?.at;
  }

  statuses(pod = 'p'): V1PodStatus[] {
    return this.record
      .filter((r): r is Extract<Recorded, { kind: 'status' }> => r.kind === 'status' && r.pod === pod)
      .map((r) => r.status);
  }

  lastStatus(pod = 'p'): V1PodStatus | undefined {
    return this.pods.get(`ns/${pod}`)?.status ?? this.statuses(pod).at(-1);
  }

  eventAt(reason: string): number | undefined {
    return this.record.find((r) => r.kind === 'event' && r.event.reason === reason)?.at;
  }

  terminatedAt(pod = 'p'): number | undefined {
    return this.record.find((r) => r.kind === 'terminated' && r.pod === pod)?.at;
  }
}

export function testNode(name: string, allocatable: Record<string, string>): V1Node {
  return { metadata: { name }, status: { capacity: { ...allocatable }, allocatable: { ...allocatable } } };
}
