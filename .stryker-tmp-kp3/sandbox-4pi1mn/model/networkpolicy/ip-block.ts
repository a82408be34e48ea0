// @ts-nocheck
import type { PodId } from './topology';

/**
 * ipBlock CIDRs in a scenario are written relative to the topology, because pod IPs are known
 * only at run time (generators/manifests/networkpolicy-ip-blocks.ts resolves them):
 * - "pod:<ns>/<pod>": the host CIDR (/32 or /128) of that pod's IP;
 * - "pods": the smallest CIDR that covers every topology pod IP.
 * An except entry is always a "pod:<ns>/<pod>" inside a "pods" block (a strict subset of the
 * CIDR, as validation requires).
 */
export const ALL_PODS_CIDR = 'pods';
const POD_CIDR_PREFIX = 'pod:';

export function podCidr(id: PodId): string {
  return `${POD_CIDR_PREFIX}${id}`;
}

/** The pod a "pod:<ns>/<pod>" CIDR names, or undefined for "pods". Throws on anything else. */
export function podOfCidr(cidr: string): PodId | undefined {
  if (cidr === ALL_PODS_CIDR) return undefined;
  if (cidr.startsWith(POD_CIDR_PREFIX)) return cidr.slice(POD_CIDR_PREFIX.length) as PodId;
  throw new Error(`invalid symbolic ipBlock CIDR "${cidr}": expected "pods" or "pod:<ns>/<pod>"`);
}

/**
 * Whether a pod's IP lies in the block: inside cidr and outside every except.
 * Source: staging/src/k8s.io/api/networking/v1/types.go IPBlock ("except is a list of CIDRs that
 * should not be included within an IPBlock").
 */
export function ipBlockContains(block: { cidr: string; except: string[] }, pod: PodId): boolean {
  const inCidr = (cidr: string): boolean => {
    const named = podOfCidr(cidr);
    return named === undefined || named === pod;
  };
  return inCidr(block.cidr) && !block.except.some(inCidr);
}
