// @ts-nocheck
import type { CoreV1Event, V1Pod } from '@kubernetes/client-node';
import type { KubeletContext } from '../fake-parts';

export type EventType = 'Normal' | 'Warning';

/** Shared by every recorder so event names never collide within a namespace. */
let eventSerial = 0;

/**
 * Records pod events the way client-go's event correlator does: a repeat of the same reason,
 * message and object keeps the event's name and bumps its count.
 */
export class EventRecorder {
  private readonly counts = new Map<string, { name: string; count: number; first: Date }>();

  constructor(
    private readonly context: KubeletContext,
    private readonly pod: V1Pod,
    private readonly component: string,
    private readonly host: string,
  ) {}

  record(type: EventType, reason: string, message: string, fieldPath?: string): void {
    const namespace = this.pod.metadata?.namespace ?? '';
    const podName = this.pod.metadata?.name ?? '';
    const key = `${fieldPath ?? ''}|${reason}|${message}`;
    const now = new Date(this.context.clock.now());
    const known = this.counts.get(key);
    const entry = known ?? {
      name: `${podName}.${(++eventSerial).toString(16).padStart(16, '0')}`,
      count: 0,
      first: now,
    };
    entry.count += 1;
    this.counts.set(key, entry);
    const event: CoreV1Event = {
      metadata: { name: entry.name, namespace },
      involvedObject: {
        apiVersion: 'v1',
        kind: 'Pod',
        namespace,
        name: podName,
        uid: this.pod.metadata?.uid,
        fieldPath,
      },
      reason,
      message,
      type,
      count: entry.count,
      firstTimestamp: entry.first,
      lastTimestamp: now,
      source: { component: this.component, host: this.host || undefined },
    };
    this.context.emitEvent(namespace, event);
  }
}
