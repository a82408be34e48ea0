import { join } from 'node:path';
import { etaErrors, readTimeline, replayEta } from '../../bench/eta-replay';
import { PROPERTIES } from '../../suites/registry';

const RUNS = [
  // v1.26.1, seed 1, 215 cases at 6 slots, 530 s; its last case ended 7.0 s before the run did.
  ['run10', 'v1.26.1-seed1-run10.timeline.json.gz'],
  // v1.26.1, seed 1, 211 cases at 4 slots, 748 s; 5.9 s after its last case.
  ['run7', 'v1.26.1-seed1-run7.timeline.json.gz'],
] as const;

describe.each(RUNS)('the ETA replayed against the real %s', (_, file) => {
  const timeline = readTimeline(join(__dirname, '../fixtures/real-runs', file));
  const points = replayEta(timeline, PROPERTIES);

  test('the replay covers the run to its end: every case started and ended, and the wait after the last', () => {
    expect(points.length).toBeGreaterThan(2 * timeline.cases.length - 10);
    const lastCaseEnd = Math.max(...timeline.cases.map((c) => c.startMs + c.durationMs));
    const last = points[points.length - 1];
    expect(last.elapsedMs).toBe(lastCaseEnd);
    // The run waited for its last case's cleanup: the ETA then still has that to go.
    expect(last.actualMs).toBe(timeline.wallMs - lastCaseEnd);
    expect(last.actualMs).toBeGreaterThan(5_000);
    expect(Math.abs(last.etaMs - last.actualMs) / last.actualMs).toBeLessThanOrEqual(0.25);
  });

  test('after two minutes every ETA is within 25 % of the time the run really had left', () => {
    const errors = etaErrors(points, 120_000).map(Math.abs);
    expect(errors.length).toBeGreaterThan(300);
    expect(Math.max(...errors)).toBeLessThanOrEqual(0.25);
  });

  test('after two minutes the median ETA error is under 10 %', () => {
    const errors = etaErrors(points, 120_000)
      .map(Math.abs)
      .sort((a, b) => a - b);
    expect(errors[Math.floor(errors.length / 2)]).toBeLessThan(0.1);
  });

  test('skipped properties are planned without cases, as the CLI plans them', () => {
    const skipped = timeline.properties.filter((p) => p.runsPlanned === 0).map((p) => p.id);
    expect(skipped).toEqual(['termination/sidecars-last', 'init/sidecars']);
    expect(timeline.cases.some((c) => skipped.includes(c.propertyId))).toBe(false);
  });
});
