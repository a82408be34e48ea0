import type { Capabilities } from '../capabilities';

/**
 * Whether the topology serves SCTP and its SCTP cells are probed and judged: only when the enforcement
 * canary's SCTP control connected (capabilities.sctpTraffic, harness/netpol/enforcement-canary.ts) and
 * the server image ran, because busybox can neither serve nor connect SCTP. Upstream runs its "using
 * SCTP" tests only where the cluster has SCTP connectivity ([Feature:SCTPConnectivity]); the kernel's
 * SCTP support is the node's, not the API's (the API accepts SCTP everywhere, SCTPSupport GA 1.20).
 */
export function netpolSctpCells(capabilities: Capabilities): boolean {
  return netpolSctpImage(capabilities) !== undefined;
}

/** The server image the topology serves and probes SCTP from; undefined when it has no SCTP cells. */
export function netpolSctpImage(capabilities: Capabilities): string | undefined {
  return capabilities.sctpTraffic === true ? capabilities.serverImage : undefined;
}

/** Why the SCTP cells are left out, in one line; undefined when they are probed. */
export function netpolSctpAbsence(capabilities: Capabilities): string | undefined {
  if (netpolSctpCells(capabilities)) return undefined;
  if (capabilities.serverImage === undefined) {
    return `no SCTP cells: SCTP needs the server image (${capabilities.serverImageProblem ?? 'none given'})`;
  }
  return `no SCTP cells: no SCTP traffic: ${capabilities.sctpTrafficProblem ?? 'not checked'}`;
}
