import { TOPOLOGY_PODS, type PodId } from '../../model/networkpolicy/topology';
import { NETPOL_NAMESPACES, NETPOL_PODS } from '../../model/scenario/policies';

/**
 * Stand-in pod IPs for `kubeprop generate`, which has no pods to ask: addresses from TEST-NET-1
 * (192.0.2.0/24, RFC 5737, reserved for documentation), "192.0.2.<namespace><pod>" with x, y, z and
 * a, b, c numbered from 1 (x/a = 192.0.2.11, z/c = 192.0.2.33), so they cover 192.0.2.0/26.
 */
export const EXAMPLE_POD_IPS: Readonly<Record<PodId, string>> = Object.fromEntries(
  TOPOLOGY_PODS.map((pod) => [
    pod.id,
    `192.0.2.${NETPOL_NAMESPACES.indexOf(pod.namespace) + 1}${NETPOL_PODS.indexOf(pod.pod) + 1}`,
  ]),
) as Record<PodId, string>;

/** The comment that tells a reader of a generated file what the example addresses stand for. */
export function exampleAddressesComment(): string[] {
  return [
    'ipBlock addresses are examples (RFC 5737 TEST-NET-1, 192.0.2.0/24): kubeprop resolves them',
    'from the real pod IPs when it runs a case. Each pod stands for an address, each pod CIDR is its /32,',
    'and the block of all pods is the smallest CIDR covering the nine (192.0.2.0/26):',
    `  ${TOPOLOGY_PODS.map((pod) => `${pod.id}=${EXAMPLE_POD_IPS[pod.id]}`).join(' ')}`,
    'To apply as the scenario means, replace them with the pod IPs (kubectl get pods -A -o wide).',
  ];
}
