import { ClusterError } from '../cluster-error';
import { SeededRandom } from './seeded-random';

/** Faults the fake API server injects on demand, all driven by one seed so runs replay exactly. */
export interface FaultOptions {
  seed?: number;
  /** Fraction of API calls that fail with 429 or 500 before doing anything. */
  transientErrorRate?: number;
  /**
   * Fraction of mutating calls that take effect and then fail with 500 (the response was lost):
   * the retried call then meets AlreadyExists / NotFound, as on a real cluster.
   */
  errorAfterCommitRate?: number;
  /** Virtual latency per API call in ms: a fixed value or a uniform [min, max] range. */
  latencyMs?: number | { min: number; max: number };
  /** Every watch is closed by the server after this many delivered events. */
  dropWatchAfterEvents?: number;
  /** Probability per delivered event that the server closes the watch after it. */
  dropWatchRate?: number;
  /** Probability that resuming a watch (a resourceVersion older than the newest) answers 410 Gone. */
  goneOnResumeRate?: number;
  /** Called on the API call with this 1-based count (e.g. to abort a run at a chosen point). */
  interruptAt?: { call: number; interrupt: () => void };
}

/** Which calls change state (an after-commit failure only makes sense for them). */
export type CallKind = 'read' | 'write' | 'watch';

/** Decides, call by call, which fault (if any) the fake API server injects. */
export class FaultInjector {
  private readonly random: SeededRandom;
  private count = 0;

  constructor(private readonly options: FaultOptions = {}) {
    this.random = new SeededRandom(options.seed ?? 1);
  }

  /** API calls made so far. */
  get calls(): number {
    return this.count;
  }

  /** Counts the call, fires interruptAt, and throws an injected transient error if one is due. */
  beforeCall(method: string): void {
    this.count += 1;
    const interrupt = this.options.interruptAt;
    if (interrupt && interrupt.call === this.count) interrupt.interrupt();
    if (this.random.chance(this.options.transientErrorRate ?? 0)) {
      throw this.random.chance(0.5)
        ? new ClusterError('transient', `${method}: 429 Too Many Requests (injected)`, 429)
        : new ClusterError('transient', `${method}: 500 Internal Server Error (injected)`, 500);
    }
  }

  /** Throws the lost-response error for a write that has already taken effect, if one is due. */
  afterCommit(method: string, kind: CallKind): void {
    if (kind === 'write' && this.random.chance(this.options.errorAfterCommitRate ?? 0)) {
      throw new ClusterError(
        'transient',
        `${method}: 500 Internal Server Error after commit (injected)`,
        500,
      );
    }
  }

  latencyMs(): number {
    const latency = this.options.latencyMs ?? 0;
    return typeof latency === 'number' ? latency : this.random.between(latency.min, latency.max);
  }

  /** Whether the server closes a watch after it delivered its `delivered`-th event. */
  dropWatchAfter(delivered: number): boolean {
    const after = this.options.dropWatchAfterEvents;
    if (after !== undefined && delivered >= after) return true;
    return this.random.chance(this.options.dropWatchRate ?? 0);
  }

  goneOnResume(): boolean {
    return this.random.chance(this.options.goneOnResumeRate ?? 0);
  }
}
