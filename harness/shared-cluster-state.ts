import type { Scenario } from '../model/scenario';

/** The one key of node-wide state: cases holding it run one at a time. */
export const NODE_STATE_KEY = 'node-wide state (extended resources, eviction manager)';

/**
 * The cluster-wide state a case changes or depends on, as a lock key, or undefined. Two resources
 * cases interfere through the node:
 * - one advertising an extended resource (harness/run-case.ts patchNodeCapacity, restored at its end)
 *   would count another's pods against its capacity, or restore it under the other (seen on the
 *   v1.26.1 node at 6 slots: "0/1 nodes are available: 1 Insufficient example.com/dongle" for a pod
 *   that fit);
 * - one whose pod writes past its ephemeral-storage limit waits for the kubelet's eviction manager,
 *   which after each eviction waits for the evicted pods' cleanup before it evicts again
 *   (eviction_manager.go synchronize, waitForPodsCleanup, up to 30 s): on the v1.23.13 node six
 *   eviction cases at once were evicted 30–60 s late, after their observation had ended.
 */
export function sharedClusterState(scenario: Scenario): string | undefined {
  if (scenario.family !== 'resources') return undefined;
  const writes = [...scenario.pod.initContainers, ...scenario.pod.containers].some(
    (c) => (c.behaviour.writeEphemeralMi ?? 0) > 0,
  );
  return scenario.extendedCapacity !== undefined || writes ? NODE_STATE_KEY : undefined;
}
