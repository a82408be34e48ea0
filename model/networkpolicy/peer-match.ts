import type { NetpolNamespace, NetpolPeer } from '../scenario/policies';
import { ipBlockContains } from './ip-block';
import { selectorMatches } from './selector';
import { podLabels, selectableNamespaceLabels, topologyPod, type Labelled, type PodId } from './topology';

/**
 * Whether a peer of a rule of a policy in `policyNamespace` selects the remote pod.
 * Source: staging/src/k8s.io/api/networking/v1/types.go NetworkPolicyPeer.
 */
export function peerMatches(
  peer: NetpolPeer,
  policyNamespace: NetpolNamespace,
  remote: PodId,
  labelled?: Labelled,
): boolean {
  const pod = topologyPod(remote);
  switch (peer.kind) {
    // podSelector alone: pods in the policy's own namespace (types.go NetworkPolicyPeer.PodSelector).
    case 'pod':
      return pod.namespace === policyNamespace && selectorMatches(peer.podSelector, podLabels(pod, labelled));
    // namespaceSelector alone: all pods of the matching namespaces (types.go NetworkPolicyPeer.NamespaceSelector).
    case 'namespace':
      return selectorMatches(peer.namespaceSelector, selectableNamespaceLabels(pod.namespace, labelled));
    // Both in one peer: pods matching podSelector within namespaces matching namespaceSelector (AND).
    case 'podInNamespace':
      return (
        selectorMatches(peer.namespaceSelector, selectableNamespaceLabels(pod.namespace, labelled)) &&
        selectorMatches(peer.podSelector, podLabels(pod, labelled))
      );
    // ipBlock: the pod's IP inside cidr and outside except (types.go IPBlock).
    case 'ipBlock':
      return ipBlockContains(peer, remote);
  }
}

/** An empty peer list matches every source/destination; otherwise any peer (OR) (types.go NetworkPolicyIngressRule.From). */
export function peersMatch(
  peers: NetpolPeer[],
  policyNamespace: NetpolNamespace,
  remote: PodId,
  labelled?: Labelled,
): boolean {
  return peers.length === 0 || peers.some((peer) => peerMatches(peer, policyNamespace, remote, labelled));
}
