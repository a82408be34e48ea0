// @ts-nocheck
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
  TOPOLOGY_PODS,
  namespaceLabels,
  podLabels,
  type PodId,
  type TopologyPod,
} from '../../model/networkpolicy/topology';
import type { NetworkPolicyScenario } from '../../model/scenario/families';
import {
  NETPOL_NAMESPACES,
  NETPOL_PORTS,
  type NetpolNamespace,
  type NetpolPeer,
  type NetpolPort,
  type NetpolRule,
  type NetworkPolicySpec,
  type Selector,
} from '../../model/scenario/policies';

export interface NetworkPolicyManifestOptions {
  image: string;
  namespacePrefix: string;
  /** Labels every object gets (managed-by, run id, case id). */
  labels: Record<string, string>;
  caseId: string;
}

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

export interface NetworkPolicyManifests {
  namespaces: { id: NetpolNamespace; object: V1Namespace }[];
  pods: NetpolPodManifest[];
  policies: NetpolPolicyManifest[];
}

/** The container of every topology pod that probes run in (it has nc). */
export const PROBE_CONTAINER = 'cont-80-tcp';

/** The UDP servers answer every datagram with this word; a probe that reads it back connected. */
export const UDP_REPLY = 'pong';

export function netpolNamespaceName(prefix: string, namespace: NetpolNamespace): string {
  return `${prefix}-${namespace}`;
}

function containerName(port: (typeof NETPOL_PORTS)[number]): string {
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

function podManifest(
  pod: TopologyPod,
  namespace: string,
  options: NetworkPolicyManifestOptions,
): NetpolPodManifest['object'] {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: pod.pod, namespace, labels: { ...options.labels, ...podLabels(pod) } },
    spec: {
      containers: NETPOL_PORTS.map((port) => serverContainer(port, options.image)),
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

function peerManifest(peer: NetpolPeer, caseScope: Record<string, string>): V1NetworkPolicyPeer {
  switch (peer.kind) {
    case 'pod':
      return { podSelector: labelSelector(peer.podSelector) };
    // Every namespaceSelector also requires this case's label, so concurrent cases never match
    // each other's namespaces; the model only knows this case's three namespaces.
    case 'namespace':
      return { namespaceSelector: labelSelector(peer.namespaceSelector, caseScope) };
    case 'podInNamespace':
      return {
        podSelector: labelSelector(peer.podSelector),
        namespaceSelector: labelSelector(peer.namespaceSelector, caseScope),
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

function ruleParts(rule: NetpolRule, caseScope: Record<string, string>) {
  return {
    peers: rule.peers.length > 0 ? rule.peers.map((peer) => peerManifest(peer, caseScope)) : undefined,
    ports: rule.ports.length > 0 ? rule.ports.map(portManifest) : undefined,
  };
}

function policyManifest(
  policy: NetworkPolicySpec,
  namespace: string,
  options: NetworkPolicyManifestOptions,
): NetpolPolicyManifest['object'] {
  const caseScope = { [CASE_ID_LABEL]: options.caseId };
  const spec: V1NetworkPolicy['spec'] = { podSelector: labelSelector(policy.podSelector) };
  if (policy.policyTypes !== undefined) spec.policyTypes = [...policy.policyTypes];
  if (policy.ingress !== undefined) {
    spec.ingress = policy.ingress.map((rule) => {
      const { peers, ports } = ruleParts(rule, caseScope);
      // client-node names the "from" field `_from` (its serializer writes "from").
      return { ...(peers && { _from: peers }), ...(ports && { ports }) };
    });
  }
  if (policy.egress !== undefined) {
    spec.egress = policy.egress.map((rule) => {
      const { peers, ports } = ruleParts(rule, caseScope);
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
  };
}
