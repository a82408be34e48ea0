import type { AuditEvent } from '../../model/trace';
import type { AuditLogRead } from '../cluster-port';
import { auditEventTime } from '../audit-log';

/** How long after a request the fake's audit event becomes readable: a real read races the log write. */
export const FAKE_AUDIT_DELAY_MS = 700;

interface Stored {
  event: AuditEvent;
  namespace: string;
  readableAt: number;
}

/**
 * The fake API server's audit log backend: one audit.k8s.io/v1 event per pod create, at stage
 * ResponseComplete, with the admission plugins' audit annotations (level Metadata, as
 * deploy/audit-policy.yaml logs pod creates).
 */
export class FakeAuditLog {
  private readonly stored: Stored[] = [];
  private seq = 0;

  recordPodCreate(
    namespace: string,
    name: string,
    code: number,
    annotations: Record<string, string>,
    now: number,
  ): void {
    this.seq += 1;
    const stamp = new Date(now).toISOString();
    const event: AuditEvent & { kind: 'Event'; apiVersion: string; level: string } = {
      kind: 'Event',
      apiVersion: 'audit.k8s.io/v1',
      level: 'Metadata',
      auditID: `fake-audit-${this.seq}`,
      stage: 'ResponseComplete',
      verb: 'create',
      objectRef: { resource: 'pods', namespace, name },
      responseStatus: { code },
      requestReceivedTimestamp: stamp,
      stageTimestamp: stamp,
      ...(Object.keys(annotations).length > 0 ? { annotations: { ...annotations } } : {}),
    };
    this.stored.push({ event, namespace, readableAt: now + FAKE_AUDIT_DELAY_MS });
  }

  /**
   * Drops a deleted namespace's events. A real log keeps them, but every case uses a namespace of its
   * own and reads its events before cleanup, so the fake keeps no more than the live cases need.
   */
  forget(namespace: string): void {
    for (let i = this.stored.length - 1; i >= 0; i -= 1) {
      if (this.stored[i].namespace === namespace) this.stored.splice(i, 1);
    }
  }

  read(namespace: string, sinceMs: number, now: number): AuditLogRead {
    const events = this.stored
      .filter((s) => s.namespace === namespace && s.readableAt <= now)
      .map((s) => s.event)
      .filter((e) => (auditEventTime(e) ?? sinceMs) >= sinceMs)
      .map((e) => structuredClone(e));
    return { ok: true, events };
  }
}
