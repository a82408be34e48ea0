import { Progress, type ProgressStream } from '../../reporting/progress';

function fakeStream(isTTY: boolean, columns = 200): ProgressStream & { chunks: string[] } {
  const chunks: string[] = [];
  return { isTTY, columns, chunks, write: (text: string) => chunks.push(text) };
}

function fakeClock(start = 1_000_000): { now(): number; advance(ms: number): void } {
  let time = start;
  return { now: () => time, advance: (ms) => (time += ms) };
}

describe('Progress', () => {
  it('on a TTY rewrites one line in place with counts, current property, failures, elapsed and ETA', () => {
    const stream = fakeStream(true);
    const clock = fakeClock();
    const progress = new Progress(stream, clock);
    progress.plan('termination', 4);
    progress.plan('probes', 2);
    progress.startProperty('termination/sigkill-after-grace');
    progress.caseStarted('termination');
    clock.advance(10_000);
    progress.caseDone('termination', 'pass');
    progress.caseStarted('termination');
    clock.advance(10_000);
    progress.caseDone('termination', 'fail');
    // 2 cases of 10 s one at a time, 4 to go → 40 s, and the last one's cleanup (6.5 s) → ETA 47 s.
    expect(stream.chunks.at(-1)).toBe(
      '\rtermination 2/4 · probes 0/2 | running termination/sigkill-after-grace | 1 failure | 00:20 elapsed, ETA 00:47\u001b[K',
    );
    expect(stream.chunks.every((chunk) => chunk.startsWith('\r') && !chunk.includes('\n'))).toBe(true);
    progress.finish();
    expect(stream.chunks.at(-1)).toBe('\n');
  });

  it('counts re-runs and shrink candidates apart, and a shrinking property holds the ETA to its deadline', () => {
    const stream = fakeStream(true);
    const clock = fakeClock();
    const progress = new Progress(stream, clock, { concurrency: 1 });
    progress.plan('termination', 2, { id: 'termination/a', expectedCaseMs: 10_000 });
    const timing = (extra: boolean) => ({ propertyId: 'termination/a', durationMs: 10_000, extra });
    progress.caseStarted('termination', 'termination/a');
    clock.advance(10_000);
    progress.caseDone('termination', 'fail', timing(false));
    // The confirmation re-run and a shrink candidate do not count as the second planned case.
    for (const _ of [1, 2]) {
      progress.caseStarted('termination', 'termination/a');
      clock.advance(10_000);
      progress.caseDone('termination', 'fail', timing(true));
    }
    // One case of 10 s to go, then its cleanup (6.5 s).
    expect(progress.line()).toBe(
      'termination 1/2 (+2 re-run/shrink) | idle | 3 failures | 00:30 elapsed, ETA 00:17',
    );
    // Shrinking until 5 minutes from now: the run cannot end before.
    progress.shrinkStarted('termination/a', clock.now() + 300_000);
    expect(progress.remainingMs()).toBe(300_000);
    progress.shrinkEnded('termination/a');
    expect(progress.remainingMs()).toBe(16_500);
  });

  it('a failure waiting for its shrink turn adds its budget after the shrink under way', () => {
    const clock = fakeClock();
    const progress = new Progress(fakeStream(false), clock, { concurrency: 1 });
    progress.plan('termination', 1, { id: 'termination/a', expectedCaseMs: 10_000 });
    progress.caseStarted('termination', 'termination/a');
    clock.advance(10_000);
    progress.caseDone('termination', 'fail', { propertyId: 'termination/a', durationMs: 10_000 });
    progress.shrinkStarted('termination/a', clock.now() + 100_000);
    progress.shrinkQueued('termination/b', 300_000);
    progress.shrinkQueued('termination/c', 300_000);
    expect(progress.remainingMs()).toBe(700_000);
    // b's turn: its deadline replaces its queued budget.
    clock.advance(100_000);
    progress.shrinkEnded('termination/a');
    progress.shrinkStarted('termination/b', clock.now() + 300_000);
    expect(progress.remainingMs()).toBe(600_000);
  });

  it('fits the line to the terminal width', () => {
    const stream = fakeStream(true, 30);
    const progress = new Progress(stream, fakeClock());
    progress.plan('termination', 1);
    progress.startProperty('termination/a-very-long-property-name');
    const line = stream.chunks.at(-1) ?? '';
    expect(line.replace('\r', '').replace('\u001b[K', '').length).toBeLessThan(30);
  });

  it('off a TTY prints plain lines at most once per interval, and a last line at the end', () => {
    const stream = fakeStream(false);
    const clock = fakeClock();
    const progress = new Progress(stream, clock, { intervalMs: 30_000 });
    progress.plan('quota', 3);
    progress.startProperty('quota/exceeded-rejected');
    progress.caseStarted('quota');
    clock.advance(5_000);
    progress.caseDone('quota', 'pass');
    progress.caseStarted('quota');
    clock.advance(30_000);
    progress.caseDone('quota', 'pass');
    // Cases of 5 s and 30 s: the last one is expected to take their mean, then its cleanup (6.5 s).
    progress.finish();
    expect(stream.chunks).toEqual([
      'quota 0/3 | running quota/exceeded-rejected | 0 failures | 00:00 elapsed, ETA ?\n',
      'quota 2/3 | running quota/exceeded-rejected | 0 failures | 00:35 elapsed, ETA 00:24\n',
      'quota 2/3 | idle | 0 failures | 00:35 elapsed, ETA 00:24\n',
    ]);
  });

  it('counts the end of the run: a case ended just now still has its cleanup to go', () => {
    const clock = fakeClock();
    const progress = new Progress(fakeStream(true), clock, { concurrency: 2, cleanupMs: 8_000 });
    progress.plan('quota', 1, { id: 'quota/a', expectedCaseMs: 1_000 });
    progress.caseStarted('quota', 'quota/a');
    clock.advance(1_000);
    progress.caseDone('quota', 'pass', { propertyId: 'quota/a', durationMs: 1_000 });
    // Every case done: what is left is the last one's namespace deletion, which the run awaits.
    expect(progress.remainingMs()).toBe(8_000);
    clock.advance(3_000);
    expect(progress.remainingMs()).toBe(5_000);
    clock.advance(6_000);
    expect(progress.remainingMs()).toBe(0);
  });

  it('knows which planned cases take a lock: those queued under one wait for each other', () => {
    const clock = fakeClock();
    const options = { concurrency: 4, cleanupMs: 0 };
    const progress = new Progress(fakeStream(true), clock, options);
    const L = ['node eviction manager'];
    progress.plan('resources', 3, { id: 'resources/a', expectedCaseMs: 10_000, lockKeys: [L, [], L] });
    // r1 (no lock) and r0 (lock L) start; r2 (lock L) must wait for r0: about 20 s in all.
    progress.caseStarted('resources', 'resources/a', { caseId: 'a-r1', planned: true, lockKeys: [] });
    progress.caseStarted('resources', 'resources/a', { caseId: 'a-r0', planned: true, lockKeys: L });
    expect(progress.remainingMs()).toBeGreaterThanOrEqual(20_000);
    // Without the locks the plan shares the three cases among the four slots: about 10 s.
    const unlocked = new Progress(fakeStream(true), fakeClock(), options);
    unlocked.plan('resources', 3, { id: 'resources/a', expectedCaseMs: 10_000 });
    unlocked.caseStarted('resources', 'resources/a', { caseId: 'a-r1', planned: true, lockKeys: [] });
    unlocked.caseStarted('resources', 'resources/a', { caseId: 'a-r0', planned: true, lockKeys: [] });
    expect(unlocked.remainingMs()).toBeLessThan(14_000);
    // r0 ends after 2 s: the property's cases are now expected at 4 s (2 s observed, blended with the
    // plan rescaled by it). Matched by its id, the case still in flight is r1 (no lock), so L is free
    // and r2 starts now: 4.0 s left. Had the oldest case been taken for the one that ended, L would
    // look held by a case 2 s in, and r2 would end after 2 + 4 = 6 s.
    clock.advance(2_000);
    progress.caseDone('resources', 'pass', { propertyId: 'resources/a', durationMs: 2_000, caseId: 'a-r0' });
    expect(progress.remainingMs()).toBeLessThan(5_000);
  });
});
