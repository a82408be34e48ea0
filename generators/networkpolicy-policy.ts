import fc from 'fast-check';
import { NETPOL_NAMESPACES, type NetworkPolicySpec } from '../model/scenario/policies';
import { netpolPodSelector } from './networkpolicy-peer';
import { netpolRule } from './networkpolicy-rule';

export interface NetpolPolicyConstraints {
  maxRules: number;
  maxPeers: number;
  maxPorts: number;
  /** ipBlock peers in egress rules (see docs/semantics.md NetworkPolicy: ipBlock with pod IPs). */
  ipBlocks: boolean;
  endPort: boolean;
  /** Selectors may test NETPOL_UPDATED_LABEL, which a mutation adds (updated-reachability). */
  updatedLabel?: boolean;
}

const policyTypes = fc.constantFrom<('Ingress' | 'Egress')[]>(['Ingress'], ['Egress'], ['Ingress', 'Egress']);

/**
 * One policy without its name (the scenario names policies by position). policyTypes absent
 * exercises the API default; ingress/egress absent, empty (deny all) or with rules.
 */
export function netpolPolicy(
  constraints: NetpolPolicyConstraints,
): fc.Arbitrary<Omit<NetworkPolicySpec, 'name'>> {
  const rules = (ipBlocks: boolean): fc.Arbitrary<NetworkPolicySpec['ingress']> =>
    fc.array(netpolRule({ ...constraints, ipBlocks }), { maxLength: constraints.maxRules });
  return fc.record(
    {
      namespace: fc.constantFrom(...NETPOL_NAMESPACES),
      podSelector: netpolPodSelector(constraints.updatedLabel === true),
      policyTypes,
      ingress: rules(false),
      egress: rules(constraints.ipBlocks),
    },
    { requiredKeys: ['namespace', 'podSelector'], noNullPrototype: true },
  );
}
