import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../../cli/main';
import { parseServerVersion } from '../../../model/capabilities';
import { compareReports } from '../../../reporting/compare-reports';
import { loadReport } from '../../../reporting/load-report';
import { openReport } from '../../../reporting/report-stream';
import type { Report } from '../../../reporting/report-types';
import { fakeCli } from '../support/fake-cli';

const OLD = parseServerVersion('v1.23.13');

function reportDir(): string {
  return join(mkdtempSync(join(tmpdir(), 'kp-same-')), 'report');
}

async function run(
  version: typeof OLD | undefined,
  args: string[],
): Promise<{ code: number; dir: string; stderr: string }> {
  const cli = fakeCli(version ? { cluster: { serverVersion: version } } : {});
  const dir = reportDir();
  const code = await runCli(
    ['run', '--families', 'termination', '--runs', '3', '--report', dir, ...args],
    cli.deps,
  );
  return { code, dir, stderr: cli.stderr.join('') };
}

/** The exploration cases (ids "-r<i>"): shrink steps follow each cluster's own failures. */
function scenarios(report: Report): Record<string, string> {
  return Object.fromEntries(
    report.properties.flatMap((p) =>
      p.cases
        .filter((c) => /-r\d+$/.test(c.id))
        .filter((c) => c.attempt.number === 1)
        .map((c) => [`${p.id} ${c.id}`, JSON.stringify(c.scenario)]),
    ),
  );
}

describe('the same cases on two clusters', () => {
  test('--generate-from: a newer cluster runs exactly the cases of the older run, and compare says so', async () => {
    const older = await run(OLD, ['--seed', '5']);
    expect(older.code).toBe(0);
    const newer = await run(undefined, ['--generate-from', join(older.dir, 'report.json')]);
    expect(newer.code).toBe(0);
    expect(newer.stderr).toContain('kubeprop: cases generated for v1.23 with ');

    const [a, b] = [loadReport(join(older.dir, 'report.json')), loadReport(join(newer.dir, 'report.json'))];
    expect(b.seed).toBe(5);
    expect(b.options.generation).toEqual(a.options.generation);
    expect(b.cluster.serverVersion.minor).toBeGreaterThan(23);
    expect(Object.keys(scenarios(a)).length).toBeGreaterThan(0);
    expect(scenarios(b)).toEqual(scenarios(a));

    const comparison = await compareReports(
      await openReport(join(older.dir, 'report.json')),
      await openReport(join(newer.dir, 'report.json')),
    );
    expect(comparison.inputs.same).toBe(true);
    expect(comparison.casesCompared).toBe(Object.keys(scenarios(a)).length);
  }, 240_000);

  test('without it, the same seed gives the newer cluster other cases (what made comparisons unfair)', async () => {
    const older = await run(OLD, ['--seed', '5']);
    const newer = await run(undefined, ['--seed', '5']);
    const [a, b] = [loadReport(join(older.dir, 'report.json')), loadReport(join(newer.dir, 'report.json'))];
    expect(scenarios(b)).not.toEqual(scenarios(a));
    const comparison = await compareReports(
      await openReport(join(older.dir, 'report.json')),
      await openReport(join(newer.dir, 'report.json')),
    );
    expect(comparison.inputs).toMatchObject({ same: false });
    expect(comparison.inputs.detail).toMatch(/^A generated for v1\.23 with .*, B for v1\.\d+ with /);
    expect(comparison.casesCompared).toBe(0);
  }, 240_000);

  test('an older cluster refuses cases generated for a newer one, naming what it lacks and what to do', async () => {
    const newer = await run(undefined, ['--seed', '5']);
    const older = await run(OLD, ['--generate-from', join(newer.dir, 'report.json')]);
    expect(older.code).toBe(2);
    expect(older.stderr).toMatch(
      /this cluster cannot run the cases generated for v1\.\d+\.\d+: the cases use sidecars, which this cluster does not support; .*newer than this cluster \(v1\.23\.13\)\. Generate every run from what all clusters support: kubeprop matrix --contexts/,
    );
  }, 240_000);

  test('--generate-for a release: its default capabilities; a bad version or both options are bad input', async () => {
    const pinned = await run(undefined, ['--seed', '5', '--generate-for', 'v1.23']);
    expect(pinned.code).toBe(0);
    expect(loadReport(join(pinned.dir, 'report.json')).options.generation?.sources).toEqual([
      'v1.23 defaults',
    ]);
    expect((await run(undefined, ['--generate-for', 'latest'])).stderr).toContain(
      '--generate-for: invalid server version "latest": expected v1.N or v1.N.P (e.g. v1.34)',
    );
    expect((await run(undefined, ['--generate-for', 'v1.23', '--generate-from', 'x.json'])).stderr).toContain(
      '--generate-from and --generate-for both say what to generate for: give one',
    );
  }, 240_000);
});
