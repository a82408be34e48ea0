import type { DetectedNode } from '../harness/capabilities';
import { TOPOLOGY_PODS } from '../model/networkpolicy/topology';
import { parseQuantity } from '../model/quantities';

/**
 * Case slots per allocatable CPU core. A case is mostly waiting (on the real 2-CPU v1.26.1 node the
 * default run's cases waited 2,546 s of their 2,766 s: model windows, grace periods, pod starts); its
 * pods request almost no CPU, but every pod start costs the kubelet, containerd, runc and the CNI a
 * burst of CPU, and the properties time kubelet behaviour to about a second. Measured there: 4 slots
 * ran the default run in 748 s, 6 slots gave the same verdicts (load average 8; the one new flaky
 * case was two cases sharing a node's extended resource, now locked apart) — so three per core.
 */
export const SLOTS_PER_CORE = 3;
/** Below this the run is needlessly serial: even a 1-CPU node waits out two cases' windows at once. */
export const MIN_SLOTS = 2;
/** A case holds several watches and log streams: 16 keeps the API server's load light on any cluster. */
export const MAX_SLOTS = 16;
/**
 * Pods a slot may need: the largest case (the NetworkPolicy topology's pods), twice, since the pods
 * of a finished case are still being deleted in the background while the next case in its slot
 * starts (harness/cleanup.ts runDetached). Allocatable pods is a hard per-node limit: more pods
 * than that are rejected by the kubelet (OutOfpods), which would read as failures.
 */
export const PODS_PER_SLOT = 2 * TOPOLOGY_PODS.length;

export interface ConcurrencyChoice {
  concurrency: number;
  /** What it was derived from, for the run's output and the report's options. */
  reason: string;
}

function allocatable(node: DetectedNode, resource: 'cpu' | 'pods'): number {
  const text = node.allocatable[resource];
  const value = text === undefined ? undefined : parseQuantity(text);
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * The run's concurrency from the cluster when --concurrency is not given: SLOTS_PER_CORE slots per
 * allocatable core of each schedulable node, summed, at least MIN_SLOTS, at most MAX_SLOTS and never
 * more than the schedulable nodes' allocatable pods allow (PODS_PER_SLOT each; that bound wins over
 * the minimum, though never below 1). Nodes without a readable allocatable CPU add nothing.
 */
export function chooseConcurrency(nodes: readonly DetectedNode[]): ConcurrencyChoice {
  const schedulable = nodes.filter((node) => node.schedulable);
  const cores = schedulable.reduce((sum, node) => sum + allocatable(node, 'cpu'), 0);
  const bySlotsPerCore = schedulable.reduce(
    (sum, node) => sum + Math.floor(allocatable(node, 'cpu') * SLOTS_PER_CORE),
    0,
  );
  const pods = schedulable.reduce((sum, node) => sum + allocatable(node, 'pods'), 0);
  const byPods = pods > 0 ? Math.floor(pods / PODS_PER_SLOT) : MAX_SLOTS;
  const upper = Math.max(1, Math.min(MAX_SLOTS, byPods));
  const concurrency = Math.min(upper, Math.max(MIN_SLOTS, bySlotsPerCore));
  const nodeText = `${schedulable.length} schedulable node${schedulable.length === 1 ? '' : 's'}`;
  const podText = pods > 0 ? `${pods} allocatable pods ÷ ${PODS_PER_SLOT} allow ${byPods}` : 'no pod limit';
  return {
    concurrency,
    reason:
      `from the cluster: ${nodeText}, ${round(cores)} allocatable CPU × ${SLOTS_PER_CORE} = ${bySlotsPerCore}, ` +
      `${podText}; bounds ${MIN_SLOTS}–${MAX_SLOTS}`,
  };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** --concurrency when given, else the cluster's choice. */
export function runConcurrency(
  override: number | undefined,
  nodes: readonly DetectedNode[],
): ConcurrencyChoice {
  return override === undefined
    ? chooseConcurrency(nodes)
    : { concurrency: override, reason: 'set by --concurrency' };
}
