import { readFile } from 'node:fs/promises';
import type { AuditEvent } from '../model/trace';
import type { AuditLogRead } from './cluster-port';
import { parseRfc3339Nano } from './observe/time';
import { CommandNotFound, systemCommandRunner, type CommandRunner } from './targets/command-runner';

/**
 * Where kind-config.yaml makes the API server write its audit log (--audit-log-path), inside the
 * control-plane node container. test/harness/targets/kind-config-render.test.ts checks they agree.
 */
export const AUDIT_LOG_PATH = '/var/log/kubernetes/kube-apiserver-audit.log';

/**
 * Audit annotation keys Pod Security admission adds to a pod request's audit event
 * (staging/src/k8s.io/pod-security-admission/api/constants.go, prefixed by
 * plugin/pkg/admission/security/podsecurity/admission.go Validate with "pod-security.kubernetes.io/").
 */
export const PSA_AUDIT_VIOLATIONS = 'pod-security.kubernetes.io/audit-violations';
export const PSA_ENFORCE_POLICY = 'pod-security.kubernetes.io/enforce-policy';

/** Why audit fields are inconclusive where the log cannot be read. */
export const AUDIT_LOG_UNREADABLE =
  'the API server audit log is not readable on this target; kubeprop reads it on kind clusters created from kind-config.yaml, or from the file given with --audit-log';

function isAuditEvent(value: unknown): value is AuditEvent {
  if (typeof value !== 'object' || value === null) return false;
  const event = value as Partial<AuditEvent> & { kind?: unknown };
  return event.kind === 'Event' && typeof event.auditID === 'string' && typeof event.verb === 'string';
}

/** The instant the event's stage was reached (epoch ms), falling back to when the request arrived. */
export function auditEventTime(event: AuditEvent): number | undefined {
  const stamp = event.stageTimestamp ?? event.requestReceivedTimestamp;
  return stamp === undefined ? undefined : parseRfc3339Nano(stamp);
}

/**
 * The audit.k8s.io/v1 events of one namespace in a log-backend file (one JSON object per line),
 * reached at or after `sinceMs`. A line still being written, or anything else that is not an
 * audit event, is skipped: the next read sees it whole.
 */
export function parseAuditLog(text: string, namespace: string, sinceMs: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (const line of text.split('\n')) {
    // Cheap pre-filter: the log holds every namespace's pod creates.
    if (!line.includes(`"namespace":"${namespace}"`)) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue;
    }
    if (!isAuditEvent(parsed) || parsed.objectRef?.namespace !== namespace) continue;
    const at = auditEventTime(parsed);
    if (at !== undefined && at < sinceMs) continue;
    events.push(parsed);
  }
  return events;
}

/**
 * The event that records the end of a pod's create request: verb create on pods (no subresource),
 * stage ResponseComplete, which carries the admission plugins' audit annotations.
 */
export function podCreateEvent(events: AuditEvent[], pod: string): AuditEvent | undefined {
  return events.find(
    (e) =>
      e.verb === 'create' &&
      e.stage === 'ResponseComplete' &&
      e.objectRef?.resource === 'pods' &&
      !e.objectRef.subresource &&
      e.objectRef.name === pod,
  );
}

export interface AuditLogReader {
  /** For messages: where the log is read from. */
  readonly description: string;
  read(namespace: string, sinceMs: number): Promise<AuditLogRead>;
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1] ?? '';
}

/**
 * A kind cluster's audit log, read from its control-plane node container with
 * `docker exec <cluster>-control-plane cat <AUDIT_LOG_PATH>` (the kind "Auditing" guide's way).
 */
export class KindAuditLog implements AuditLogReader {
  readonly node: string;

  constructor(
    readonly cluster: string,
    private readonly runner: CommandRunner = systemCommandRunner,
  ) {
    this.node = `${cluster}-control-plane`;
  }

  get description(): string {
    return `${AUDIT_LOG_PATH} on ${this.node}`;
  }

  async read(namespace: string, sinceMs: number): Promise<AuditLogRead> {
    const args = ['exec', this.node, 'cat', AUDIT_LOG_PATH];
    try {
      const result = await this.runner.run('docker', args);
      if (result.exitCode === 0)
        return { ok: true, events: parseAuditLog(result.stdout, namespace, sinceMs) };
      return {
        ok: false,
        reason: `${AUDIT_LOG_UNREADABLE} ("docker ${args.join(' ')}" failed: ${lastLine(result.stderr)})`,
      };
    } catch (error) {
      if (error instanceof CommandNotFound) {
        return { ok: false, reason: `${AUDIT_LOG_UNREADABLE} (docker is not installed here)` };
      }
      throw error;
    }
  }
}

/**
 * An audit log file this machine can read: the API server's --audit-log-path on a local cluster, or
 * a copy kept in sync by the user (`--audit-log PATH`, KUBEPROP_AUDIT_LOG for the live jest suites).
 */
export class FileAuditLog implements AuditLogReader {
  constructor(readonly path: string) {}

  get description(): string {
    return this.path;
  }

  async read(namespace: string, sinceMs: number): Promise<AuditLogRead> {
    try {
      return { ok: true, events: parseAuditLog(await readFile(this.path, 'utf8'), namespace, sinceMs) };
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      return { ok: false, reason: `${AUDIT_LOG_UNREADABLE} (cannot read ${this.path}: ${why})` };
    }
  }
}

const KIND_CONTEXT = /^kind-(.+)$/;

/**
 * The reader for a kubeconfig context: the file the user named, else the kind reader for a context
 * kind named "kind-<cluster>", else none.
 */
export function auditLogForContext(
  context: string,
  runner: CommandRunner = systemCommandRunner,
  file?: string,
): AuditLogReader | undefined {
  if (file !== undefined) return new FileAuditLog(file);
  const match = KIND_CONTEXT.exec(context);
  return match ? new KindAuditLog(match[1], runner) : undefined;
}
