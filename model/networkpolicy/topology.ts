import type { NetworkPolicyScenario } from '../scenario/families';
import {
  NETPOL_NAMESPACES,
  NETPOL_PODS,
  NETPOL_PORTS,
  NETPOL_SCTP_PORTS,
  NETPOL_UPDATED_LABEL,
  type NetpolNamespace,
  type NetpolPodName,
} from '../scenario/policies';

/** Which pods and namespaces carry NETPOL_UPDATED_LABEL in a scenario's state (none when absent). */
export type Labelled = NetworkPolicyScenario['labelled'];

const updated = { [NETPOL_UPDATED_LABEL.key]: NETPOL_UPDATED_LABEL.value };

/** A topology pod as "<namespace>/<pod>", e.g. "x/a" (upstream netpol e2e's PodString). */
export type PodId = `${NetpolNamespace}/${NetpolPodName}`;
export type NetpolProtocol = 'TCP' | 'UDP' | 'SCTP';

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

/** A port every topology pod serves, its container port named `name`. */
export interface ServedPort {
  port: number;
  protocol: NetpolProtocol;
  name: string;
}

/** Every port a topology pod may serve: the named ports a policy can resolve. */
export const ALL_SERVED_PORTS: readonly ServedPort[] = [...NETPOL_PORTS, ...NETPOL_SCTP_PORTS];

/** The ports the topology serves: NETPOL_PORTS, plus NETPOL_SCTP_PORTS when the run carries SCTP. */
export function servedPorts(sctp: boolean): readonly ServedPort[] {
  return sctp ? ALL_SERVED_PORTS : NETPOL_PORTS;
}

function cellsOf(ports: readonly ServedPort[]): readonly NetpolCell[] {
  return TOPOLOGY_PODS.flatMap((from) =>
    TOPOLOGY_PODS.flatMap((to) =>
      ports.map((p): NetpolCell => ({ from: from.id, to: to.id, port: p.port, protocol: p.protocol })),
    ),
  );
}

const CELLS = { withSctp: cellsOf(servedPorts(true)), withoutSctp: cellsOf(servedPorts(false)) };

/** Every cell of the matrix: source × destination × served port, loopback included (built once). */
export function allCells(sctp: boolean): readonly NetpolCell[] {
  return sctp ? CELLS.withSctp : CELLS.withoutSctp;
}

/** The cells that are probed and judged: every cell except loopback. */
export function assertedCells(sctp: boolean): NetpolCell[] {
  return allCells(sctp).filter((cell) => !isLoopback(cell));
}
