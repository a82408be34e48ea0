import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReport } from '../../reporting/load-report';
import { ReportWriter } from '../../reporting/report-writer';
import { openReport } from '../../reporting/report-stream';
import type { CaseEntry } from '../../reporting/report-types';
import { sampleHeader, sigkillCase, T0 } from './sample-report';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'kubeprop-writer-'));
}

const START = {
  id: 'termination/sigkill-after-grace',
  family: 'termination' as const,
  statement: 'killed at the end of the grace period',
  runsPlanned: 3,
  seed: 7,
};

async function collect(file: string): Promise<CaseEntry[]> {
  const entries: CaseEntry[] = [];
  for await (const entry of (await openReport(file)).cases()) entries.push(entry);
  return entries;
}

describe('ReportWriter', () => {
  it('writes a valid report.json at open, at each property end and at close', async () => {
    const dir = tempDir();
    let now = T0;
    const writer = ReportWriter.open(dir, sampleHeader(), { now: () => now });
    expect(loadReport(writer.reportPath).properties).toEqual([]);

    writer.beginProperty(START);
    writer.addCase(START.id, sigkillCase('a', [3.0, 3.2]));
    writer.addCase(START.id, sigkillCase('b', [3.1, 3.3]));
    now += 5000;
    writer.endProperty(START.id, { verdict: 'pass', runsMade: 2, outOfTime: false, durationMs: 5000 });
    // Rewritten at this boundary: the default interval (5 s) has passed.
    const mid = loadReport(writer.reportPath);
    expect(mid.properties[0].cases.map((c) => c.id)).toEqual(['a', 'b']);
    expect(mid.properties[0].verdict).toBe('pass');

    const path = await writer.close();
    const report = loadReport(path);
    expect(report.endedAt).toBe(new Date(T0 + 5000).toISOString());
    expect(report.interrupted).toBeUndefined();
    expect(report.properties[0].cases[1]).toEqual(JSON.parse(JSON.stringify(sigkillCase('b', [3.1, 3.3]))));
    for (const name of ['report.json', 'cases.ndjson', 'junit.xml', 'summary.md', 'index.html']) {
      expect(existsSync(join(dir, name))).toBe(true);
    }
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
  });

  it('skips rewrites at boundaries closer together than the interval; the journal has the cases', () => {
    const dir = tempDir();
    let now = T0;
    const writer = ReportWriter.open(dir, sampleHeader(), { now: () => now, rewriteIntervalMs: 1000 });
    writer.beginProperty(START);
    writer.addCase(START.id, sigkillCase('a', [3, 3]));
    writer.endProperty(START.id, { verdict: 'pass', runsMade: 1, outOfTime: false, durationMs: 1 });
    expect(loadReport(writer.reportPath).properties).toEqual([]);
    now += 1000;
    const other = { ...START, id: 'termination/grace-override' };
    writer.beginProperty(other);
    writer.endProperty(other.id, { verdict: 'pass', runsMade: 0, outOfTime: false, durationMs: 1 });
    expect(loadReport(writer.reportPath).properties.map((p) => p.id)).toEqual([START.id, other.id]);
  });

  it('journals every case as one NDJSON line as soon as it is added', () => {
    const dir = tempDir();
    const writer = ReportWriter.open(dir, sampleHeader());
    writer.beginProperty(START);
    writer.addCase(START.id, sigkillCase('a', [3.0, 3.2]));
    const lines = readFileSync(join(dir, 'cases.ndjson'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0])).toMatchObject({ propertyId: START.id, case: { id: 'a' } });
  });

  it('keeps cases of interleaved properties apart (concurrent properties)', async () => {
    const dir = tempDir();
    const writer = ReportWriter.open(dir, sampleHeader());
    const other = { ...START, id: 'termination/grace-override' };
    writer.beginProperty(START);
    writer.beginProperty(other);
    writer.addCase(START.id, sigkillCase('a1', [3, 3]));
    writer.addCase(other.id, sigkillCase('b1', [3, 3]));
    writer.addCase(START.id, sigkillCase('a2', [3, 3]));
    writer.endProperty(other.id, { verdict: 'pass', runsMade: 1, outOfTime: false, durationMs: 1 });
    writer.endProperty(START.id, { verdict: 'pass', runsMade: 2, outOfTime: false, durationMs: 1 });
    const path = await writer.close();
    const entries = await collect(path);
    expect(entries.map((e) => `${e.propertyId}:${e.case.id}`)).toEqual([
      `${START.id}:a1`,
      `${START.id}:a2`,
      `${other.id}:b1`,
    ]);
  });

  it('finalize() after an interrupt leaves a valid report with the running property inconclusive', () => {
    const dir = tempDir();
    const writer = ReportWriter.open(dir, sampleHeader());
    const done = { ...START, id: 'termination/grace-override' };
    writer.beginProperty(done);
    writer.addCase(done.id, sigkillCase('d', [3, 3]));
    writer.endProperty(done.id, { verdict: 'pass', runsMade: 1, outOfTime: false, durationMs: 1 });
    writer.beginProperty(START);
    writer.addCase(START.id, sigkillCase('x', [3, 3]));
    writer.addCase(START.id, sigkillCase('x-retry', [3, 3], { attempt: { number: 2, retryOf: 'x' } }));
    writer.finalize();
    writer.finalize();

    const report = loadReport(join(dir, 'report.json'));
    expect(report.interrupted).toBe('interrupted');
    expect(report.properties[0].verdict).toBe('pass');
    const running = report.properties[1];
    expect(running).toMatchObject({ verdict: 'inconclusive', reason: 'interrupted', runsMade: 1 });
    expect(running.cases.map((c) => c.id)).toEqual(['x', 'x-retry']);
    expect(readFileSync(join(dir, 'junit.xml'), 'utf8')).toContain('inconclusive: interrupted');
    expect(() => writer.addCase(START.id, sigkillCase('late', [3, 3]))).toThrow(/already closed/);
  });

  it('leaves a valid report when a real run process is stopped by SIGTERM', async () => {
    const dir = tempDir();
    const tsx = join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, [join(__dirname, 'interrupted-run.ts'), dir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) =>
      child.stdout.on('data', (data: Buffer) => data.includes('ready') && resolve()),
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(143);
    const report = loadReport(join(dir, 'report.json'));
    expect(report.interrupted).toBe('interrupted');
    expect(report.properties.map((p) => [p.id, p.verdict, p.cases.map((c) => c.id)])).toEqual([
      ['termination/grace-override', 'pass', ['done']],
      ['termination/sigkill-after-grace', 'inconclusive', ['running']],
    ]);
  });

  it('never writes credentials: tokens, passwords, bearer headers, key data', async () => {
    const dir = tempDir();
    const header = sampleHeader();
    const writer = ReportWriter.open(dir, {
      ...header,
      options: { ...header.options, image: 'registry.local/busybox' },
    });
    writer.beginProperty(START);
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2EifQ.c2lnbmF0dXJlLXBhcnQ';
    const item = sigkillCase('a', [3, 3], {
      trace: [
        {
          kind: 'log',
          t: T0,
          pod: 'p',
          container: 'app',
          runtimeTime: T0,
          text: `Authorization: Bearer abc.DEF-123`,
        },
        { kind: 'log', t: T0, pod: 'p', container: 'app', runtimeTime: T0, text: `token=${jwt}` },
        {
          kind: 'actionResult',
          t: T0,
          action: 'create',
          target: 'p',
          ok: true,
          object: { token: 'plain-token-value', password: 'hunter2', 'client-key-data': 'LS0tS0VZ' },
        },
        {
          kind: 'log',
          t: T0,
          pod: 'p',
          container: 'app',
          runtimeTime: T0,
          text: '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----',
        },
      ],
    });
    writer.addCase(START.id, item);
    writer.endProperty(START.id, { verdict: 'pass', runsMade: 1, outOfTime: false, durationMs: 1 });
    await writer.close();
    for (const name of ['report.json', 'cases.ndjson', 'index.html']) {
      const text = readFileSync(join(dir, name), 'utf8');
      for (const secret of [
        'abc.DEF-123',
        jwt,
        'plain-token-value',
        'hunter2',
        'LS0tS0VZ',
        'MIIEpAIBAAKCAQEA',
      ]) {
        expect(text).not.toContain(secret);
      }
    }
    const trace = loadReport(join(dir, 'report.json')).properties[0].cases[0].trace ?? [];
    expect(trace[0]).toMatchObject({ text: 'Authorization: Bearer [redacted]' });
    expect(trace[2]).toMatchObject({ object: { token: '[redacted]', password: '[redacted]' } });
  });

  it('rejects cases for properties not begun or already ended', () => {
    const writer = ReportWriter.open(tempDir(), sampleHeader());
    expect(() => writer.addCase('termination/none', sigkillCase('a', [3, 3]))).toThrow(/not begun/);
    writer.beginProperty(START);
    writer.endProperty(START.id, { verdict: 'pass', runsMade: 0, outOfTime: false, durationMs: 0 });
    expect(() => writer.addCase(START.id, sigkillCase('a', [3, 3]))).toThrow(/already ended/);
    expect(() => writer.beginProperty(START)).toThrow(/already begun/);
  });
});
