import { join } from 'node:path';
import { etaErrors, readTimeline, replayEta } from '../../bench/eta-replay';
import { PROPERTIES } from '../../suites/registry';

const RUN7 = join(__dirname, '../fixtures/real-runs/v1.26.1-seed1-run7.timeline.json.gz');

describe('the ETA replayed against a real run (v1.26.1, seed 1, 211 cases at concurrency 4, 748 s)', () => {
  const timeline = readTimeline(RUN7);
  const points = replayEta(timeline, PROPERTIES);

  test('the replay covers the run: every case started and ended, and the last ETA is the end', () => {
    expect(points.length).toBeGreaterThan(2 * timeline.cases.length - 10);
    expect(points[points.length - 1].actualMs).toBe(0);
  });

  test('after two minutes, while more than four minutes remain, every ETA is within 25 % of the time left', () => {
    const longRemaining = points.filter((point) => point.actualMs > 240_000);
    const errors = etaErrors(longRemaining, 120_000).map(Math.abs);
    expect(errors.length).toBeGreaterThan(100);
    expect(Math.max(...errors)).toBeLessThanOrEqual(0.25);
  });

  test('after two minutes the median ETA error is under 15 %', () => {
    const errors = etaErrors(points, 120_000)
      .map(Math.abs)
      .sort((a, b) => a - b);
    expect(errors[Math.floor(errors.length / 2)]).toBeLessThan(0.15);
  });
});
