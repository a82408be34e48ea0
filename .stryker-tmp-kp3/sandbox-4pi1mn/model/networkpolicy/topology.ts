// @ts-nocheck
import {
  NETPOL_NAMESPACES,
  NETPOL_PODS,
  NETPOL_PORTS,
  type NetpolNamespace,
  type NetpolPodName,
} from '../scenario/policies';

/** A topology pod as "<namespace>/<pod>", e.g. "x/a" (upstream netpol e2e's PodString). */
export type PodId = `${NetpolNamespace}/${NetpolPodName}`;
export type NetpolProtocol = 'TCP' | 'UDP';

/** Label keys of the topology: pods carry `pod: a|b|c`, namespaces `ns: x|y|z`. */
export const POD_LABEL_KEY = 'pod';
export const NAMESPACE_LABEL_KEY = 'ns';

export interface TopologyPod {
  id: PodId;
  namespace: NetpolNamespace;
  pod: NetpolPodName;
}

export const TOPOLOGY_PODS: readonly TopologyPod[] = NETPOL_NAMESPACES.flatMap((namespace) =>
  NETPOL_PODS.map((pod): TopologyPod => ({ id: `${namespace}/${pod}`, namespace, pod })),
);

export function podLabels(pod: TopologyPod): Record<string, string> {
  return { [POD_LABEL_KEY]: pod.pod };
}

export function namespaceLabels(namespace: NetpolNamespace): Record<string, string> {
  return { [NAMESPACE_LABEL_KEY]: namespace };
}

export function topologyPod(id: PodId): TopologyPod {
  const [namespace, pod] = id.split('/') as [NetpolNamespace, NetpolPodName];
  return { id, namespace, pod };
}

/** One probe of the reachability matrix: a connection from one pod to a port of another. */
export interface NetpolCell {
  from: PodId;
  to: PodId;
  port: number;
  protocol: NetpolProtocol;
}

/** The field name a cell has in expectations and observations, e.g. "x/a->y/b:80/TCP". */
export function cellName(cell: NetpolCell): string {
  return `${cell.from}->${cell.to}:${cell.port}/${cell.protocol}`;
}

/** Loopback (a pod to itself) is not asserted, as upstream (netpol/network_policy.go ignoreLoopback). */
export function isLoopback(cell: NetpolCell): boolean {
  return cell.from === cell.to;
}

const ALL_CELLS: readonly NetpolCell[] = TOPOLOGY_PODS.flatMap((from) =>
  TOPOLOGY_PODS.flatMap((to) =>
    NETPOL_PORTS.map((p): NetpolCell => ({ from: from.id, to: to.id, port: p.port, protocol: p.protocol })),
  ),
);

/** Every cell of the matrix: source × destination × served port, loopback included (built once). */
export function allCells(): readonly NetpolCell[] {
  return ALL_CELLS;
}

/** The cells that are probed and judged: every cell except loopback. */
export function assertedCells(): NetpolCell[] {
  return ALL_CELLS.filter((cell) => !isLoopback(cell));
}
