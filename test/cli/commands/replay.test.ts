import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../cli/main';
import { loadReport } from '../../../reporting/load-report';
import { fakeCli } from '../support/fake-cli';

const NETPOL = 'networkpolicy/reachability-matrix';

describe('kubeprop replay', () => {
  let reportFile: string;
  let failingCase: string;

  beforeAll(async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'kp-replay-')), 'report');
    const cli = fakeCli({ defects: ['netpol-egress-ignored'] });
    await runCli(['run', '--property', NETPOL, '--runs', '3', '--seed', '5', '--report', dir], cli.deps);
    reportFile = join(dir, 'report.json');
    failingCase = loadReport(reportFile).properties[0].counterexample?.caseId ?? 'missing';
  }, 120_000);

  test('the minimal counterexample fails again on the defective cluster: exit 1 with the failing cells', async () => {
    const cli = fakeCli({ defects: ['netpol-egress-ignored'] });
    expect(await runCli(['replay', reportFile, '--case', failingCase], cli.deps)).toBe(1);
    const out = cli.stdout.join('');
    expect(out).toContain(`case ${failingCase} of ${NETPOL}: recorded fail on v1.34.0, now fail on v1.34.0`);
    expect(out).toMatch(/ {2}X \S+->\S+ \[networkpolicy\.egress-isolation\]: expected false, observed true/);
    expect(cli.teardowns).toBe(1);
  }, 60_000);

  test('on a healthy cluster the same case passes: exit 0, every cell marked "."', async () => {
    const cli = fakeCli();
    expect(await runCli(['replay', reportFile, '--case', failingCase], cli.deps)).toBe(0);
    const lines = cli.stdout.join('').trimEnd().split('\n');
    expect(lines[0]).toContain('recorded fail on v1.34.0, now pass on v1.34.0');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.startsWith('  . '))).toBe(true);
  }, 60_000);

  test('an unknown case id names some ids of the report: exit 2, no cluster touched', async () => {
    const cli = fakeCli();
    expect(await runCli(['replay', reportFile, '--case', 'nope'], cli.deps)).toBe(2);
    expect(cli.stderr).toHaveLength(1);
    expect(cli.stderr[0]).toMatch(
      /^kubeprop: no case "nope" in .*report\.json \(its cases include networkpolicy-/,
    );
    expect(cli.requests).toEqual([]);
  });

  test('a missing or broken report is one line: exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kp-replay-bad-'));
    const broken = join(dir, 'report.json');
    writeFileSync(broken, '{"schemaVersion":1,');
    for (const [file, problem] of [
      [join(dir, 'missing.json'), 'no such file'],
      [broken, 'truncated'],
    ]) {
      const cli = fakeCli();
      expect(await runCli(['replay', file, '--case', 'x'], cli.deps)).toBe(2);
      expect(cli.stderr[0]).toContain(`kubeprop: cannot replay from ${file}: `);
      expect(cli.stderr[0]).toContain(problem);
    }
  });

  test('a case of a property this kubeprop lacks: exit 2', async () => {
    const cli = fakeCli({ properties: [] });
    expect(await runCli(['replay', reportFile, '--case', failingCase], cli.deps)).toBe(2);
    expect(cli.stderr[0]).toContain(`belongs to property ${NETPOL}, which this kubeprop does not have`);
  });

  test('--case is required', async () => {
    const cli = fakeCli();
    expect(await runCli(['replay', reportFile], cli.deps)).toBe(2);
    expect(cli.stderr[0]).toContain("required option '--case <id>' not specified");
  });
});
