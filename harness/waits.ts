import type { Clock } from './clock';

/** Lets waits re-check their condition as soon as something they look at changed. */
export class ChangeNotifier {
  private listeners = new Set<() => void>();

  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves on the next notify(); the returned cancel stops listening. */
  next(): { changed: Promise<void>; cancel: () => void } {
    let listener: () => void = () => undefined;
    const changed = new Promise<void>((resolve) => {
      listener = () => {
        this.listeners.delete(listener);
        resolve();
      };
      this.listeners.add(listener);
    });
    return { changed, cancel: () => this.listeners.delete(listener) };
  }
}

/** What a condition reports each time it is checked: whether it holds, and what it saw (for timeouts). */
export interface ConditionState {
  done: boolean;
  lastSeen: string;
}

export interface Condition {
  /** Says what is awaited, e.g. `pod "p" Running`; it names the wait in the trace and in messages. */
  name: string;
  check(): ConditionState | Promise<ConditionState>;
}

export interface WaitOptions {
  clock: Clock;
  signal: AbortSignal;
  deadlineMs: number;
  /** Re-check at least this often even without a change notice (conditions that poll the API). */
  pollMs?: number;
  changes?: ChangeNotifier;
}

export type WaitResult =
  { ok: true; waitedMs: number } | { ok: false; waitedMs: number; lastSeen: string; message: string };

/** Without change notices, a condition is re-checked once per virtual or real second. */
const DEFAULT_POLL_MS = 1000;

/**
 * Waits until a named condition holds or its deadline passes; never a fixed sleep. On timeout the
 * result says what was last seen, so a report shows why it timed out, not only that it did.
 * Aborting the signal rejects with the signal's reason.
 */
export async function waitFor(condition: Condition, options: WaitOptions): Promise<WaitResult> {
  const { clock, signal } = options;
  const started = clock.now();
  const deadline = started + options.deadlineMs;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  for (;;) {
    signal.throwIfAborted();
    const state = await condition.check();
    const now = clock.now();
    if (state.done) return { ok: true, waitedMs: now - started };
    if (now >= deadline) {
      const seconds = ((now - started) / 1000).toFixed(1);
      return {
        ok: false,
        waitedMs: now - started,
        lastSeen: state.lastSeen,
        message: `wait for ${condition.name} timed out after ${seconds} s; last seen: ${state.lastSeen}`,
      };
    }
    await untilChangeOrTimeout(clock, signal, Math.min(pollMs, deadline - now), options.changes);
  }
}

async function untilChangeOrTimeout(
  clock: Clock,
  signal: AbortSignal,
  ms: number,
  changes: ChangeNotifier | undefined,
): Promise<void> {
  const timer = new AbortController();
  const onAbort = (): void => timer.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  const change = changes?.next();
  try {
    await Promise.race([
      clock.sleep(ms, timer.signal).catch(() => undefined),
      change?.changed ?? new Promise<void>(() => undefined),
    ]);
  } finally {
    change?.cancel();
    signal.removeEventListener('abort', onAbort);
    timer.abort();
  }
  signal.throwIfAborted();
}
