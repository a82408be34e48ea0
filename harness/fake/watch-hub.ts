import type { WatchEnd, WatchEventType, WatchHandle } from '../cluster-port';
import type { FaultInjector } from './fault-injector';

interface WatchRecord<T> {
  rv: number;
  type: WatchEventType;
  object: T;
}

interface Subscriber<T> {
  onEvent: (type: WatchEventType, object: T) => void;
  onEnd: (end: WatchEnd) => void;
  delivered: number;
  ended: boolean;
}

/**
 * Watch history and live subscribers for one resource kind, per namespace: the part of the API
 * server (and etcd's compaction) that lets a client resume from a resourceVersion, and answers
 * 410 Gone when that version has been compacted away. Deliveries are asynchronous (microtasks), as
 * over a real connection, and in order per watch.
 */
export class WatchHub<T> {
  private readonly history = new Map<string, WatchRecord<T>[]>();
  /** Per namespace: versions at or below this are compacted (a watch from them gets 410). */
  private readonly compactedUpTo = new Map<string, number>();
  private readonly subscribers = new Map<string, Set<Subscriber<T>>>();

  constructor(
    private readonly faults: FaultInjector,
    /** Events kept per namespace before older ones are compacted. */
    private readonly retainedEvents: number,
  ) {}

  publish(namespace: string, type: WatchEventType, object: T, rv: number): void {
    let records = this.history.get(namespace);
    if (!records) {
      records = [];
      this.history.set(namespace, records);
    }
    records.push({ rv, type, object });
    if (records.length > this.retainedEvents) {
      const dropped = records.shift();
      if (dropped) this.compactedUpTo.set(namespace, dropped.rv);
    }
    for (const subscriber of this.subscribers.get(namespace) ?? [])
      this.deliver(namespace, subscriber, type, object);
  }

  /**
   * Starts a watch after resourceVersion fromRv (events with a greater version are replayed first).
   * `latestRv` is the store's current version: resuming from anything older may meet an injected 410.
   */
  watch(
    namespace: string,
    fromRv: number,
    latestRv: number,
    onEvent: (type: WatchEventType, object: T) => void,
    onEnd: (end: WatchEnd) => void,
  ): WatchHandle {
    const subscriber: Subscriber<T> = { onEvent, onEnd, delivered: 0, ended: false };
    const compacted = this.compactedUpTo.get(namespace) ?? 0;
    if (fromRv < compacted || (fromRv < latestRv && this.faults.goneOnResume())) {
      queueMicrotask(() => this.end(namespace, subscriber, { reason: 'gone' }));
      return { stop: () => undefined };
    }
    let set = this.subscribers.get(namespace);
    if (!set) {
      set = new Set();
      this.subscribers.set(namespace, set);
    }
    set.add(subscriber);
    for (const record of this.history.get(namespace) ?? []) {
      if (record.rv > fromRv) this.deliver(namespace, subscriber, record.type, record.object);
    }
    return { stop: () => queueMicrotask(() => this.end(namespace, subscriber, { reason: 'stopped' })) };
  }

  /** Drops a removed namespace's history so memory stays flat over many cases. */
  forget(namespace: string): void {
    this.history.delete(namespace);
    this.compactedUpTo.delete(namespace);
    if ((this.subscribers.get(namespace)?.size ?? 0) === 0) this.subscribers.delete(namespace);
  }

  /** Watches still open (for leak checks). */
  openWatches(): number {
    let open = 0;
    for (const set of this.subscribers.values()) open += set.size;
    return open;
  }

  private deliver(namespace: string, subscriber: Subscriber<T>, type: WatchEventType, object: T): void {
    queueMicrotask(() => {
      if (subscriber.ended) return;
      subscriber.delivered += 1;
      subscriber.onEvent(type, object);
      if (this.faults.dropWatchAfter(subscriber.delivered)) {
        this.end(namespace, subscriber, {
          reason: 'closed',
          error: new Error('watch closed by server (injected)'),
        });
      }
    });
  }

  private end(namespace: string, subscriber: Subscriber<T>, end: WatchEnd): void {
    if (subscriber.ended) return;
    subscriber.ended = true;
    const set = this.subscribers.get(namespace);
    set?.delete(subscriber);
    if (set && set.size === 0 && !this.history.has(namespace)) this.subscribers.delete(namespace);
    subscriber.onEnd(end);
  }
}
