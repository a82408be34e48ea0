import {
  AUDIT_LOG_PATH,
  AUDIT_LOG_UNREADABLE,
  auditLogForContext,
  FileAuditLog,
  KindAuditLog,
  parseAuditLog,
  podCreateEvent,
  PSA_AUDIT_VIOLATIONS,
} from '../../harness/audit-log';
import { awaitPodCreateAudit } from '../../harness/audit-log-wait';
import type { AuditLogRead } from '../../harness/cluster-port';
import { AutoAdvancingClock } from '../../harness/fake/virtual-clock';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeRunner } from './targets/fake-runner';

/**
 * One audit.k8s.io/v1 Event as the log backend writes it: a JSON object per line, RFC 3339 micro
 * timestamps, objectRef of the pod, the admission annotations (level Metadata: no request body).
 */
function line(overrides: {
  namespace?: string;
  name?: string;
  verb?: string;
  stage?: string;
  subresource?: string;
  stamp?: string;
  annotations?: Record<string, string>;
}): string {
  return JSON.stringify({
    kind: 'Event',
    apiVersion: 'audit.k8s.io/v1',
    level: 'Metadata',
    auditID: `id-${overrides.name ?? 'p'}-${overrides.stage ?? 'ResponseComplete'}`,
    stage: overrides.stage ?? 'ResponseComplete',
    requestURI: `/api/v1/namespaces/${overrides.namespace ?? 'ns'}/pods?fieldManager=kubeprop`,
    verb: overrides.verb ?? 'create',
    user: { username: 'kubernetes-admin', groups: ['system:masters', 'system:authenticated'] },
    sourceIPs: ['172.18.0.1'],
    userAgent: 'kubeprop',
    objectRef: {
      resource: 'pods',
      namespace: overrides.namespace ?? 'ns',
      name: overrides.name ?? 'p',
      apiVersion: 'v1',
      ...(overrides.subresource ? { subresource: overrides.subresource } : {}),
    },
    responseStatus: { metadata: {}, code: 201 },
    requestReceivedTimestamp: overrides.stamp ?? '2025-06-01T10:00:00.123456Z',
    stageTimestamp: overrides.stamp ?? '2025-06-01T10:00:00.134567Z',
    annotations: {
      'authorization.k8s.io/decision': 'allow',
      ...overrides.annotations,
    },
  });
}

const VIOLATION = 'would violate PodSecurity "baseline:latest": host namespaces (hostPID=true)';
const T0 = Date.parse('2025-06-01T10:00:00Z');

describe('parseAuditLog', () => {
  test('keeps the events of one namespace from `since` on, skipping partial and foreign lines', () => {
    const text = [
      line({ namespace: 'ns', name: 'a', annotations: { [PSA_AUDIT_VIOLATIONS]: VIOLATION } }),
      line({ namespace: 'other', name: 'b' }),
      line({ namespace: 'ns', name: 'old', stamp: '2025-06-01T09:00:00.000001Z' }),
      '{"kind":"Event","auditID":"x","verb":"create","objectRef":{"namespace":"ns"', // still being written
      JSON.stringify({ kind: 'Status', objectRef: { namespace: 'ns' } }),
      '',
    ].join('\n');
    const events = parseAuditLog(text, 'ns', T0 - 1000);
    expect(events.map((e) => e.objectRef?.name)).toEqual(['a']);
    expect(events[0].annotations?.[PSA_AUDIT_VIOLATIONS]).toBe(VIOLATION);
  });

  test('podCreateEvent picks the completed create of the pod, not a subresource or another stage', () => {
    const events = parseAuditLog(
      [
        line({ name: 'p', subresource: 'binding' }),
        line({ name: 'p', stage: 'ResponseStarted' }),
        line({ name: 'q' }),
        line({ name: 'p', verb: 'get' }),
      ].join('\n'),
      'ns',
      0,
    );
    expect(podCreateEvent(events, 'p')).toBeUndefined();
    const withCreate = parseAuditLog(line({ name: 'p' }), 'ns', 0);
    expect(podCreateEvent(withCreate, 'p')?.stage).toBe('ResponseComplete');
  });
});

describe('KindAuditLog (docker exec into the control-plane node)', () => {
  test('reads the log kind-config.yaml configures with docker exec <cluster>-control-plane cat', async () => {
    const runner = new FakeRunner().answer('docker exec', { stdout: `${line({ name: 'p' })}\n` });
    const read = await new KindAuditLog('kp', runner).read('ns', 0);
    expect(runner.calls).toEqual([`docker exec kp-control-plane cat ${AUDIT_LOG_PATH}`]);
    expect(read.ok && read.events.map((e) => e.objectRef?.name)).toEqual(['p']);
  });

  test('a cluster created without the audit settings is unreadable, with the reason', async () => {
    const runner = new FakeRunner().answer('docker exec', {
      exitCode: 1,
      stderr: `cat: ${AUDIT_LOG_PATH}: No such file or directory\n`,
    });
    const read = await new KindAuditLog('kp', runner).read('ns', 0);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.reason.startsWith(AUDIT_LOG_UNREADABLE)).toBe(true);
    expect(read.reason).toContain('No such file or directory');
  });

  test('without docker the log is unreadable, not an error', async () => {
    const read = await new KindAuditLog('kp', new FakeRunner().answer('docker', 'missing')).read('ns', 0);
    expect(read).toEqual({ ok: false, reason: `${AUDIT_LOG_UNREADABLE} (docker is not installed here)` });
  });

  test('kind contexts ("kind-<cluster>") get the reader, other contexts none', () => {
    const reader = auditLogForContext('kind-kubeprop', new FakeRunner());
    expect(reader instanceof KindAuditLog && reader.node).toBe('kubeprop-control-plane');
    expect(auditLogForContext('prod-eu')).toBeUndefined();
  });
});

describe('FileAuditLog (--audit-log FILE)', () => {
  test("reads the namespace's events from a local log file", async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'kp-audit-')), 'audit.log');
    const annotations = { [PSA_AUDIT_VIOLATIONS]: VIOLATION };
    writeFileSync(path, `${line({ namespace: 'other' })}\n${line({ annotations })}\n`);
    const read = await new FileAuditLog(path).read('ns', T0);
    expect(read.ok && read.events.map((e) => e.annotations?.[PSA_AUDIT_VIOLATIONS])).toEqual([VIOLATION]);
  });

  test('an unreadable file is unreadable with the path and the option named', async () => {
    const read = await new FileAuditLog('/nonexistent/audit.log').read('ns', T0);
    expect(read).toEqual({
      ok: false,
      reason: expect.stringContaining('cannot read /nonexistent/audit.log'),
    });
    expect(read.ok === false && read.reason).toContain('--audit-log');
  });

  test('a file named by the user wins over the kind reader of a kind context', () => {
    expect(auditLogForContext('kind-kubeprop', new FakeRunner(), '/var/log/audit.log')).toEqual(
      new FileAuditLog('/var/log/audit.log'),
    );
  });
});

describe('awaitPodCreateAudit', () => {
  const options = (clock: AutoAdvancingClock) => ({
    namespace: 'ns',
    pod: 'p',
    createdAt: clock.now(),
    clock,
    signal: new AbortController().signal,
  });

  test('waits until the create reaches the log', async () => {
    const clock = new AutoAdvancingClock();
    let reads = 0;
    const port = {
      auditEvents: async (): Promise<AuditLogRead> => {
        reads += 1;
        return { ok: true, events: reads < 3 ? [] : parseAuditLog(line({ name: 'p' }), 'ns', 0) };
      },
    };
    const record = await awaitPodCreateAudit(port, options(clock));
    expect(reads).toBe(3);
    expect(record.unavailable).toBeUndefined();
    expect(podCreateEvent(record.events, 'p')).toBeDefined();
  });

  test('gives up at the deadline with what it read', async () => {
    const clock = new AutoAdvancingClock();
    const start = clock.now();
    const port = { auditEvents: async (): Promise<AuditLogRead> => ({ ok: true, events: [] }) };
    const record = await awaitPodCreateAudit(port, { ...options(clock), deadlineMs: 3000 });
    expect(record).toEqual({ events: [] });
    expect(clock.now() - start).toBeGreaterThanOrEqual(3000);
    expect(clock.now() - start).toBeLessThan(4000);
  });

  test('a port without the capability, or an unreadable log, is unavailable at once', async () => {
    const clock = new AutoAdvancingClock();
    expect(await awaitPodCreateAudit({}, options(clock))).toEqual({
      events: [],
      unavailable: AUDIT_LOG_UNREADABLE,
    });
    const unreadable = { auditEvents: async (): Promise<AuditLogRead> => ({ ok: false, reason: 'gone' }) };
    expect(await awaitPodCreateAudit(unreadable, options(clock))).toEqual({
      events: [],
      unavailable: 'gone',
    });
  });
});
