// @ts-nocheck
import type { Clock } from '../clock';

export interface WaitOutcome {
  done: boolean;
  /** The last state the check reported, for the timeout message. */
  lastSeen: string;
  waitedMs: number;
}

/**
 * Polls `check` until it reports done or the deadline passes. Every wait has a name and a
 * deadline, and a timeout reports the last state seen instead of just "timed out".
 */
export async function waitFor(
  name: string,
  options: { clock: Clock; deadlineMs: number; pollMs: number; signal: AbortSignal },
  check: () => Promise<{ done: boolean; seen: string }>,
): Promise<WaitOutcome> {
  const start = options.clock.now();
  let lastSeen = `${name}: not checked yet`;
  for (;;) {
    options.signal.throwIfAborted();
    const state = await check();
    lastSeen = state.seen;
    const waitedMs = options.clock.now() - start;
    if (state.done) return { done: true, lastSeen, waitedMs };
    if (waitedMs + options.pollMs > options.deadlineMs) return { done: false, lastSeen, waitedMs };
    await options.clock.sleep(options.pollMs, options.signal);
  }
}
