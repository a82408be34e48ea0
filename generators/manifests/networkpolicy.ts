import type {
  V1Container,
  V1LabelSelector,
  V1Namespace,
  V1NetworkPolicy,
  V1NetworkPolicyPeer,
  V1NetworkPolicyPort,
  V1Pod,
} from '@kubernetes/client-node';
import { CASE_ID_LABEL } from '../../model/labels';
import {
  NAMESPACE_NAME_LABEL_KEY,
  TOPOLOGY_PODS,
  namespaceLabels,
  podLabels,
  type NetpolProtocol,
  type PodId,
  type ServedPort,
  type TopologyPod,
} from '../../model/networkpolicy/topology';
import type { NetworkPolicyScenario } from '../../model/scenario/families';
import {
  NETPOL_NAMESPACES,
  NETPOL_PORTS,
  NETPOL_SCTP_PORTS,
  NETPOL_UPDATED_LABEL,
  type NetpolMutation,
  type NetpolNamespace,
  type NetpolPeer,
  type NetpolPort,
  type NetpolRule,
  type NetworkPolicySpec,
  type Selector,
} from '../../model/scenario/policies';

export interface NetworkPolicyManifestOptions {
  image: string;
  /**
   * The server image, when the run carries SCTP (model/networkpolicy/sctp.ts netpolSctpCells): every pod
   * then also serves NETPOL_SCTP_PORTS from it. Absent: no SCTP port is served.
   */
  sctpImage?: string;
  namespacePrefix: string;
  /** Labels every object gets (managed-by, run id, case id). */
  labels: Record<string, string>;
  caseId: string;
}

/** What naming and scoping a case's policies needs: the topology's namespaces, labels, case scope. */
export type NetpolPolicyOptions = Pick<NetworkPolicyManifestOptions, 'namespacePrefix' | 'labels' | 'caseId'>;

export interface NetpolPodManifest {
  id: PodId;
  namespace: string;
  object: { kind: 'Pod' } & V1Pod;
}

export interface NetpolPolicyManifest {
  namespace: string;
  /** ipBlock CIDRs are still symbolic: pass through resolveIpBlocks once pod IPs are known. */
  object: { kind: 'NetworkPolicy' } & V1NetworkPolicy;
}

/** The scenario's mutation as an API change (networkpolicy/updated-reachability). */
export type NetpolChange =
  /** PUT of the policy with its new spec; ipBlock CIDRs still symbolic. */
  | { kind: 'replacePolicy'; namespace: string; object: NetpolPolicyManifest['object'] }
  | { kind: 'deletePolicy'; namespace: string; name: string }
  /** Merge-patched labels on a pod (namespace given) or on a namespace (namespace undefined). */
  | { kind: 'addLabels'; namespace?: string; name: string; labels: Record<string, string> };

export interface NetworkPolicyManifests {
  namespaces: { id: NetpolNamespace; object: V1Namespace }[];
  pods: NetpolPodManifest[];
  policies: NetpolPolicyManifest[];
  change?: NetpolChange;
}

/** The trace action of the change: reachability entries before it are the first phase, after it the second. */
export const NETPOL_CHANGE_ACTION = 'netpolChange';

/** A one-line description of a change, for the trace. */
export function describeChange(change: NetpolChange): string {
  switch (change.kind) {
    case 'replacePolicy':
      return `update NetworkPolicy ${change.namespace}/${change.object.metadata?.name ?? ''}`;
    case 'deletePolicy':
      return `delete NetworkPolicy ${change.namespace}/${change.name}`;
    case 'addLabels': {
      const labels = Object.entries(change.labels)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      return change.namespace === undefined
        ? `label namespace ${change.name} ${labels}`
        : `label pod ${change.namespace}/${change.name} ${labels}`;
    }
  }
}

/** The container of every topology pod that TCP and UDP probes run in (it has nc). */
export const PROBE_CONTAINER = 'cont-80-tcp';
/** The container SCTP probes run in: a server-image container, which has `agnhost connect`. */
export const SCTP_PROBE_CONTAINER = 'cont-80-sctp';

/** The container a probe of `protocol` runs in. */
export function probeContainer(protocol: NetpolProtocol): string {
  return protocol === 'SCTP' ? SCTP_PROBE_CONTAINER : PROBE_CONTAINER;
}

/** The UDP servers answer every datagram with this word; a probe that reads it back connected. */
export const UDP_REPLY = 'pong';

export function netpolNamespaceName(prefix: string, namespace: NetpolNamespace): string {
  return `${prefix}-${namespace}`;
}

function containerName(port: ServedPort): string {
  return `cont-${port.port}-${port.protocol.toLowerCase()}`;
}

/**
 * One container per served port, as upstream netpol e2e (kubemanager.go) does, so each named port
 * is its own container port. TCP: busybox httpd, which serves connections concurrently. UDP:
 * busybox nc answering each datagram with UDP_REPLY (one peer at a time: the prober serialises
 * UDP probes per destination).
 */
function serverContainer(port: (typeof NETPOL_PORTS)[number], image: string): V1Container {
  const script =
    port.protocol === 'TCP'
      ? `mkdir -p /srv && exec httpd -f -p ${port.port} -h /srv`
      : `while true; do nc -u -l -p ${port.port} -e echo ${UDP_REPLY} || sleep 0.1; done`;
  return {
    name: containerName(port),
    image,
    imagePullPolicy: 'IfNotPresent',
    command: ['sh', '-c', script],
    ports: [{ containerPort: port.port, protocol: port.protocol, name: port.name }],
  };
}

/**
 * An SCTP port served by `agnhost porter` from the server image (its entrypoint is /agnhost), as
 * upstream's netpol model.go Container.Spec serves SCTP: SERVE_SCTP_PORT_<port> makes porter listen
 * (test/images/agnhost/porter/porter.go serveSCTPPort).
 */
export function sctpServerContainer(port: (typeof NETPOL_SCTP_PORTS)[number], image: string): V1Container {
  return {
    name: containerName(port),
    image,
    imagePullPolicy: 'IfNotPresent',
    args: ['porter'],
    env: [{ name: `SERVE_SCTP_PORT_${port.port}`, value: 'foo' }],
    ports: [{ containerPort: port.port, protocol: port.protocol, name: port.name }],
  };
}

function podManifest(
  pod: TopologyPod,
  namespace: string,
  options: NetworkPolicyManifestOptions,
): NetpolPodManifest['object'] {
  const sctpImage = options.sctpImage;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: pod.pod, namespace, labels: { ...options.labels, ...podLabels(pod) } },
    spec: {
      containers: [
        ...NETPOL_PORTS.map((port) => serverContainer(port, options.image)),
        ...(sctpImage === undefined
          ? []
          : NETPOL_SCTP_PORTS.map((port) => sctpServerContainer(port, sctpImage))),
      ],
      terminationGracePeriodSeconds: 1,
      automountServiceAccountToken: false,
      enableServiceLinks: false,
    },
  };
}

function labelSelector(selector: Selector, extra: Record<string, string> = {}): V1LabelSelector {
  const result: V1LabelSelector = { matchLabels: { ...selector.matchLabels, ...extra } };
  if (selector.matchExpressions !== undefined && selector.matchExpressions.length > 0) {
    result.matchExpressions = selector.matchExpressions.map((req) =>
      req.values === undefined
        ? { key: req.key, operator: req.operator }
        : { ...req, values: [...req.values] },
    );
  }
  return result;
}

/** The namespace selector with every `kubernetes.io/metadata.name` value ("x") the case's real name. */
function withNamespaceNames(selector: Selector, realName: (ns: NetpolNamespace) => string): Selector {
  const real = (value: string): string =>
    (NETPOL_NAMESPACES as readonly string[]).includes(value) ? realName(value as NetpolNamespace) : value;
  const labels = Object.entries(selector.matchLabels).map(([key, value]) => [
    key,
    key === NAMESPACE_NAME_LABEL_KEY ? real(value) : value,
  ]);
  const expressions = selector.matchExpressions?.map((req) =>
    req.key === NAMESPACE_NAME_LABEL_KEY && req.values !== undefined
      ? { ...req, values: req.values.map(real) }
      : req,
  );
  return {
    matchLabels: Object.fromEntries(labels),
    ...(expressions !== undefined && { matchExpressions: expressions }),
  };
}

interface PeerScope {
  /** The case label every namespaceSelector also requires. */
  caseScope: Record<string, string>;
  realName: (ns: NetpolNamespace) => string;
}

function peerManifest(peer: NetpolPeer, scope: PeerScope): V1NetworkPolicyPeer {
  // Every namespaceSelector also requires this case's label, so concurrent cases never match
  // each other's namespaces; the model only knows this case's three namespaces.
  const namespaces = (selector: Selector): V1LabelSelector =>
    labelSelector(withNamespaceNames(selector, scope.realName), scope.caseScope);
  switch (peer.kind) {
    case 'pod':
      return { podSelector: labelSelector(peer.podSelector) };
    case 'namespace':
      return { namespaceSelector: namespaces(peer.namespaceSelector) };
    case 'podInNamespace':
      return {
        podSelector: labelSelector(peer.podSelector),
        namespaceSelector: namespaces(peer.namespaceSelector),
      };
    case 'ipBlock':
      return {
        ipBlock: peer.except.length > 0 ? { cidr: peer.cidr, except: [...peer.except] } : { cidr: peer.cidr },
      };
  }
}

/** TCP is left implicit so every TCP port exercises the API default (defaults.go SetDefaults_NetworkPolicyPort). */
function portManifest(port: NetpolPort): V1NetworkPolicyPort {
  const result: V1NetworkPolicyPort = {};
  if (port.protocol !== 'TCP') result.protocol = port.protocol;
  if (port.port !== undefined) result.port = port.port;
  if (port.endPort !== undefined) result.endPort = port.endPort;
  return result;
}

function ruleParts(rule: NetpolRule, scope: PeerScope) {
  return {
    peers: rule.peers.length > 0 ? rule.peers.map((peer) => peerManifest(peer, scope)) : undefined,
    ports: rule.ports.length > 0 ? rule.ports.map(portManifest) : undefined,
  };
}

function policyManifest(
  policy: NetworkPolicySpec,
  namespace: string,
  options: NetpolPolicyOptions,
): NetpolPolicyManifest['object'] {
  const scope: PeerScope = {
    caseScope: { [CASE_ID_LABEL]: options.caseId },
    realName: (ns) => netpolNamespaceName(options.namespacePrefix, ns),
  };
  const spec: V1NetworkPolicy['spec'] = { podSelector: labelSelector(policy.podSelector) };
  if (policy.policyTypes !== undefined) spec.policyTypes = [...policy.policyTypes];
  if (policy.ingress !== undefined) {
    spec.ingress = policy.ingress.map((rule) => {
      const { peers, ports } = ruleParts(rule, scope);
      // client-node names the "from" field `_from` (its serializer writes "from").
      return { ...(peers && { _from: peers }), ...(ports && { ports }) };
    });
  }
  if (policy.egress !== undefined) {
    spec.egress = policy.egress.map((rule) => {
      const { peers, ports } = ruleParts(rule, scope);
      return { ...(peers && { to: peers }), ...(ports && { ports }) };
    });
  }
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: policy.name, namespace, labels: { ...options.labels } },
    spec,
  };
}

/**
 * The objects of one NetworkPolicy case: namespaces "<prefix>-x|y|z" labelled `ns: x|y|z` and with
 * the case label, the nine server pods labelled `pod: a|b|c`, and the policies. Pure.
 */
export function networkPolicyManifests(
  scenario: NetworkPolicyScenario,
  options: NetworkPolicyManifestOptions,
): NetworkPolicyManifests {
  const name = (ns: NetpolNamespace): string => netpolNamespaceName(options.namespacePrefix, ns);
  return {
    namespaces: NETPOL_NAMESPACES.map((id) => ({
      id,
      object: {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: {
          name: name(id),
          labels: { ...options.labels, [CASE_ID_LABEL]: options.caseId, ...namespaceLabels(id) },
        },
      },
    })),
    pods: TOPOLOGY_PODS.map((pod) => ({
      id: pod.id,
      namespace: name(pod.namespace),
      object: podManifest(pod, name(pod.namespace), options),
    })),
    policies: scenario.policies.map((policy) => ({
      namespace: name(policy.namespace),
      object: policyManifest(policy, name(policy.namespace), options),
    })),
    ...(scenario.mutation !== undefined && {
      change: networkPolicyChange(scenario, scenario.mutation, options),
    }),
  };
}

/** A case's mid-case change, with the case's namespace names: what the executor does and a reproducer says. */
export function networkPolicyChange(
  scenario: NetworkPolicyScenario,
  mutation: NetpolMutation,
  options: NetpolPolicyOptions,
): NetpolChange {
  const name = (ns: NetpolNamespace): string => netpolNamespaceName(options.namespacePrefix, ns);
  const updated = { [NETPOL_UPDATED_LABEL.key]: NETPOL_UPDATED_LABEL.value };
  switch (mutation.kind) {
    case 'updatePolicy': {
      const namespace = name(mutation.policy.namespace);
      return {
        kind: 'replacePolicy',
        namespace,
        object: policyManifest(mutation.policy, namespace, options),
      };
    }
    case 'deletePolicy': {
      const deleted = scenario.policies.find((p) => p.name === mutation.name);
      if (deleted === undefined)
        throw new Error(`mutation deletes policy ${mutation.name}, which the scenario lacks`);
      return { kind: 'deletePolicy', namespace: name(deleted.namespace), name: mutation.name };
    }
    case 'labelPod':
      return { kind: 'addLabels', namespace: name(mutation.namespace), name: mutation.pod, labels: updated };
    case 'labelNamespace':
      return { kind: 'addLabels', name: name(mutation.namespace), labels: updated };
  }
}
