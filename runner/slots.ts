interface Waiter {
  priority: number;
  seq: number;
  grant: () => void;
}

/**
 * The run's case slots, shared by the properties in flight so that one property's last, slow cases
 * do not leave the cluster idle: the next property fills the free slots. Waiters with a lower
 * priority number (an earlier property) are served first, so a property never starves the one
 * before it (which may still be confirming or shrinking a failure).
 */
export class Slots {
  private free: number;
  private seq = 0;
  private readonly waiting: Waiter[] = [];

  constructor(count: number) {
    if (!Number.isInteger(count) || count < 1)
      throw new Error(`slot count must be a whole number ≥ 1, not ${count}`);
    this.free = count;
  }

  /** Resolves with a release function once a slot is free. */
  acquire(priority: number): Promise<() => void> {
    return new Promise((resolve) => {
      const grant = (): void => {
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.release();
        });
      };
      if (this.free > 0) {
        this.free -= 1;
        grant();
        return;
      }
      this.waiting.push({ priority, seq: this.seq++, grant });
      this.waiting.sort((a, b) => a.priority - b.priority || a.seq - b.seq);
    });
  }

  /** Runs task while holding a slot. */
  async with<T>(priority: number, task: () => Promise<T>): Promise<T> {
    const release = await this.acquire(priority);
    try {
      return await task();
    } finally {
      release();
    }
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next.grant();
    else this.free += 1;
  }
}
