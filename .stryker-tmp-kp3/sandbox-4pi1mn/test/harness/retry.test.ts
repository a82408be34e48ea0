// @ts-nocheck
import fc from 'fast-check';
import { ClusterError } from '../../harness/cluster-error';
import type { Clock } from '../../harness/clock';
import { backoffDelay, withRetry } from '../../harness/retry';

/** A clock that records requested sleeps and returns at once (or rejects when aborted). */
function recordingClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => 0,
    sleep: (ms, signal) => {
      sleeps.push(ms);
      return signal?.aborted ? Promise.reject(signal.reason) : Promise.resolve();
    },
  };
}

const transient = (): ClusterError => new ClusterError('transient', '503', 503);

describe('backoffDelay', () => {
  test('stays within [ceiling/2, ceiling] of the capped exponential', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 60000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, base, max, random) => {
          const ceiling = Math.min(max, base * 2 ** (attempt - 1));
          const delay = backoffDelay(attempt, base, max, random);
          return delay >= ceiling / 2 && delay <= ceiling && delay <= max;
        },
      ),
    );
  });

  test('doubles per attempt until the cap', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => backoffDelay(attempt, 100, 500, 1))).toEqual([
      100, 200, 400, 500, 500,
    ]);
  });
});

describe('withRetry', () => {
  test('retries transient errors and returns the first success', async () => {
    const clock = recordingClock();
    let calls = 0;
    const result = await withRetry(
      async () => {
        calls += 1;
        if (calls < 3) throw transient();
        return 'ok';
      },
      { clock, random: () => 0, baseDelayMs: 100 },
    );
    expect(result).toBe('ok');
    expect(clock.sleeps).toEqual([50, 100]);
  });

  test('a conflict is retried; notFound, forbidden and plain errors are not', async () => {
    for (const [error, expectedCalls] of [
      [new ClusterError('conflict', '409', 409), 2],
      [new ClusterError('notFound', '404', 404), 1],
      [new ClusterError('forbidden', '403', 403), 1],
      [new Error('bug'), 1],
    ] as const) {
      let calls = 0;
      await withRetry(
        async () => {
          calls += 1;
          if (calls === 1) throw error;
        },
        { clock: recordingClock() },
      ).catch(() => undefined);
      expect(calls).toBe(expectedCalls);
    }
  });

  test('gives up after maxAttempts with the last error', async () => {
    const clock = recordingClock();
    let calls = 0;
    const failure = withRetry(
      async () => {
        calls += 1;
        throw transient();
      },
      { clock, maxAttempts: 4 },
    );
    await expect(failure).rejects.toMatchObject({ kind: 'transient' });
    expect(calls).toBe(4);
    expect(clock.sleeps).toHaveLength(3);
  });

  test('aborting stops the retries with the abort reason', async () => {
    const controller = new AbortController();
    let calls = 0;
    const failure = withRetry(
      async () => {
        calls += 1;
        controller.abort(new Error('case timed out'));
        throw transient();
      },
      { clock: recordingClock(), signal: controller.signal },
    );
    await expect(failure).rejects.toThrow('case timed out');
    expect(calls).toBe(1);
  });

  test('an already aborted signal runs nothing', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stopped'));
    let calls = 0;
    await expect(
      withRetry(
        async () => {
          calls += 1;
        },
        { clock: recordingClock(), signal: controller.signal },
      ),
    ).rejects.toThrow('stopped');
    expect(calls).toBe(0);
  });
});
