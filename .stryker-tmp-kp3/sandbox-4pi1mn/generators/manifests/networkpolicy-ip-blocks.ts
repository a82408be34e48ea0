// @ts-nocheck
import type { V1IPBlock, V1NetworkPolicy, V1NetworkPolicyPeer } from '@kubernetes/client-node';
import { podOfCidr } from '../../model/networkpolicy/ip-block';
import { TOPOLOGY_PODS, type PodId } from '../../model/networkpolicy/topology';
import { coveringCidr, hostCidr } from './networkpolicy-cidr';

function resolveCidr(cidr: string, podIps: Readonly<Record<PodId, string>>): string {
  const pod = podOfCidr(cidr);
  if (pod === undefined) return coveringCidr(TOPOLOGY_PODS.map((p) => ipOf(p.id, podIps)));
  return hostCidr(ipOf(pod, podIps));
}

function ipOf(pod: PodId, podIps: Readonly<Record<PodId, string>>): string {
  const ip = podIps[pod];
  if (ip === undefined || ip === '') throw new Error(`cannot resolve ipBlock: pod ${pod} has no IP yet`);
  return ip;
}

function resolvePeer(
  peer: V1NetworkPolicyPeer,
  podIps: Readonly<Record<PodId, string>>,
): V1NetworkPolicyPeer {
  if (peer.ipBlock === undefined) return peer;
  const ipBlock: V1IPBlock = { cidr: resolveCidr(peer.ipBlock.cidr, podIps) };
  if (peer.ipBlock.except !== undefined)
    ipBlock.except = peer.ipBlock.except.map((c) => resolveCidr(c, podIps));
  return { ...peer, ipBlock };
}

/**
 * Replaces the symbolic ipBlock CIDRs the mapper emits ("pods", "pod:<ns>/<pod>", see
 * model/networkpolicy/ip-block.ts) with real CIDRs once the pods have IPs. Pure: returns new
 * objects; throws naming the pod when an IP is missing.
 */
export function resolveIpBlocks<P extends V1NetworkPolicy>(
  policies: readonly P[],
  podIps: Readonly<Record<PodId, string>>,
): P[] {
  return policies.map((policy) => {
    if (policy.spec === undefined) return policy;
    const spec = { ...policy.spec };
    if (spec.ingress !== undefined) {
      spec.ingress = spec.ingress.map((rule) =>
        rule._from === undefined
          ? rule
          : { ...rule, _from: rule._from.map((peer) => resolvePeer(peer, podIps)) },
      );
    }
    if (spec.egress !== undefined) {
      spec.egress = spec.egress.map((rule) =>
        rule.to === undefined ? rule : { ...rule, to: rule.to.map((peer) => resolvePeer(peer, podIps)) },
      );
    }
    return { ...policy, spec };
  });
}
