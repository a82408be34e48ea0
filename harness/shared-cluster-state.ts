import type { Scenario } from '../model/scenario';

/**
 * The cluster-wide state a case changes and other cases read, as a lock key, or undefined. A
 * resources case advertises its extended resource on a node (harness/run-case.ts patchNodeCapacity)
 * and restores it at its end: two such cases at once would count each other's pods against the one
 * capacity, or one would restore the capacity under the other (seen on the v1.26.1 node at 6 slots:
 * "0/1 nodes are available: 1 Insufficient example.com/dongle" for a pod that fit).
 */
export function sharedClusterState(scenario: Scenario): string | undefined {
  if (scenario.family === 'resources' && scenario.extendedCapacity !== undefined)
    return `node capacity ${scenario.extendedCapacity.resource}`;
  return undefined;
}
