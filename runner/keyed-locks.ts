/**
 * Mutual exclusion by key across the run's properties: a task waits until every earlier task holding
 * one of its keys has finished (first come, first served per key; keys are taken in sorted order, so
 * two tasks never wait on each other); a task without keys runs at once. Cases that change the same
 * cluster-wide state (harness/shared-cluster-state.ts) take their keys before their slot, so a
 * waiting case never holds a slot idle.
 */
export class KeyedLocks {
  private readonly tails = new Map<string, Promise<void>>();

  async with<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const [first, ...rest] = [...new Set(keys)].sort();
    if (first === undefined) return task();
    const previous = this.tails.get(first) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    this.tails.set(first, tail);
    await previous;
    try {
      return await this.with(rest, task);
    } finally {
      release();
      if (this.tails.get(first) === tail) this.tails.delete(first);
    }
  }
}
