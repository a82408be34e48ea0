/**
 * Runs tasks with at most `concurrency` at once, starting them in index order. `shouldStart` is asked
 * before each start so the caller can stop early (time budget spent, failure found, run aborted).
 */
// @ts-nocheck

export async function runPool(
  count: number,
  concurrency: number,
  shouldStart: (index: number) => boolean,
  task: (index: number) => Promise<void>,
): Promise<number> {
  let next = 0;
  let started = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const index = next;
      if (!shouldStart(index)) return;
      next += 1;
      started += 1;
      await task(index);
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, () => worker());
  await Promise.all(workers);
  return started;
}
