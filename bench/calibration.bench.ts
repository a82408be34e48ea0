import { existsSync, writeFileSync } from 'node:fs';
import { format, resolveConfig } from 'prettier';
import { join, relative } from 'node:path';
import {
  measureLatencies,
  readLooseReport,
  renderCalibration,
  runFigures,
  type CalibrationSource,
} from './calibration';
import type { BenchResult } from './run-all';

const ROOT = join(__dirname, '..');

/**
 * The real runs measured, the fake's calibration source first: run10, the default run on the v1.26.1
 * node at 6 slots (215 cases, 530 s; cleanup in the background but for cases under a shared-node-state
 * lock); then the older seed-1 run at 4 slots (180 cases, 656 s) and the runs of ../shared/recordings
 * (cleanup on each case's critical path, so they show the namespace deletion time), where present.
 */
export const CALIBRATION_SOURCES = [
  'test/fixtures/real-runs/v1.26.1-seed1-run10.report.json.gz',
  'test/fixtures/real-runs/v1.26.1-seed1-run.report.json.gz',
  '../shared/recordings/kubeprop-runs/v1.26.1-dollar-escaped/report.json.gz',
  '../shared/recordings/kubeprop-runs/v1.26.1-main-as-is/report.json.gz',
];

/** Measures every source that exists, writes bench/calibration.md, and reports the headline figures. */
export async function run(): Promise<BenchResult[]> {
  const sources: CalibrationSource[] = [];
  const missing: string[] = [];
  for (const path of CALIBRATION_SOURCES) {
    const file = join(ROOT, path);
    if (existsSync(file)) sources.push({ path, report: readLooseReport(file) });
    else missing.push(path);
  }
  const out = join(__dirname, 'calibration.md');
  // Written as the project's Prettier writes markdown, so `npm run lint` holds for the generated file.
  const options = (await resolveConfig(out)) ?? {};
  writeFileSync(out, await format(renderCalibration(sources, missing), { ...options, parser: 'markdown' }));
  console.log(`  wrote ${relative(ROOT, out)}`);
  const rows: BenchResult[] = [];
  for (const { path, report } of sources.slice(0, 1)) {
    for (const m of measureLatencies(report, path)) {
      if (m.quantiles)
        rows.push({ name: `calibration: real ${m.quantity} p50`, value: m.quantiles.p50, unit: 's' });
    }
    rows.push({ name: 'calibration: real run wall', value: runFigures(report).wallSeconds, unit: 's' });
  }
  return rows;
}
