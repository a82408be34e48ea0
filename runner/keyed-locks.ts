/**
 * Mutual exclusion by key across the run's properties: a task with a key waits until every earlier
 * task with the same key has finished (first come, first served); a task without a key runs at
 * once. Cases that change the same cluster-wide state (harness/shared-cluster-state.ts) take their
 * key before their slot, so a waiting case never holds a slot idle.
 */
export class KeyedLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async with<T>(key: string | undefined, task: () => Promise<T>): Promise<T> {
    if (key === undefined) return task();
    const previous = this.tails.get(key) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    this.tails.set(key, tail);
    await previous;
    try {
      return await task();
    } finally {
      release();
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
