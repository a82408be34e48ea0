import type { CoreV1Event, V1EndpointSlice, V1Pod } from '@kubernetes/client-node';
import type { Trace, TraceEntry } from '../model/trace';
import type { Clock } from './clock';
import type { ClusterPort } from './cluster-port';
import { LogRecorder } from './log-recorder';
import { ChangeNotifier } from './waits';
import { ResumingWatch } from './watch-recorder';

export interface CaseRecorderOptions {
  port: ClusterPort;
  clock: Clock;
  signal: AbortSignal;
  onTrace?: (entry: TraceEntry) => void;
  random?: () => number;
}

/** Distributes the entry type over the union, so `Omit` keeps each kind's own fields. */
type WithoutTime<E> = E extends TraceEntry ? Omit<E, 't'> : never;

/**
 * Everything one case records, in arrival order: watches on pods, events and (with a Service)
 * EndpointSlices of each namespace, and every container's log. It also keeps the latest pod
 * objects so waits can check their conditions whenever the record changes.
 */
export class CaseRecorder {
  readonly trace: Trace = [];
  readonly changes = new ChangeNotifier();
  readonly gaps: string[] = [];
  /** Latest object per namespace/name; deleted pods are removed. */
  private readonly pods = new Map<string, V1Pod>();
  /** Pods the watch saw deleted, namespace/name. */
  private readonly deleted = new Set<string>();
  /** uid/count of recorded events, so a relist adds only what the watch missed. */
  private readonly events = new Set<string>();
  private readonly watches: Pick<ResumingWatch<V1Pod>, 'start' | 'stop'>[] = [];
  private readonly logs: LogRecorder[] = [];

  constructor(private readonly options: CaseRecorderOptions) {}

  /** Appends to the trace (stamped with the clock), passes it on, and wakes waiting conditions. */
  record(entry: WithoutTime<TraceEntry>): void {
    const stamped = { ...entry, t: this.options.clock.now() } as TraceEntry;
    this.trace.push(stamped);
    this.options.onTrace?.(stamped);
    this.changes.notify();
  }

  gap(what: string): void {
    this.gaps.push(what);
    this.record({ kind: 'gap', what });
  }

  pod(namespace: string, name: string): V1Pod | undefined {
    return this.pods.get(`${namespace}/${name}`);
  }

  /** Latest state of every pod of a namespace that has not been deleted. */
  podsIn(namespace: string): V1Pod[] {
    return [...this.pods.values()].filter((p) => p.metadata?.namespace === namespace);
  }

  podDeleted(namespace: string, name: string): boolean {
    return this.deleted.has(`${namespace}/${name}`);
  }

  /** Starts the watches of one namespace from its resourceVersion, before anything is created in it. */
  async watchNamespace(namespace: string, resourceVersion: string, endpointSlices: boolean): Promise<void> {
    const { port, clock, signal, random } = this.options;
    const logs = new LogRecorder({
      port,
      namespace,
      clock,
      signal,
      random,
      onLine: (pod, container, line) =>
        this.record({ kind: 'log', pod, container, runtimeTime: line.runtimeTime, text: line.text }),
      onGap: (what) => this.gap(what),
    });
    this.logs.push(logs);
    const common = { clock, signal, random, onGap: (what: string) => this.gap(what) };
    const pods = new ResumingWatch<V1Pod>({
      ...common,
      what: `pods in ${namespace}`,
      start: (rv, onEvent, onEnd) => port.watchPods(namespace, rv, onEvent, onEnd),
      relist: () => port.listPods(namespace),
      onEvent: (type, pod) => {
        this.record({ kind: 'podWatch', type, object: pod });
        this.notePod(namespace, pod, type === 'DELETED');
        logs.podSeen(pod);
      },
      onRelist: (items) => this.relistPods(namespace, items, logs),
    });
    const events = new ResumingWatch<CoreV1Event>({
      ...common,
      what: `events in ${namespace}`,
      start: (rv, onEvent, onEnd) => port.watchEvents(namespace, rv, onEvent, onEnd),
      relist: () => port.listEvents(namespace),
      onEvent: (_type, event) => this.noteEvent(event),
      onRelist: (items) => {
        // Events only accumulate: recording the ones not seen recovers everything the watch missed.
        for (const event of items) this.noteEvent(event);
        return undefined;
      },
    });
    const started: Pick<ResumingWatch<V1Pod>, 'start' | 'stop'>[] = [pods, events];
    if (endpointSlices) {
      started.push(
        new ResumingWatch<V1EndpointSlice>({
          ...common,
          what: `endpointslices in ${namespace}`,
          start: (rv, onEvent, onEnd) => port.watchEndpointSlices(namespace, rv, onEvent, onEnd),
          onEvent: (type, slice) => this.record({ kind: 'endpointSlice', type, object: slice }),
        }),
      );
    }
    for (const watch of started) {
      this.watches.push(watch);
      await watch.start(resourceVersion);
    }
  }

  /** Stops every watch and log stream; what was recorded stays. */
  async stop(): Promise<void> {
    await Promise.all([...this.watches.map((w) => w.stop()), ...this.logs.map((l) => l.stop())]);
  }

  private notePod(namespace: string, pod: V1Pod, deleted: boolean): void {
    const key = `${namespace}/${pod.metadata?.name ?? ''}`;
    if (deleted) {
      this.pods.delete(key);
      this.deleted.add(key);
    } else {
      this.pods.set(key, pod);
    }
  }

  private noteEvent(event: CoreV1Event): void {
    const key = `${event.metadata?.uid ?? event.metadata?.name}/${event.count ?? 1}`;
    if (this.events.has(key)) return;
    this.events.add(key);
    this.record({ kind: 'event', event });
  }

  /**
   * After 410 Gone: each pod that changed is recorded as a snapshot (its intermediate states are
   * lost, hence a gap); a pod missing from the list was deleted unseen.
   */
  private relistPods(namespace: string, items: V1Pod[], logs: LogRecorder): string | undefined {
    const changes: string[] = [];
    const listed = new Set<string>();
    for (const pod of items) {
      const name = pod.metadata?.name ?? '';
      listed.add(name);
      const known = this.pods.get(`${namespace}/${name}`);
      if (known?.metadata?.resourceVersion === pod.metadata?.resourceVersion) continue;
      changes.push(`${name} changed`);
      this.record({ kind: 'podSnapshot', object: pod });
      this.notePod(namespace, pod, false);
      logs.podSeen(pod);
    }
    for (const key of [...this.pods.keys()]) {
      const [ns, name] = key.split('/');
      if (ns !== namespace || listed.has(name)) continue;
      changes.push(`${name} deleted`);
      this.notePod(namespace, this.pods.get(key) as V1Pod, true);
    }
    return changes.length > 0
      ? `states between resourceVersions were missed (${changes.join(', ')})`
      : undefined;
  }
}
