import type { VirtualClock } from './fake-parts';

interface Timer {
  at: number;
  /** Insertion order: timers due at the same instant fire in the order they were scheduled. */
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export interface AutoAdvancingClockOptions {
  /** Virtual epoch milliseconds at start. */
  startMs?: number;
  /**
   * Jump to the next timer whenever nothing else is runnable (default true). Off, time moves only
   * through advanceBy(), for tests that step time by hand.
   */
  autoAdvance?: boolean;
}

/** 2025-01-01T00:00:00Z: a fixed start keeps traces of seeded runs identical. */
const DEFAULT_START_MS = Date.UTC(2025, 0, 1);

/**
 * Virtual time for the fake cluster. With auto-advance on, a loop yields one macrotask turn
 * (setImmediate runs only after every pending microtask has run), so when it gets control nothing
 * else is runnable, and it jumps to the next timer and fires it. A case waiting 30 virtual seconds
 * therefore finishes in milliseconds, with the same interleaving as real time. Time advances only
 * while at least one sleep() is pending, i.e. while someone is waiting for time to pass.
 */
export class AutoAdvancingClock implements VirtualClock {
  private current: number;
  private seq = 0;
  /** Sorted by (at, seq). */
  private timers: Timer[] = [];
  private looping = false;
  private stopped = false;
  /** Pending sleep() calls: time only passes while someone waits for it. */
  private sleepers = 0;
  private readonly autoAdvance: boolean;

  constructor(options: AutoAdvancingClockOptions = {}) {
    this.current = options.startMs ?? DEFAULT_START_MS;
    this.autoAdvance = options.autoAdvance ?? true;
  }

  now(): number {
    return this.current;
  }

  /** Timers not yet fired or cancelled. */
  pendingTimers(): number {
    return this.timers.filter((t) => !t.cancelled).length;
  }

  schedule(ms: number, fn: () => void): () => void {
    const timer: Timer = { at: this.current + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.insert(timer);
    this.kick();
    return () => {
      timer.cancelled = true;
    };
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      this.sleepers += 1;
      const onAbort = (): void => {
        this.sleepers -= 1;
        cancel();
        reject(signal?.reason);
      };
      const cancel = this.schedule(ms, () => {
        this.sleepers -= 1;
        signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Fires every timer due within ms, one at a time with microtasks drained in between; then sets now. */
  async advanceBy(ms: number): Promise<void> {
    const until = this.current + ms;
    for (;;) {
      await drainMicrotasks();
      const next = this.peek();
      if (!next || next.at > until) break;
      this.fire(next);
    }
    this.current = until;
    await drainMicrotasks();
  }

  /** Stops auto-advancing for good (pending timers never fire); lets a test or benchmark end cleanly. */
  stop(): void {
    this.stopped = true;
    this.timers = [];
  }

  private insert(timer: Timer): void {
    // Binary search for the first timer due strictly later; equal instants keep insertion order.
    let lo = 0;
    let hi = this.timers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.timers[mid].at <= timer.at) lo = mid + 1;
      else hi = mid;
    }
    this.timers.splice(lo, 0, timer);
  }

  private peek(): Timer | undefined {
    while (this.timers.length > 0 && this.timers[0].cancelled) this.timers.shift();
    return this.timers[0];
  }

  private fire(timer: Timer): void {
    this.timers.shift();
    this.current = Math.max(this.current, timer.at);
    timer.fn();
  }

  private kick(): void {
    if (!this.autoAdvance || this.looping || this.stopped) return;
    this.looping = true;
    setImmediate(this.step);
  }

  private readonly step = (): void => {
    // Background timers (a simulated kubelet's) alone never move time: once nobody sleeps, the loop
    // ends, so a finished test or benchmark is not kept alive by a simulation that would run forever.
    const next = this.stopped || this.sleepers === 0 ? undefined : this.peek();
    if (!next) {
      this.looping = false;
      return;
    }
    // A throwing timer surfaces as an uncaught error, but time keeps moving for everything else.
    try {
      this.fire(next);
    } finally {
      setImmediate(this.step);
    }
  };
}

/** Resolves after every microtask queued so far (and those they queue) has run. */
function drainMicrotasks(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
