/**
 * The kubelet's event budget per involved object. client-go's event correlator (tools/record,
 * events_cache.go, v1.26: EventCorrelator.EventCorrelate) runs every event, including a repeat that
 * would only PATCH an existing event's count, through EventSourceObjectSpamFilter.Filter after
 * aggregating and counting it. The filter keeps one token bucket per getSpamKey (source component and
 * host, involvedObject kind, namespace, name, uid and apiVersion; not the field path, type, reason or
 * message), so every container of a pod draws on one budget. An event finding the bucket empty is
 * dropped; its count is still kept (eventLogger.eventObserve runs first), so a later repeat that gets
 * through arrives with the count jumped.
 */

/** events_cache.go defaultSpamBurst: a source may send 25 events about an object at once. */
export const EVENT_SPAM_BURST = 25;

/** events_cache.go defaultSpamQPS = 1/300: then one more every 5 minutes. */
export const EVENT_SPAM_REFILL_SECONDS = 300;

/** A token bucket (flowcontrol.NewTokenBucketPassiveRateLimiterWithClock over golang.org/x/time/rate). */
export interface TokenBucket {
  tokens: number;
  /** Epoch ms the tokens were counted at. */
  at: number;
}

/** The bucket's tokens at `at` (epoch ms): a new bucket is full; tokens refill continuously up to the burst. */
function tokensAt(bucket: TokenBucket | undefined, at: number): number {
  if (!bucket) return EVENT_SPAM_BURST;
  const refill = Math.max(0, at - bucket.at) / (EVENT_SPAM_REFILL_SECONDS * 1000);
  return Math.min(EVENT_SPAM_BURST, bucket.tokens + refill);
}

/** One TryAccept at `at` (epoch ms): takes a whole token if there is one. */
export function tryAccept(
  bucket: TokenBucket | undefined,
  at: number,
): { accepted: boolean; bucket: TokenBucket } {
  const tokens = tokensAt(bucket, at);
  const accepted = tokens >= 1;
  return { accepted, bucket: { tokens: accepted ? tokens - 1 : tokens, at: Math.max(at, bucket?.at ?? at) } };
}

export interface EventBudget {
  /** Events the object's source tried to send up to the instant. */
  attempts: number;
  /** Of those, the ones the spam filter let through. */
  sent: number;
  /** The fewest tokens the bucket held at any moment up to the instant (right after an attempt, or at it). */
  lowest: number;
  /** Whether an event tried at some moment up to the instant could have been dropped: less than one token. */
  couldBeSpent: boolean;
}

/**
 * Replays the attempts (epoch ms) of one spam key through the bucket up to `at`; later attempts are
 * left out. Where an attempt's instant is uncertain, pass its latest possible instant: less refill
 * makes the budget look spent sooner, so a missing event is then inconclusive rather than false.
 */
export function eventBudget(attempts: readonly number[], at: number): EventBudget {
  let bucket: TokenBucket | undefined;
  let sent = 0;
  let lowest: number = EVENT_SPAM_BURST;
  const before = attempts.filter((t) => t <= at).sort((a, b) => a - b);
  for (const t of before) {
    const result = tryAccept(bucket, t);
    bucket = result.bucket;
    if (result.accepted) sent += 1;
    lowest = Math.min(lowest, bucket.tokens);
  }
  lowest = Math.min(lowest, tokensAt(bucket, at));
  return { attempts: before.length, sent, lowest, couldBeSpent: lowest < 1 };
}
