// @ts-nocheck
import type { V1ObjectMeta } from '@kubernetes/client-node';
import type { Clock } from './clock';
import type { ListResult, WatchEnd, WatchEventType, WatchHandle } from './cluster-port';
import { withRetry } from './retry';

export interface ResumingWatchOptions<T> {
  /** Names the watch in gap messages, e.g. `pods in kp-run-case`. */
  what: string;
  clock: Clock;
  signal: AbortSignal;
  /** Starts the underlying watch from a resourceVersion (a ClusterPort watch method, bound). */
  start: (
    resourceVersion: string,
    onEvent: (type: WatchEventType, object: T) => void,
    onEnd: (end: WatchEnd) => void,
  ) => Promise<WatchHandle>;
  /** Lists the current objects after 410 Gone; absent when the kind cannot be listed. */
  relist?: () => Promise<ListResult<T>>;
  onEvent: (type: WatchEventType, object: T) => void;
  /** Relisted objects after 410 Gone; returns a gap description if anything could have been missed. */
  onRelist?: (items: T[]) => string | undefined;
  /** The record has a hole: called with what could have been missed. */
  onGap: (what: string) => void;
  maxAttempts?: number;
  random?: () => number;
}

/** A watch closed this many times in a row without delivering anything is given up. */
const MAX_EMPTY_RESUMES = 5;

/**
 * A watch that survives the server closing it: resumes from the last resourceVersion it saw, and on
 * 410 Gone relists and resumes from the list's version. Whatever it cannot recover is reported as a
 * gap, so the case is judged inconclusive instead of on a partial record.
 */
export class ResumingWatch<T extends { metadata?: V1ObjectMeta }> {
  private lastRv = '';
  private handle: WatchHandle | undefined;
  private stopped = false;
  private emptyResumes = 0;
  private deliveredSinceOpen = 0;
  private work: Promise<void> = Promise.resolve();
  /** How often the watch was resumed and relisted (for tests and diagnostics). */
  readonly stats = { resumes: 0, relists: 0 };

  constructor(private readonly options: ResumingWatchOptions<T>) {}

  /** Opens the watch; rejects when it cannot be opened at all (after retries). */
  async start(resourceVersion: string): Promise<void> {
    this.lastRv = resourceVersion;
    await this.open();
  }

  /** Stops for good and waits for any resume in progress to settle. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.handle?.stop();
    await this.work;
  }

  private async open(): Promise<void> {
    this.deliveredSinceOpen = 0;
    const handle = await withRetry(
      () =>
        this.options.start(
          this.lastRv,
          (type, object) => this.onEvent(type, object),
          (end) => this.onEnd(end),
        ),
      {
        clock: this.options.clock,
        signal: this.options.signal,
        maxAttempts: this.options.maxAttempts,
        random: this.options.random,
      },
    );
    this.handle = handle;
    if (this.stopped) handle.stop();
  }

  private onEvent(type: WatchEventType, object: T): void {
    if (this.stopped) return;
    this.deliveredSinceOpen += 1;
    this.emptyResumes = 0;
    const rv = object.metadata?.resourceVersion;
    if (rv) this.lastRv = rv;
    this.options.onEvent(type, object);
  }

  private onEnd(end: WatchEnd): void {
    if (this.stopped || end.reason === 'stopped') return;
    this.handle = undefined;
    this.work = this.work.then(() => (end.reason === 'gone' ? this.relistAndResume() : this.resume()));
  }

  private async resume(): Promise<void> {
    if (this.stopped) return;
    if (this.deliveredSinceOpen === 0) this.emptyResumes += 1;
    if (this.emptyResumes > MAX_EMPTY_RESUMES) {
      this.options.onGap(`${this.options.what}: watch kept closing without progress; given up`);
      return;
    }
    this.stats.resumes += 1;
    await this.guard(() => this.open());
  }

  private async relistAndResume(): Promise<void> {
    if (this.stopped) return;
    this.stats.relists += 1;
    const { relist, onRelist } = this.options;
    await this.guard(async () => {
      if (!relist) {
        this.options.onGap(`${this.options.what}: watch expired (410 Gone) and this kind cannot be relisted`);
        this.lastRv = '';
      } else {
        const list = await withRetry(relist, {
          clock: this.options.clock,
          signal: this.options.signal,
          maxAttempts: this.options.maxAttempts,
          random: this.options.random,
        });
        const gap = onRelist?.(list.items);
        if (gap) this.options.onGap(`${this.options.what}: watch expired (410 Gone): ${gap}`);
        this.lastRv = list.resourceVersion;
      }
      if (!this.stopped) await this.open();
    });
  }

  /** A resume that fails for good (retries exhausted, aborted) leaves a hole in the record. */
  private async guard(operation: () => Promise<void>): Promise<void> {
    try {
      await operation();
    } catch (error) {
      if (this.stopped || this.options.signal.aborted) return;
      const reason = error instanceof Error ? error.message : String(error);
      this.options.onGap(`${this.options.what}: watch could not be resumed (${reason})`);
    }
  }
}
