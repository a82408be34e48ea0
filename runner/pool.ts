/**
 * Runs tasks with at most `concurrency` at once, starting them in index order. `shouldStart` is asked
 * before each start so the caller can stop early (time budget spent, failure found, run aborted).
 * `onLastStarted` is called once, as soon as no further task will start, with the number started.
 */
export async function runPool(
  count: number,
  concurrency: number,
  shouldStart: (index: number) => boolean,
  task: (index: number) => Promise<void>,
  onLastStarted: (started: number) => void = () => undefined,
): Promise<number> {
  let next = 0;
  let started = 0;
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    onLastStarted(started);
  };
  const worker = async (): Promise<void> => {
    while (next < count && !stopped) {
      const index = next;
      if (!shouldStart(index)) {
        stop();
        return;
      }
      next += 1;
      started += 1;
      const running = task(index);
      if (next === count) stop();
      await running;
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(concurrency, count)) }, () => worker());
  await Promise.all(workers);
  stop();
  return started;
}
