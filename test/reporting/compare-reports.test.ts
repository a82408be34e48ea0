import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCompare } from '../../cli/commands/compare';
import { NO_UPPER_BOUND } from '../../model/observation';
import { compareReports } from '../../reporting/compare-reports';
import { renderComparisonMarkdown } from '../../reporting/compare-render';
import { distribution, quantile } from '../../reporting/distribution';
import { formatReport } from '../../reporting/report-layout';
import { reportSource } from '../../reporting/report-stream';
import type { Report } from '../../reporting/report-types';
import { sampleHeader, sampleReport, sigkillCase, sigkillProperty } from './sample-report';

function run(version: string, delays: [number, number][], verdict: 'pass' | 'fail'): Report {
  const header = sampleHeader(version);
  return {
    schemaVersion: 1,
    ...header,
    endedAt: header.startedAt,
    properties: [
      sigkillProperty(
        delays.map((d, i) => sigkillCase(`c${i}`, d)),
        { verdict },
      ),
    ],
  };
}

describe('quantile and distribution', () => {
  it('interpolate between closest ranks (type 7)', () => {
    // For 1..10: position (n-1)q = 9q; median 5.5, p90 at 8.1 → 9.1, p99 at 8.91 → 9.91.
    const d = distribution([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]);
    expect(d).toEqual({
      n: 10,
      min: 1,
      median: 5.5,
      p90: expect.closeTo(9.1, 10),
      p99: expect.closeTo(9.91, 10),
      max: 10,
    });
    expect(quantile([4], 0.99)).toBe(4);
    expect(distribution([])).toBeUndefined();
  });
});

describe('compareReports', () => {
  it('reports pass → fail as a regression, capability differences and timing distributions', async () => {
    const a = run(
      'v1.28.0',
      [
        [3.0, 3.2],
        [3.2, 3.4],
      ],
      'pass',
    );
    const b = run(
      'v1.34.1',
      [
        [6.0, 6.2],
        [6.2, 6.4],
        [6.4, 6.6],
      ],
      'fail',
    );
    const c = await compareReports(reportSource(a, 'a.json'), reportSource(b, 'b.json'));
    expect(c.regressed).toBe(true);
    expect(c.properties).toEqual([
      {
        id: 'termination/sigkill-after-grace',
        family: 'termination',
        a: 'pass',
        b: 'fail',
        change: 'regressed',
      },
    ]);
    // Feature gates on by default: SidecarContainers 1.29, PodLifecycleSleepAction 1.30, AllowZero 1.33.
    expect(c.capabilities.map((d) => [d.name, d.a, d.b])).toEqual(
      expect.arrayContaining([
        ['sidecars', 'false', 'true'],
        ['sleepAction', 'false', 'true'],
        ['sleepZero', 'false', 'true'],
      ]),
    );
    expect(c.capabilities.map((d) => d.name)).not.toContain('grpcProbes');
    const kill = c.timings.find((t) => t.metric === 'sigkillAfterSigtermSeconds');
    expect(kill?.a).toMatchObject({ n: 2, median: expect.closeTo(3.2, 10) });
    expect(kill?.b).toMatchObject({ n: 3, median: expect.closeTo(6.3, 10) });
  });

  it('same inputs: compares case by case and says first what moved beyond noise', async () => {
    const delays = (offset: number): [number, number][] =>
      [0, 0.05, 0.1, 0.15, 0.2, 0.25].map((d) => [3 + offset + d, 3.05 + offset + d]);
    const a = run('v1.34.1', delays(0), 'pass');
    // 0.6 s later: within the window's slack (every case passes) yet beyond the measured jitter.
    const b = run('v1.34.1', delays(0.6), 'fail');
    // The same scenario that passed on A fails on B.
    const failing = sigkillCase('c0', [9, 9.1]);
    b.properties[0].cases[0] = failing;
    const [diff] = failing.verdict.diff.filter((d) => d.outcome === 'fail');
    const c = await compareReports(reportSource(a, 'a.json'), reportSource(b, 'b.json'));
    expect(c.inputs).toEqual({
      same: true,
      detail: expect.stringMatching(/^seed 42, cases generated for v1\.34 with /),
    });
    expect(c.casesCompared).toBe(6);
    expect(c.caseDifferences).toEqual([
      {
        propertyId: 'termination/sigkill-after-grace',
        caseId: 'c0',
        a: 'pass',
        b: 'fail',
        failing: [`B ${diff.field}: ${diff.detail} (${diff.rule})`],
      },
    ]);
    const kill = c.timings.find((t) => t.metric === 'sigkillAfterSigtermSeconds');
    // Medians 3.15 (A) and 3.80 (B: five cases 0.6 s later and the failing one at 9.05).
    expect(kill?.shift).toMatchObject({ medianShiftSeconds: expect.closeTo(0.65, 10), beyondNoise: true });
    const markdown = renderComparisonMarkdown(c);
    expect(markdown).toContain(
      '- **Inputs:** the same cases on both (seed 42, cases generated for v1.34 with',
    );
    expect(markdown).toContain(
      '- **Verdicts:** 1 of 1 properties changed: termination/sigkill-after-grace pass → fail.',
    );
    expect(markdown).toContain('- **Cases:** 1 of 6 cases run on both differ in outcome.');
    expect(markdown).toContain(
      '- **Timings:** 1 moved beyond noise: termination sigkillAfterSigtermSeconds +0.65 s.',
    );
    expect(markdown).toContain('- **Capabilities:** the same.');
    // The summary comes before the tables.
    expect(markdown.indexOf('**Inputs:**')).toBeLessThan(markdown.indexOf('### Verdict changes'));
  });

  it('different inputs: says so first and compares no case', async () => {
    const a = run('v1.28.0', [[3.0, 3.2]], 'pass');
    const b = run('v1.34.1', [[3.0, 3.2]], 'pass');
    b.seed = 43;
    const c = await compareReports(reportSource(a, 'a.json'), reportSource(b, 'b.json'));
    expect(c.inputs.same).toBe(false);
    expect(c.inputs.detail).toMatch(/^seeds 42 and 43; A generated for v1\.28 with .*, B for v1\.34 with /);
    expect(c.casesCompared).toBe(0);
    expect(renderComparisonMarkdown(c)).toContain(
      '- **Inputs differ** (seeds 42 and 43; A generated for v1.28',
    );
  });

  it('leaves an instant known only from below out of the timing distributions', async () => {
    const a = run('v1.34.1', [[3.0, 3.2]], 'pass');
    const b = run(
      'v1.34.1',
      [
        [3.0, 3.2],
        [16, NO_UPPER_BOUND],
      ],
      'fail',
    );
    const c = await compareReports(reportSource(a, 'a.json'), reportSource(b, 'b.json'));
    const kill = c.timings.find((t) => t.metric === 'sigkillAfterSigtermSeconds');
    expect(kill?.b).toMatchObject({ n: 1, max: expect.closeTo(3.1, 10) });
  });

  it('orders properties by family then id, whatever the input order, and marks added/removed', async () => {
    const a = sampleReport();
    const b = sampleReport();
    b.properties.reverse();
    b.properties[0] = { ...b.properties[0], id: 'hooks/new-one' };
    const c = await compareReports(reportSource(a), reportSource(b));
    expect(c.properties.map((p) => [p.id, p.change])).toEqual([
      ['termination/grace-override', 'same'],
      ['termination/sigkill-after-grace', 'same'],
      ['hooks/new-one', 'added'],
      ['hooks/sleep-prestop', 'removed'],
    ]);
    expect(c.regressed).toBe(false);
  });
});

describe('kubeprop compare', () => {
  function files(a: Report, b: Report): [string, string, string] {
    const dir = mkdtempSync(join(tmpdir(), 'kubeprop-compare-'));
    writeFileSync(join(dir, 'a.json'), formatReport(a));
    writeFileSync(join(dir, 'b.json'), formatReport(b));
    return [join(dir, 'a.json'), join(dir, 'b.json'), dir];
  }
  const silent = { out: () => undefined, err: () => undefined };

  it('exits 1 on a regression and writes markdown and HTML with --out', async () => {
    const [a, b, dir] = files(run('v1.33.0', [[3, 3]], 'pass'), run('v1.34.0', [[6, 6]], 'fail'));
    expect(await runCompare(a, b, { out: join(dir, 'out') }, silent)).toBe(1);
    const markdown = readFileSync(join(dir, 'out', 'comparison.md'), 'utf8');
    expect(markdown).toContain('Regressed (pass → fail): termination/sigkill-after-grace');
    expect(markdown).toContain(
      '| termination | sigkillAfterSigtermSeconds | 1 | 3.00 | 3.00 | 3.00 | 1 | 6.00 | 6.00 | 6.00 |',
    );
    expect(readFileSync(join(dir, 'out', 'comparison.html'), 'utf8')).toContain(
      '<h2>Capability differences</h2>',
    );
    expect(await runCompare(b, a, {}, silent)).toBe(0);
  });

  it('exits 2 naming the file for a wrong schema version', async () => {
    const [a, b] = files(sampleReport(), sampleReport());
    writeFileSync(b, readFileSync(b, 'utf8').replace('"schemaVersion":1', '"schemaVersion":7'));
    const err: string[] = [];
    expect(await runCompare(a, b, {}, { out: () => undefined, err: (t) => err.push(t) })).toBe(2);
    expect(err.join('')).toBe(
      `kubeprop compare: ${b}: has schemaVersion 7; this kubeprop reads schemaVersion 1\n`,
    );
  });
});
