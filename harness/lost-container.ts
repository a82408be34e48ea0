import type { V1ContainerStateTerminated, V1ContainerStatus } from '@kubernetes/client-node';

/** The reason the kubelet gives a container instance it can no longer find in the runtime. */
export const LOST_CONTAINER_REASON = 'ContainerStatusUnknown';

/**
 * The kubelet's stand-in for a container instance the runtime no longer knows: when a container is
 * removed before its termination was posted, the kubelet reports exit code 137, reason
 * ContainerStatusUnknown and no container ID (pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses).
 * Its exit code is invented, and there is no log behind it (validateContainerLogStatus answers
 * "is terminated").
 */
export function isLostStandIn(terminated: V1ContainerStateTerminated | undefined): boolean {
  return terminated?.reason === LOST_CONTAINER_REASON && !terminated.containerID;
}

/** A container status that shows only such a stand-in: no instance with a log of its own. */
export function showsLostInstance(status: V1ContainerStatus): boolean {
  if (status.containerID) return false;
  return isLostStandIn(status.state?.terminated ?? status.lastState?.terminated);
}
