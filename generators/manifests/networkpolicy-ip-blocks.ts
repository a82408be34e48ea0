import type { V1IPBlock, V1NetworkPolicy, V1NetworkPolicyPeer } from '@kubernetes/client-node';
import { IP_BLOCKS_ANNOTATION } from '../../model/labels';
import { podOfCidr } from '../../model/networkpolicy/ip-block';
import { TOPOLOGY_PODS, type PodId } from '../../model/networkpolicy/topology';
import { coveringCidr, hostCidr } from './networkpolicy-cidr';

/** Symbolic CIDR → real CIDR, for every symbolic CIDR one policy used. */
type Resolutions = Map<string, string>;

function resolveCidr(cidr: string, podIps: Readonly<Record<PodId, string>>, used: Resolutions): string {
  const pod = podOfCidr(cidr);
  const real =
    pod === undefined
      ? coveringCidr(TOPOLOGY_PODS.map((p) => ipOf(p.id, podIps)))
      : hostCidr(ipOf(pod, podIps));
  used.set(cidr, real);
  return real;
}

function ipOf(pod: PodId, podIps: Readonly<Record<PodId, string>>): string {
  const ip = podIps[pod];
  if (ip === undefined || ip === '') throw new Error(`cannot resolve ipBlock: pod ${pod} has no IP yet`);
  return ip;
}

function resolvePeer(
  peer: V1NetworkPolicyPeer,
  podIps: Readonly<Record<PodId, string>>,
  used: Resolutions,
): V1NetworkPolicyPeer {
  if (peer.ipBlock === undefined) return peer;
  const ipBlock: V1IPBlock = { cidr: resolveCidr(peer.ipBlock.cidr, podIps, used) };
  if (peer.ipBlock.except !== undefined)
    ipBlock.except = peer.ipBlock.except.map((c) => resolveCidr(c, podIps, used));
  return { ...peer, ipBlock };
}

/**
 * Replaces the symbolic ipBlock CIDRs the mapper emits ("pods", "pod:<ns>/<pod>", see
 * model/networkpolicy/ip-block.ts) with real CIDRs once the pods have IPs, and records which pod
 * each address stood for in the IP_BLOCKS_ANNOTATION (a reproducer applied again gets new pod IPs:
 * the annotation says what to put in their place). Pure: returns new objects; throws naming the pod
 * when an IP is missing.
 */
export function resolveIpBlocks<P extends V1NetworkPolicy>(
  policies: readonly P[],
  podIps: Readonly<Record<PodId, string>>,
): P[] {
  return policies.map((policy) => {
    if (policy.spec === undefined) return policy;
    const used: Resolutions = new Map();
    const spec = { ...policy.spec };
    if (spec.ingress !== undefined) {
      spec.ingress = spec.ingress.map((rule) =>
        rule._from === undefined
          ? rule
          : { ...rule, _from: rule._from.map((peer) => resolvePeer(peer, podIps, used)) },
      );
    }
    if (spec.egress !== undefined) {
      spec.egress = spec.egress.map((rule) =>
        rule.to === undefined
          ? rule
          : { ...rule, to: rule.to.map((peer) => resolvePeer(peer, podIps, used)) },
      );
    }
    if (used.size === 0) return { ...policy, spec };
    const legend = [...used].map(([symbolic, real]) => `${symbolic}=${real}`).join(' ');
    const annotations = { ...policy.metadata?.annotations, [IP_BLOCKS_ANNOTATION]: legend };
    return { ...policy, metadata: { ...policy.metadata, annotations }, spec };
  });
}
