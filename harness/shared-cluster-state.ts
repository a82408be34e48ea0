import type { Scenario } from '../model/scenario';

/** A node's advertised extended resource, patched by the case and restored at its end. */
export const EXTENDED_CAPACITY_KEY = 'node capacity of an extended resource';
/** The kubelet's eviction manager, which evicts one round of pods at a time. */
export const EVICTION_MANAGER_KEY = 'node eviction manager';

/**
 * The cluster-wide state a case changes or depends on, as lock keys (none for most cases). Two
 * resources cases interfere through the node:
 * - one advertising an extended resource (harness/run-case.ts patchNodeCapacity, restored at its end)
 *   would count another's pods against its capacity, or restore it under the other (seen on the
 *   v1.26.1 node at 6 slots: "0/1 nodes are available: 1 Insufficient example.com/dongle" for a pod
 *   that fit);
 * - one whose pod writes past its ephemeral-storage limit waits for the kubelet's eviction manager,
 *   which after each eviction waits for the evicted pods' cleanup before it evicts again
 *   (eviction_manager.go synchronize, waitForPodsCleanup, up to 30 s): on the v1.23.13 node six
 *   eviction cases at once were evicted 30–60 s late, after their observation had ended.
 * The two do not interfere with each other, so they are separate keys.
 */
export function sharedClusterState(scenario: Scenario): string[] {
  if (scenario.family !== 'resources') return [];
  const writes = [...scenario.pod.initContainers, ...scenario.pod.containers].some(
    (c) => (c.behaviour.writeEphemeralMi ?? 0) > 0,
  );
  return [
    ...(scenario.extendedCapacity !== undefined ? [EXTENDED_CAPACITY_KEY] : []),
    ...(writes ? [EVICTION_MANAGER_KEY] : []),
  ];
}
