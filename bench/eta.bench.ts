import { join } from 'node:path';
import { PROPERTIES } from '../suites/registry';
import { etaErrors, readTimeline, replayEta } from './eta-replay';
import type { BenchResult } from './run-all';

/** Real runs replayed through today's plan and ETA (bench/eta-replay.ts), to their reports' endedAt. */
export const ETA_SOURCES = [
  'test/fixtures/real-runs/v1.26.1-seed1-run7.timeline.json.gz',
  'test/fixtures/real-runs/v1.26.1-seed1-run10.timeline.json.gz',
  'test/fixtures/real-runs/v1.26.1-seed1-run11.timeline.json.gz',
  'test/fixtures/real-runs/v1.26.1-seed1-run13.timeline.json.gz',
  'test/fixtures/real-runs/v1.23.13-seed1-s6.timeline.json.gz',
  'test/fixtures/real-runs/v1.26.1-seed1-s6-v123-cases.timeline.json.gz',
];
/** Issue 11: after the first two minutes the ETA is within 25 % of the real remaining time. */
export const ETA_AFTER_MS = 120_000;

export async function run(): Promise<BenchResult[]> {
  return Promise.resolve(
    ETA_SOURCES.flatMap((path) => {
      const timeline = readTimeline(join(__dirname, '..', path));
      const points = replayEta(timeline, PROPERTIES);
      const errors = etaErrors(points, ETA_AFTER_MS)
        .map(Math.abs)
        .sort((a, b) => a - b);
      const within = errors.filter((error) => error <= 0.25).length;
      const last = points[points.length - 1];
      return [
        {
          name: `eta ${path}: worst error after 2 min`,
          value: errors[errors.length - 1] * 100,
          unit: '%',
          target: '≤ 25',
        },
        {
          name: `eta ${path}: median error after 2 min`,
          value: errors[Math.floor(errors.length / 2)] * 100,
          unit: '%',
        },
        {
          name: `eta ${path}: ETAs within 25 % (of ${errors.length})`,
          value: (within / errors.length) * 100,
          unit: '%',
          target: '100',
        },
        {
          name: `eta ${path}: at the last case's end, ETA vs the run's real wait for its cleanup`,
          value: last.etaMs / 1000,
          unit: `s (real: ${(last.actualMs / 1000).toFixed(1)} s)`,
        },
      ];
    }),
  );
}
