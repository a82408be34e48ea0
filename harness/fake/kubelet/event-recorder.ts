import type { CoreV1Event, V1ObjectReference, V1Pod } from '@kubernetes/client-node';
import { tryAccept, type TokenBucket } from '../../observe/event-budget';
import type { KubeletContext } from '../fake-parts';

export type EventType = 'Normal' | 'Warning';

/** Shared by every recorder so event names never collide within a namespace. */
let eventSerial = 0;

/** events_cache.go defaultAggregateMaxEvents: the 10th distinct message of one reason is combined. */
const AGGREGATE_MAX_EVENTS = 10;
/** events_cache.go defaultAggregateIntervalInSeconds: similar events 10 minutes apart start afresh. */
const AGGREGATE_INTERVAL_MS = 600 * 1000;
/** events_cache.go EventAggregatorByReasonMessageFunc. */
const COMBINED_PREFIX = '(combined from similar events): ';

/** What eventLogger keeps per event key: the API object a repeat patches. */
interface LoggedEvent {
  name: string;
  count: number;
  first: Date;
  involvedObject: V1ObjectReference;
}

export interface EventRecorderOptions {
  /**
   * Whether the spam filter applies: the kubelet's recorder (client-go tools/record) has it; the
   * scheduler records through events.k8s.io (client-go tools/events), which has none.
   */
  spamFilter: boolean;
}

/**
 * Records one pod's events the way client-go's EventCorrelator.EventCorrelate (tools/record,
 * events_cache.go) does, in its order: EventAggregate (the 10th distinct message of one type and
 * reason within 10 minutes turns into one combined event), eventObserve (a repeat of the same key
 * keeps the event's name and bumps its count, even when it is then dropped), then the spam filter
 * (one token bucket per pod: the recorder is per pod, as getSpamKey is per involved object).
 */
export class EventRecorder {
  private readonly logged = new Map<string, LoggedEvent>();
  private readonly similar = new Map<string, { messages: Set<string>; last: number }>();
  private bucket: TokenBucket | undefined;

  constructor(
    private readonly context: KubeletContext,
    private readonly pod: V1Pod,
    private readonly component: string,
    private readonly host: string,
    private readonly options: EventRecorderOptions = { spamFilter: true },
  ) {}

  record(type: EventType, reason: string, message: string, fieldPath?: string): void {
    const namespace = this.pod.metadata?.namespace ?? '';
    const podName = this.pod.metadata?.name ?? '';
    const now = this.context.clock.now();
    const { key, text } = this.aggregate(type, reason, message, fieldPath, now);
    const known = this.logged.get(key);
    const entry: LoggedEvent = known
      ? { ...known, count: known.count + 1 }
      : {
          name: `${podName}.${(++eventSerial).toString(16).padStart(16, '0')}`,
          count: 1,
          first: new Date(now),
          involvedObject: {
            apiVersion: 'v1',
            kind: 'Pod',
            namespace,
            name: podName,
            uid: this.pod.metadata?.uid,
            fieldPath,
          },
        };
    this.logged.set(key, entry);
    if (this.options.spamFilter) {
      const filtered = tryAccept(this.bucket, now);
      this.bucket = filtered.bucket;
      if (!filtered.accepted) return;
    }
    const event: CoreV1Event = {
      metadata: { name: entry.name, namespace },
      involvedObject: entry.involvedObject,
      reason,
      message: text,
      type,
      count: entry.count,
      firstTimestamp: entry.first,
      lastTimestamp: new Date(now),
      source: { component: this.component, host: this.host || undefined },
    };
    this.context.emitEvent(namespace, event);
  }

  /** EventAggregate: the event's logger key and message, combined once a reason has too many messages. */
  private aggregate(
    type: EventType,
    reason: string,
    message: string,
    fieldPath: string | undefined,
    now: number,
  ): { key: string; text: string } {
    const group = `${type}|${reason}`;
    const known = this.similar.get(group);
    const record =
      known && now - known.last <= AGGREGATE_INTERVAL_MS ? known : { messages: new Set<string>(), last: now };
    record.messages.add(message);
    record.last = now;
    this.similar.set(group, record);
    if (record.messages.size < AGGREGATE_MAX_EVENTS)
      return { key: `${fieldPath ?? ''}|${group}|${message}`, text: message };
    // Upstream pops an arbitrary message (sets.String.PopAny); the oldest keeps the fake deterministic.
    const oldest = record.messages.values().next().value;
    if (oldest !== undefined) record.messages.delete(oldest);
    return { key: `combined|${group}`, text: `${COMBINED_PREFIX}${message}` };
  }
}
