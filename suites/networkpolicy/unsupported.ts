import type { Capabilities } from '../../model/capabilities';

/** Why the NetworkPolicy family is skipped, when the enforcement canary saw no policy enforced. */
export const NETPOL_NOT_ENFORCED = "NetworkPolicy not enforced by this cluster's CNI (canary)";
/** Why it is skipped when the canary's positive control failed: enforcement is unknown, not absent. */
export const NETPOL_PROBE_BROKEN = 'NetworkPolicy enforcement unknown: the canary probe is broken';

/**
 * A CNI without NetworkPolicy support (e.g. flannel, or kind's kindnet before it bundled
 * kube-network-policies) accepts the objects and ignores them: the family reports "not enforced"
 * and skips rather than failing every cell. A canary whose own probe failed skips with that reason
 * (the cases' probes would fail the same way). Undefined (canary not run) is not a reason to skip.
 */
export function networkPolicyUnsupported(capabilities: Capabilities): string | undefined {
  if (capabilities.networkPolicyProbeBroken !== undefined) {
    return `${NETPOL_PROBE_BROKEN} (${capabilities.networkPolicyProbeBroken})`;
  }
  return capabilities.networkPolicyEnforced === false ? NETPOL_NOT_ENFORCED : undefined;
}
