/** Grace-period arithmetic of the kubelet's container kill path, in seconds. */
import { atLeast, type ServerVersion } from '../../../model/capabilities';

/** pkg/kubelet/kuberuntime/kuberuntime_manager.go minimumGracePeriodInSeconds. */
export const MINIMUM_GRACE_SECONDS = 2;

/**
 * The kubelet never uses less than 1 s for a pod kill (pkg/kubelet/pod_workers.go
 * calculateEffectiveGracePeriod); model/termination-plan.ts kubeletGraceSeconds has the release change.
 */
export function effectivePodGrace(
  gracePeriodSeconds: number,
  specGraceSeconds: number,
  version: ServerVersion,
): number {
  // Before 1.27 the pod worker took a zero deletionGracePeriodSeconds as unset and used the spec's period.
  if (gracePeriodSeconds === 0 && !atLeast(version, 27)) return Math.max(1, specGraceSeconds);
  return Math.max(1, gracePeriodSeconds);
}

export interface KillSchedule {
  /** Seconds from the kill's start until the kubelet stops waiting for preStop and asks the runtime to stop. */
  sigtermAfter: number;
  /** Seconds from SIGTERM until SIGKILL. */
  sigkillAfterSigterm: number;
}

/**
 * preStop runs first, bounded by the grace period; its whole elapsed seconds are subtracted from the
 * period and the remainder is raised to the 2 s minimum before StopContainer
 * (pkg/kubelet/kuberuntime/kuberuntime_container.go killContainer).
 */
export function killSchedule(graceSeconds: number, preStopSeconds: number | undefined): KillSchedule {
  const hook = preStopSeconds === undefined ? 0 : Math.min(preStopSeconds, graceSeconds);
  const remainder = Math.max(graceSeconds - Math.floor(hook), MINIMUM_GRACE_SECONDS);
  return { sigtermAfter: hook, sigkillAfterSigterm: remainder };
}
