import type { Capabilities } from '../../model/capabilities';

/** Why the NetworkPolicy family is skipped, when the enforcement canary saw no policy enforced. */
export const NETPOL_NOT_ENFORCED = "NetworkPolicy not enforced by this cluster's CNI (canary)";

/**
 * A CNI without NetworkPolicy support (e.g. flannel, or kind's kindnet before it bundled
 * kube-network-policies) accepts the objects and ignores them: the family reports "not enforced"
 * and skips rather than failing every cell. Undefined (canary not run) is not a reason to skip.
 */
export function networkPolicyUnsupported(capabilities: Capabilities): string | undefined {
  return capabilities.networkPolicyEnforced === false ? NETPOL_NOT_ENFORCED : undefined;
}
