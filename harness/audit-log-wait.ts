import type { AuditEvent } from '../model/trace';
import { AUDIT_LOG_UNREADABLE, podCreateEvent } from './audit-log';
import type { Clock } from './clock';
import type { ClusterPort } from './cluster-port';

/**
 * The log backend writes an event when the request completes (--audit-log-mode blocking, the default),
 * but a read races the write and the file's flush: a few seconds cover it.
 */
export const AUDIT_EVENT_WAIT_MS = 10_000;
const POLL_MS = 500;
/** Client and node clocks may differ a little: events are read from a bit before the create. */
const CLOCK_SKEW_MS = 30_000;

export interface AuditEventsRecord {
  events: AuditEvent[];
  /** Why the log could not be read (events is then empty). */
  unavailable?: string;
}

/**
 * Reads the audit log until the create of `pod` appears in it (bounded by `deadlineMs`), returning
 * every event of the namespace read last. A port without auditEvents answers at once as unreadable.
 */
export async function awaitPodCreateAudit(
  port: Pick<ClusterPort, 'auditEvents'>,
  options: {
    namespace: string;
    pod: string;
    createdAt: number;
    clock: Clock;
    signal: AbortSignal;
    deadlineMs?: number;
  },
): Promise<AuditEventsRecord> {
  if (!port.auditEvents) return { events: [], unavailable: AUDIT_LOG_UNREADABLE };
  const until = options.clock.now() + (options.deadlineMs ?? AUDIT_EVENT_WAIT_MS);
  const since = options.createdAt - CLOCK_SKEW_MS;
  for (;;) {
    const read = await port.auditEvents(options.namespace, since);
    if (!read.ok) return { events: [], unavailable: read.reason };
    if (podCreateEvent(read.events, options.pod) || options.clock.now() >= until) {
      return { events: read.events };
    }
    await options.clock.sleep(POLL_MS, options.signal);
  }
}
