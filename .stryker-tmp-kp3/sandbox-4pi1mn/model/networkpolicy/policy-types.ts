// @ts-nocheck
import type { NetworkPolicySpec } from '../scenario/policies';

export type PolicyDirection = 'Ingress' | 'Egress';

/**
 * The policy types a policy has after API defaulting: as given, or Ingress plus Egress when the
 * policy has at least one egress rule (an empty egress list does not count).
 * Source: pkg/apis/networking/v1/defaults.go SetDefaults_NetworkPolicy.
 */
export function effectivePolicyTypes(policy: NetworkPolicySpec): PolicyDirection[] {
  if (policy.policyTypes !== undefined && policy.policyTypes.length > 0) return [...policy.policyTypes];
  return (policy.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}
