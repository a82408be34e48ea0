import { join } from 'node:path';
import { PROPERTIES } from '../suites/registry';
import { etaErrors, readTimeline, replayEta } from './eta-replay';
import type { BenchResult } from './run-all';

/** Real runs replayed through today's plan and ETA (bench/eta-replay.ts). */
export const ETA_SOURCES = [
  'test/fixtures/real-runs/v1.26.1-seed1-run7.timeline.json.gz',
  'test/fixtures/real-runs/v1.26.1-seed1-run10.timeline.json.gz',
];
/** Issue 11: after the first two minutes the ETA is within 25 % of the real remaining time. */
export const ETA_AFTER_MS = 120_000;

export async function run(): Promise<BenchResult[]> {
  return Promise.resolve(
    ETA_SOURCES.flatMap((path) => {
      const timeline = readTimeline(join(__dirname, '..', path));
      const errors = etaErrors(replayEta(timeline, PROPERTIES), ETA_AFTER_MS).map(Math.abs);
      const within = errors.filter((error) => error <= 0.25).length;
      return [
        {
          name: `eta ${path}: worst error after 2 min`,
          value: Math.max(...errors) * 100,
          unit: '%',
          target: '≤ 25',
        },
        {
          name: `eta ${path}: ETAs within 25 %`,
          value: (within / errors.length) * 100,
          unit: '%',
          target: '100',
        },
      ];
    }),
  );
}
