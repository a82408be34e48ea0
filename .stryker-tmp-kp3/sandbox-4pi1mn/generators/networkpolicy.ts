// @ts-nocheck
import fc from 'fast-check';
import { atLeast, type Capabilities } from '../model/capabilities';
import type { NetworkPolicyScenario } from '../model/scenario/families';
import type { NetworkPolicySpec } from '../model/scenario/policies';
import { netpolPolicy } from './networkpolicy-policy';

export interface NetworkPolicyScenarioConstraints {
  /** 1–3 by default. */
  maxPolicies?: number;
  /** Rules per direction, 0–2 by default. */
  maxRules?: number;
  /** Peers per rule, 0–2 by default. */
  maxPeers?: number;
  /** Ports per rule, 0–2 by default. */
  maxPorts?: number;
  /** ipBlock peers (egress only); on by default. */
  ipBlocks?: boolean;
}

/**
 * NetworkPolicy scenarios over the fixed topology (namespaces x, y, z × pods a, b, c): 1 to
 * maxPolicies policies named p0, p1, ... (unique, DNS-1123). Valid by construction; shrinks toward
 * fewer policies, rules, peers and ports. endPort is generated only where the API serves it
 * (feature gate NetworkPolicyEndPort: beta and on by default from 1.22, GA 1.25; kubernetes.io
 * docs reference/command-line-tools-reference/feature-gates).
 */
export function networkPolicyScenario(
  capabilities: Capabilities,
  constraints: NetworkPolicyScenarioConstraints = {},
): fc.Arbitrary<NetworkPolicyScenario> {
  const policy = netpolPolicy({
    maxRules: constraints.maxRules ?? 2,
    maxPeers: constraints.maxPeers ?? 2,
    maxPorts: constraints.maxPorts ?? 2,
    ipBlocks: constraints.ipBlocks ?? true,
    endPort: atLeast(capabilities.version, 22),
  });
  return fc
    .array(policy, { minLength: 1, maxLength: constraints.maxPolicies ?? 3 })
    .map((policies): NetworkPolicyScenario => ({
      family: 'networkpolicy',
      policies: policies.map((p, index): NetworkPolicySpec => ({ name: `p${index}`, ...p })),
    }));
}
