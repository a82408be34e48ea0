/** Crash-loop back-off of container restarts (pkg/kubelet/kubelet.go backOffPeriod, MaxContainerBackOff). */
export const INITIAL_BACKOFF_SECONDS = 10;
export const MAX_BACKOFF_SECONDS = 300;

/**
 * One container's entry in the kubelet's restart back-off: client-go util/flowcontrol/backoff.go Backoff
 * (NewBackOff: no jitter), keyed per container (kuberuntime helpers.go getStableKey). Instants are epoch ms.
 */
export class RestartBackOff {
  private entry: { seconds: number; lastUpdate: number } | undefined;

  /** Get: the current back-off in seconds, 0 without an entry. */
  get seconds(): number {
    return this.entry?.seconds ?? 0;
  }

  /** IsInBackOffSince: an entry, not expired, whose back-off has not yet passed since `eventTime`. */
  inBackOffSince(eventTime: number, now: number): boolean {
    if (!this.entry || expired(eventTime, this.entry.lastUpdate)) return false;
    return now - eventTime < this.entry.seconds * 1000;
  }

  /** Next: a fresh 10 s entry when there is none or it expired, else the back-off doubled, up to 300 s. */
  next(eventTime: number, now: number): void {
    const fresh = !this.entry || expired(eventTime, this.entry.lastUpdate);
    const seconds = fresh ? INITIAL_BACKOFF_SECONDS : Math.min(this.seconds * 2, MAX_BACKOFF_SECONDS);
    this.entry = { seconds, lastUpdate: now };
  }
}

/** hasExpired: an instance that finished over twice the maximum back-off (600 s) after the last Next starts afresh. */
function expired(eventTime: number, lastUpdate: number): boolean {
  return eventTime - lastUpdate > 2 * MAX_BACKOFF_SECONDS * 1000;
}

/**
 * When the kubelet restarts an instance that exited at `exitedAt` (kuberuntime_manager.go doBackOff). The sync
 * that would start its successor reads the finishedAt of the newest exited instance in its pod status, `seen`:
 * after an exit on its own, this instance (a later sync saw it exit); after a kill by the kubelet (liveness,
 * startup), the instance before it, as SyncPod kills and starts in one sync on the status from before the kill,
 * and none for the first such kill (then no back-off and no Next). Outside the back-off since `seen` it restarts
 * at once (Next); inside, that sync gives up (CrashLoopBackOff with the current back-off) and a later one, which
 * sees this instance, restarts it once the back-off has passed since its exit (Next then).
 */
export function restartAt(
  backOff: RestartBackOff,
  seen: number | undefined,
  exitedAt: number,
  now: number,
): { at: number; backOffSeconds: number } {
  if (seen === undefined) return { at: now, backOffSeconds: 0 };
  if (!backOff.inBackOffSince(seen, now)) {
    backOff.next(seen, now);
    return { at: now, backOffSeconds: 0 };
  }
  const backOffSeconds = backOff.seconds;
  const at = Math.max(now, exitedAt + backOffSeconds * 1000);
  backOff.next(exitedAt, at);
  return { at, backOffSeconds };
}
