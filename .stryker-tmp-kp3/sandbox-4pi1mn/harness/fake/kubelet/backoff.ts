/** Crash-loop back-off of container restarts (pkg/kubelet/kubelet.go backOffPeriod, MaxContainerBackOff). */
// @ts-nocheck

export const INITIAL_BACKOFF_SECONDS = 10;
export const MAX_BACKOFF_SECONDS = 300;

/**
 * Delay before restarting a container that has already restarted `restartCount` times: the first
 * restart is immediate, then 10 s doubling up to 300 s (client-go util/flowcontrol/backoff.go Next,
 * applied by kuberuntime_manager.go doBackOff).
 */
export function restartDelaySeconds(restartCount: number): number {
  if (restartCount <= 0) return 0;
  return Math.min(INITIAL_BACKOFF_SECONDS * 2 ** (restartCount - 1), MAX_BACKOFF_SECONDS);
}
