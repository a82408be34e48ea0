import { join } from 'node:path';
import { etaErrors, readTimeline, replayEta } from '../../bench/eta-replay';
import { PROPERTIES } from '../../suites/registry';

/**
 * [name, fixture, the elapsed seconds of the ETAs after two minutes that are not within 25 %]. run11's
 * one, at 493.4 s, is 25.04 % high (59.0 s for 47.2 s): resources/extended-not-overcommittable's
 * cases run one at a time under their node-capacity lock, and the ETA, not told which cases take a
 * lock (cli/commands/run.ts plans an expected duration only), gives its two queued cases the slots
 * that free first, so the two last updated-reachability cases start 10 s later than they did.
 */
const RUNS: readonly (readonly [string, string, readonly number[]])[] = [
  // v1.26.1, seed 1, 215 cases at 6 slots, 530 s; its last case ended 7.0 s before the run did.
  ['run10', 'v1.26.1-seed1-run10.timeline.json.gz', []],
  // v1.26.1, seed 1, 211 cases at 4 slots, 748 s; 5.9 s after its last case.
  ['run7', 'v1.26.1-seed1-run7.timeline.json.gz', []],
  // v1.26.1, seed 1, 219 cases at 6 slots with networkpolicy/updated-reachability, 541 s; 5.8 s after
  // its last case. Its live ETA was 12-88 % high after two minutes.
  ['run11', 'v1.26.1-seed1-run11.timeline.json.gz', [493.4]],
];

describe.each(RUNS)('the ETA replayed against the real %s', (_, file, beyond) => {
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

  test('after two minutes every ETA is within 25 % of the time the run really had left, but the known ones', () => {
    const errors = etaErrors(points, 120_000).map(Math.abs);
    expect(errors.length).toBeGreaterThan(300);
    const late = points.filter(
      (point) =>
        point.elapsedMs >= 120_000 &&
        point.actualMs > 0 &&
        Math.abs(point.etaMs - point.actualMs) / point.actualMs > 0.25,
    );
    expect(late.map((point) => Math.round(point.elapsedMs / 100) / 10)).toEqual(beyond);
    expect(Math.max(...errors)).toBeLessThanOrEqual(0.26);
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
