import type { NetworkPolicyScenario } from '../scenario/families';
import {
  NETPOL_NAMESPACES,
  NETPOL_PODS,
  NETPOL_PORTS,
  NETPOL_UPDATED_LABEL,
  type NetpolNamespace,
  type NetpolPodName,
} from '../scenario/policies';

/** Which pods and namespaces carry NETPOL_UPDATED_LABEL in a scenario's state (none when absent). */
export type Labelled = NetworkPolicyScenario['labelled'];

const updated = { [NETPOL_UPDATED_LABEL.key]: NETPOL_UPDATED_LABEL.value };

/** A topology pod as "<namespace>/<pod>", e.g. "x/a" (upstream netpol e2e's PodString). */
export type PodId = `${NetpolNamespace}/${NetpolPodName}`;
export type NetpolProtocol = 'TCP' | 'UDP';

/** Label keys of the topology: pods carry `pod: a|b|c`, namespaces `ns: x|y|z`. */
export const POD_LABEL_KEY = 'pod';
export const NAMESPACE_LABEL_KEY = 'ns';
/**
 * The label the API server puts on every namespace, its value the namespace's name
 * (staging/src/k8s.io/api/core/v1/well_known_labels.go LabelMetadataName). Scenarios write its
 * values symbolically ("x"); the manifest mapper puts in the case's real namespace names.
 */
export const NAMESPACE_NAME_LABEL_KEY = 'kubernetes.io/metadata.name';

export interface TopologyPod {
  id: PodId;
  namespace: NetpolNamespace;
  pod: NetpolPodName;
}

export const TOPOLOGY_PODS: readonly TopologyPod[] = NETPOL_NAMESPACES.flatMap((namespace) =>
  NETPOL_PODS.map((pod): TopologyPod => ({ id: `${namespace}/${pod}`, namespace, pod })),
);

/** A pod's labels: `pod: a|b|c`, plus NETPOL_UPDATED_LABEL once a mutation gave it that label. */
export function podLabels(pod: TopologyPod, labelled?: Labelled): Record<string, string> {
  return { [POD_LABEL_KEY]: pod.pod, ...(labelled?.pods.includes(pod.id) === true && updated) };
}

/** The labels kubeprop gives a topology namespace. */
export function namespaceLabels(namespace: NetpolNamespace): Record<string, string> {
  return { [NAMESPACE_LABEL_KEY]: namespace };
}

/**
 * The labels a namespaceSelector sees on a topology namespace: kubeprop's, plus
 * `kubernetes.io/metadata.name` (symbolic: the namespace's topology name), which the API server sets
 * to the name on every create and update: pkg/registry/core/namespace/strategy.go
 * namespaceStrategy.Canonicalize and pkg/apis/core/v1/defaults.go SetDefaults_Namespace (feature gate
 * NamespaceDefaultLabelName, beta 1.21, GA 1.22; kubernetes.io docs "Well-Known Labels, Annotations
 * and Taints"). Every supported release (1.22+) sets it.
 */
export function selectableNamespaceLabels(
  namespace: NetpolNamespace,
  labelled?: Labelled,
): Record<string, string> {
  return {
    ...namespaceLabels(namespace),
    [NAMESPACE_NAME_LABEL_KEY]: namespace,
    ...(labelled?.namespaces.includes(namespace) === true && updated),
  };
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
