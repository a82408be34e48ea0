import fc from 'fast-check';
import { networkPolicyScenario } from '../../generators/networkpolicy';
import { defaultCapabilities, LATEST_VERSION } from '../../model/capabilities';
import type { NetpolRule, NetworkPolicySpec } from '../../model/scenario/policies';

/**
 * The policy shapes upstream's NetworkPolicy e2e tests use (test/e2e/network/netpol/network_policy.go,
 * v1.26), which docs/upstream-coverage.md says networkpolicy/reachability-matrix draws: each shows up in
 * 1,000 scenarios.
 */
const scenarios = fc.sample(networkPolicyScenario(defaultCapabilities(LATEST_VERSION)), {
  seed: 12,
  numRuns: 1000,
});
const policies = scenarios.flatMap((s) => s.policies);
const rules = (p: NetworkPolicySpec): NetpolRule[] => [...(p.ingress ?? []), ...(p.egress ?? [])];
const allRules = policies.flatMap(rules);

const SHAPES: Record<string, () => boolean> = {
  'default deny ingress (empty podSelector, no ingress rule)': () =>
    policies.some(
      (p) =>
        Object.keys(p.podSelector.matchLabels).length === 0 &&
        !p.podSelector.matchExpressions &&
        p.policyTypes?.includes('Ingress') === true &&
        (p.ingress ?? []).length === 0,
    ),
  'Ingress and Egress together': () =>
    policies.some((p) => (p.ingress ?? []).length > 0 && (p.egress ?? []).length > 0),
  'allow-all rule (no peers, no ports)': () =>
    allRules.some((r) => r.peers.length === 0 && r.ports.length === 0),
  'podSelector with matchExpressions': () =>
    allRules.some((r) =>
      r.peers.some((p) => p.kind === 'pod' && (p.podSelector.matchExpressions ?? []).length > 0),
    ),
  'namespaceSelector with matchExpressions': () =>
    allRules.some((r) =>
      r.peers.some((p) => p.kind === 'namespace' && (p.namespaceSelector.matchExpressions ?? []).length > 0),
    ),
  'podSelector and namespaceSelector in one peer': () =>
    allRules.some((r) => r.peers.some((p) => p.kind === 'podInNamespace')),
  'podSelector or namespaceSelector (two peers)': () =>
    allRules.some(
      (r) => r.peers.some((p) => p.kind === 'pod') && r.peers.some((p) => p.kind === 'namespace'),
    ),
  'endPort range': () =>
    allRules.some((r) => r.ports.some((p) => p.endPort !== undefined && p.endPort > (p.port as number))),
  'ingress named port': () =>
    policies.some((p) =>
      (p.ingress ?? []).some((r) => r.ports.some((port) => typeof port.port === 'string')),
    ),
  'egress named port': () =>
    policies.some((p) => (p.egress ?? []).some((r) => r.ports.some((port) => typeof port.port === 'string'))),
  'protocol-only port (UDP)': () =>
    allRules.some((r) => r.ports.some((p) => p.protocol === 'UDP' && p.port === undefined)),
  'ipBlock with except': () =>
    allRules.some((r) => r.peers.some((p) => p.kind === 'ipBlock' && p.except.length > 0)),
  'ipBlock except next to another peer of the rule': () =>
    allRules.some(
      (r) =>
        r.peers.some((p) => p.kind === 'ipBlock' && p.except.length > 0) &&
        r.peers.filter((p) => p.kind !== 'ipBlock' || p.except.length === 0).length > 0,
    ),
  'stacked policies in one namespace': () =>
    scenarios.some((s) => new Set(s.policies.map((p) => p.namespace)).size < s.policies.length),
};

describe('networkPolicyScenario draws the shapes of upstream netpol e2e', () => {
  it.each(Object.keys(SHAPES))('%s', (shape) => {
    expect(SHAPES[shape]()).toBe(true);
  });
});
