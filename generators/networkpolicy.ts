import fc from 'fast-check';
import { atLeast, type Capabilities } from '../model/capabilities';
import { UPDATE_CELLS } from '../model/networkpolicy/expect-updated';
import { cellReachability } from '../model/networkpolicy/matcher';
import { afterMutation } from '../model/networkpolicy/mutation';
import type { NetworkPolicyScenario } from '../model/scenario/families';
import {
  NETPOL_NAMESPACES,
  NETPOL_PODS,
  type NetpolMutation,
  type NetworkPolicySpec,
} from '../model/scenario/policies';
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

/**
 * Scenarios of networkpolicy/updated-reachability: 1–2 policies whose selectors may also test
 * NETPOL_UPDATED_LABEL, and one mutation after the first probe matrix: a policy updated (same name
 * and namespace, a new spec), a policy deleted, or the label added to a pod or a namespace, as
 * upstream's update tests do (test/e2e/network/netpol/network_policy.go "should enforce updated
 * policy", "should allow ingress access from updated namespace", "... from updated pod", "should
 * deny ingress access to updated pod", "should stop enforcing policies after they are deleted").
 * A label goes where it changes some cell when it can (labelMutation).
 */
export function networkPolicyUpdateScenario(capabilities: Capabilities): fc.Arbitrary<NetworkPolicyScenario> {
  const constraints = {
    maxRules: 2,
    maxPeers: 2,
    maxPorts: 2,
    ipBlocks: true,
    endPort: atLeast(capabilities.version, 22),
    updatedLabel: true,
  };
  const policy = netpolPolicy(constraints);
  return fc
    .array(policy, { minLength: 1, maxLength: 2 })
    .map((policies) => policies.map((p, index): NetworkPolicySpec => ({ name: `p${index}`, ...p })))
    .chain((policies) => {
      const target = fc.constantFrom(...policies);
      const mutation: fc.Arbitrary<NetpolMutation> = fc.oneof(
        fc.tuple(target, policy).map(([old, spec]): NetpolMutation => ({
          kind: 'updatePolicy',
          policy: { ...spec, name: old.name, namespace: old.namespace },
        })),
        target.map((old): NetpolMutation => ({ kind: 'deletePolicy', name: old.name })),
        labelMutation(policies, 'labelPod'),
        labelMutation(policies, 'labelNamespace'),
      );
      return mutation.map((m): NetworkPolicyScenario => ({ family: 'networkpolicy', policies, mutation: m }));
    });
}

/**
 * A label added to a pod or a namespace: one whose label changes some 80/TCP cell when there is one
 * (most random selectors ignore the new label, and a change that changes nothing tests little), any
 * otherwise.
 */
function labelMutation(
  policies: NetworkPolicySpec[],
  kind: 'labelPod' | 'labelNamespace',
): fc.Arbitrary<NetpolMutation> {
  const all: NetpolMutation[] =
    kind === 'labelPod'
      ? NETPOL_NAMESPACES.flatMap((namespace) => NETPOL_PODS.map((pod) => ({ kind, namespace, pod })))
      : NETPOL_NAMESPACES.map((namespace) => ({ kind, namespace }));
  const before = updateMatrix({ family: 'networkpolicy', policies });
  const effective = all.filter(
    (mutation) => updateMatrix(afterMutation({ family: 'networkpolicy', policies, mutation })) !== before,
  );
  return fc.constantFrom(...(effective.length > 0 ? effective : all));
}

/** The 80/TCP cells of a state as one string of 0/1, to compare states. */
function updateMatrix(scenario: NetworkPolicyScenario): string {
  return UPDATE_CELLS.map((cell) => (cellReachability(scenario, cell).allowed ? '1' : '0')).join('');
}
