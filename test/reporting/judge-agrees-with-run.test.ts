import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { judgeReport, type JudgeSink } from '../../reporting/judge-report';
import { loadReport } from '../../reporting/load-report';
import { REPORT_FILES } from '../../reporting/report-files';
import type {
  CaseReport,
  PropertyEnd,
  PropertyReport,
  PropertySummary,
  Report,
} from '../../reporting/report-types';
import { PROPERTIES } from '../../suites/registry';
import { sigkillAfterGrace } from '../../suites/termination/sigkill-after-grace.property';
import { runOnFake } from '../suites/fake-run';

/** The shared real-cluster runs: ../shared relative to the repository root (read-only in CI). */
const RECORDED_RUNS = resolve(__dirname, '../../../shared/recordings/kubeprop-runs');

/** Re-judges a report with the current model, returning the re-judged report and what changed. */
async function rejudge(report: Report): Promise<{ report: Report; changes: string[] }> {
  const cases = new Map<string, CaseReport[]>();
  const ends = new Map<string, PropertyEnd>();
  const sink: JudgeSink = {
    beginProperty: (property: PropertySummary) => cases.set(property.id, []),
    addCase: (propertyId, item) => cases.get(propertyId)?.push(item),
    endProperty: (propertyId, end) => ends.set(propertyId, end),
  };
  const result = await judgeReport(report, PROPERTIES, { sink });
  const properties = report.properties.map((property): PropertyReport => ({
    ...property,
    ...ends.get(property.id),
    cases: cases.get(property.id) ?? [],
  }));
  return {
    report: { ...report, properties },
    changes: result.changes.map((c) => `${c.caseId ?? c.propertyId}: ${c.from} → ${c.to}`),
  };
}

function verdicts(report: Report): Record<string, unknown> {
  return Object.fromEntries(
    report.properties.flatMap((p) => p.cases.map((c) => [`${p.id}/${c.id}`, c.verdict] as const)),
  );
}

/** This project's own live reports on its real v1.26.1 node, kept in the repository. */
const OWN_RUNS = resolve(__dirname, '../fixtures/real-runs');
/**
 * The own report judged by the model on main. Older own reports (kept for the latency calibration,
 * harness/fake/latency.ts) were judged by the model of their day and may change once, like the
 * shared ones: the observers since treat events the kubelet delayed past the record as unobserved.
 */
const JUDGED_BY_MAIN = join(OWN_RUNS, 'v1.26.1-seed1-run5.report.json.gz');

const shared = existsSync(RECORDED_RUNS)
  ? readdirSync(RECORDED_RUNS)
      .map((run) => join(RECORDED_RUNS, run, 'report.json.gz'))
      .filter((file) => existsSync(file))
  : [];
if (shared.length === 0) {
  console.log(`judge-agrees-with-run: shared recorded runs skipped: ${RECORDED_RUNS} does not exist`);
}
const own = readdirSync(OWN_RUNS)
  .filter((file) => file.endsWith('.report.json.gz'))
  .map((file) => join(OWN_RUNS, file));
const recorded = [...shared, ...own];

describe('kubeprop judge agrees with kubeprop run', () => {
  // Old reports may legitimately change once (the code that judged them has changed since, e.g. a wait
  // timeout no longer makes a case inconclusive); re-judging the re-judged report must change nothing.
  it.each(recorded)(
    'the real-cluster report %s: judging twice gives what judging once gave',
    async (file) => {
      const text = gunzipSync(readFileSync(file)).toString('utf8');
      const once = await rejudge(JSON.parse(text) as Report);
      // This project's own reports were judged by the model on main: re-judging them changes nothing
      // (a deliberate model change re-records them from a live run).
      if (file === JUDGED_BY_MAIN) expect(once.changes).toEqual([]);
      const twice = await rejudge(once.report);
      expect(twice.changes).toEqual([]);
      expect(verdicts(twice.report)).toEqual(verdicts(once.report));
    },
    120_000,
  );

  it('a fake run with a late SIGKILL (the stop wait times out) fails, and its report re-judges to the same verdicts', async () => {
    const run = await runOnFake(
      { ...sigkillAfterGrace },
      { runs: 3, seed: 7, defects: ['sigkill-late'], keepTraces: true },
    );
    // Measured and failed, not given up on: the SIGKILL had not come when the record ended.
    expect(run.end.verdict).toBe('fail');
    const report = loadReport(join(run.reportDir, REPORT_FILES.report));
    const failing = report.properties[0].cases.find((c) => c.verdict.outcome === 'fail');
    expect(failing?.trace?.some((e) => e.kind === 'waitTimeout' && e.what.endsWith('stopped'))).toBe(true);
    const field = failing?.verdict.diff.find((d) => d.field.endsWith('.sigkillAfterSigtermSeconds'));
    expect(field).toMatchObject({ outcome: 'fail', detail: expect.stringContaining('observed at least') });
    // The run path (runCase → live-case-executor) and the judge path decide the same from the same trace.
    const judged = await rejudge(report);
    expect(judged.changes).toEqual([]);
    expect(verdicts(judged.report)).toEqual(verdicts(report));
  });
});
