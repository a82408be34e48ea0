// @ts-nocheck
import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { type Amounts, podRequests } from './kubelet/pod-resources';
import { canonicalAmount } from './kubelet/quantity';

export type ScheduleResult = { node: string } | { unschedulable: string };

/** Allocatable per resource; a resource only patched into capacity (extended resources) counts too. */
function allocatable(node: V1Node): Amounts {
  const result: Amounts = {};
  const capacity = node.status?.capacity ?? {};
  const alloc = node.status?.allocatable ?? {};
  for (const [name, value] of Object.entries({ ...capacity, ...alloc })) {
    result[name] = canonicalAmount(name, value);
  }
  return result;
}

/**
 * The NodeResourcesFit filter of the default scheduler: a pod fits a node when, for every resource it
 * requests, the node's allocatable minus what bound pods request covers it
 * (pkg/scheduler/framework/plugins/noderesources/fit.go fitsRequest).
 */
export function schedulePod(pod: V1Pod, nodes: V1Node[], boundPods: V1Pod[]): ScheduleResult {
  const wanted = podRequests(pod);
  const reasons = new Map<string, number>();
  for (const node of nodes) {
    const name = node.metadata?.name ?? '';
    const free = allocatable(node);
    for (const bound of boundPods) {
      if (bound.spec?.nodeName !== name) continue;
      for (const [resource, value] of Object.entries(podRequests(bound))) {
        free[resource] = (free[resource] ?? 0) - value;
      }
    }
    const insufficient = Object.entries(wanted)
      .filter(([resource, value]) => value > 0 && value > (free[resource] ?? 0))
      .map(([resource]) => `Insufficient ${resource}`);
    if (insufficient.length === 0) return { node: name };
    for (const reason of insufficient) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  }
  return { unschedulable: unschedulableMessage(nodes.length, reasons) };
}

/**
 * The FailedScheduling message: reasons with node counts, sorted, then the preemption summary
 * (pkg/scheduler/framework/types.go FitError.Error; preemption's "No preemption victims found").
 */
export function unschedulableMessage(nodeCount: number, reasons: Map<string, number>): string {
  const parts = [...reasons.entries()].map(([reason, count]) => `${count} ${reason}`).sort();
  return (
    `0/${nodeCount} nodes are available: ${parts.join(', ')}. ` +
    `preemption: 0/${nodeCount} nodes are available: ${nodeCount} No preemption victims found for incoming pod..`
  );
}
