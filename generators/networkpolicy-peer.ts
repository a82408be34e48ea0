import fc from 'fast-check';
import { ALL_PODS_CIDR, podCidr } from '../model/networkpolicy/ip-block';
import {
  NAMESPACE_LABEL_KEY,
  NAMESPACE_NAME_LABEL_KEY,
  POD_LABEL_KEY,
  TOPOLOGY_PODS,
  type PodId,
} from '../model/networkpolicy/topology';
import {
  NETPOL_NAMESPACES,
  NETPOL_PODS,
  NETPOL_UPDATED_LABEL,
  type NetpolPeer,
  type Selector,
} from '../model/scenario/policies';
import { netpolSelector, netpolSelectorOver, type NetpolSelectorConstraints } from './networkpolicy-selector';

export interface NetpolPeerConstraints {
  /** Whether ipBlock peers may appear (the scenario generator allows them in egress rules only). */
  ipBlocks: boolean;
  /** Whether selectors may test NETPOL_UPDATED_LABEL, which a mutation adds (updated-reachability). */
  updatedLabel?: boolean;
}

const UPDATED: NetpolSelectorConstraints = {
  key: NETPOL_UPDATED_LABEL.key,
  values: [NETPOL_UPDATED_LABEL.value],
};

/** Pod selectors over `pod`, and with updatedLabel also over NETPOL_UPDATED_LABEL. */
export function netpolPodSelector(updatedLabel: boolean): fc.Arbitrary<Selector> {
  const pod: NetpolSelectorConstraints = { key: POD_LABEL_KEY, values: NETPOL_PODS };
  return netpolSelectorOver(updatedLabel ? [pod, UPDATED] : [pod]);
}
/**
 * Namespaces are selected by the topology's own `ns` label or by the `kubernetes.io/metadata.name`
 * label the API server sets (upstream's "... using default ns label" tests), written with the
 * topology names; the manifest mapper puts in the real ones.
 */
function namespaceSelector(updatedLabel: boolean): fc.Arbitrary<Selector> {
  return fc.oneof(
    netpolSelectorOver([
      { key: NAMESPACE_LABEL_KEY, values: NETPOL_NAMESPACES },
      ...(updatedLabel ? [UPDATED] : []),
    ]),
    netpolSelector({ key: NAMESPACE_NAME_LABEL_KEY, values: NETPOL_NAMESPACES }),
  );
}
const podId = fc.constantFrom(...TOPOLOGY_PODS.map((pod): PodId => pod.id));

/**
 * An ipBlock in the two forms upstream netpol e2e uses with pod IPs ("should allow egress access
 * to server in CIDR block", "should enforce except clause while egress access to server in CIDR
 * block"): one pod's host CIDR, or a CIDR over all pods minus some pods' host CIDRs. Except
 * entries are always strict subsets of the CIDR (pkg/apis/networking/validation ValidateIPBlock).
 */
const ipBlock: fc.Arbitrary<NetpolPeer> = fc.oneof(
  podId.map((id): NetpolPeer => ({ kind: 'ipBlock', cidr: podCidr(id), except: [] })),
  fc
    .uniqueArray(podId, { maxLength: 2 })
    .map((except): NetpolPeer => ({ kind: 'ipBlock', cidr: ALL_PODS_CIDR, except: except.map(podCidr) })),
);

/** A rule peer: podSelector, namespaceSelector, both (AND), or (when allowed) an ipBlock. */
export function netpolPeer(constraints: NetpolPeerConstraints): fc.Arbitrary<NetpolPeer> {
  const podSelector = netpolPodSelector(constraints.updatedLabel === true);
  const namespaces = namespaceSelector(constraints.updatedLabel === true);
  const selectors: fc.Arbitrary<NetpolPeer>[] = [
    podSelector.map((selector): NetpolPeer => ({ kind: 'pod', podSelector: selector })),
    namespaces.map((selector): NetpolPeer => ({ kind: 'namespace', namespaceSelector: selector })),
    fc.tuple(podSelector, namespaces).map(([pods, namespaces]): NetpolPeer => ({
      kind: 'podInNamespace',
      podSelector: pods,
      namespaceSelector: namespaces,
    })),
  ];
  return fc.oneof(...selectors, ...(constraints.ipBlocks ? [ipBlock] : []));
}
