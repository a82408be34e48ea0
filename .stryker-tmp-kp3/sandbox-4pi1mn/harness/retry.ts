// @ts-nocheck
import { ClusterError } from './cluster-error';
import type { Clock } from './clock';

export interface RetryOptions {
  clock: Clock;
  /** Aborting stops waiting at once and rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Attempts including the first. */
  maxAttempts?: number;
  /** Ceiling of the first back-off; doubles per attempt. */
  baseDelayMs?: number;
  /** No single back-off is longer than this. */
  maxDelayMs?: number;
  /** A uniform random number in [0, 1); injected so tests are deterministic. */
  random?: () => number;
  isRetryable?: (error: unknown) => boolean;
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

export const DEFAULT_MAX_ATTEMPTS = 5;
export const DEFAULT_BASE_DELAY_MS = 200;
export const DEFAULT_MAX_DELAY_MS = 5000;

/** ClusterError.retryable: 429/5xx/timeouts/resets (transient) and 409 (conflict). */
export function isRetryableClusterError(error: unknown): boolean {
  return error instanceof ClusterError && error.retryable;
}

/**
 * Back-off before retry number `attempt` (1-based): "equal jitter", half of the capped exponential
 * ceiling plus a random part of the other half, so retries never fire at once and clients that
 * failed together spread out.
 */
export function backoffDelay(
  attempt: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: number,
): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
  return ceiling / 2 + random * (ceiling / 2);
}

/** Runs operation until it succeeds, fails with a non-retryable error, or attempts run out. */
export async function withRetry<T>(
  operation: (attempt: number) => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const baseDelayMs = options.baseDelayMs ?? DEFAULT_BASE_DELAY_MS;
  const maxDelayMs = options.maxDelayMs ?? DEFAULT_MAX_DELAY_MS;
  const random = options.random ?? Math.random;
  const isRetryable = options.isRetryable ?? isRetryableClusterError;
  for (let attempt = 1; ; attempt++) {
    options.signal?.throwIfAborted();
    try {
      return await operation(attempt);
    } catch (error) {
      if (attempt >= maxAttempts || !isRetryable(error)) throw error;
      const delayMs = backoffDelay(attempt, baseDelayMs, maxDelayMs, random());
      options.onRetry?.(error, attempt, delayMs);
      await options.clock.sleep(delayMs, options.signal);
    }
  }
}
