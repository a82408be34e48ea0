import fc from 'fast-check';
import { networkPolicyScenario, networkPolicyUpdateScenario } from '../../generators/networkpolicy';
import { UPDATE_CELLS } from '../../model/networkpolicy/expect-updated';
import { cellReachability } from '../../model/networkpolicy/matcher';
import { afterMutation } from '../../model/networkpolicy/mutation';
import type { NetworkPolicyScenario } from '../../model/scenario/families';
import { defaultCapabilities, LATEST_VERSION } from '../../model/capabilities';
import { NAMESPACE_NAME_LABEL_KEY } from '../../model/networkpolicy/topology';
import type { NetpolPeer, NetpolRule, NetworkPolicySpec, Selector } from '../../model/scenario/policies';

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
const namespaceSelectors = (p: NetpolPeer): Selector[] =>
  p.kind === 'namespace' || p.kind === 'podInNamespace' ? [p.namespaceSelector] : [];
const selectsByName = (match: (s: Selector) => boolean): boolean =>
  allRules.some((r) => r.peers.flatMap(namespaceSelectors).some(match));

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
  'SCTP port with a number (the TCP/UDP probes of that port must stay denied)': () =>
    allRules.some((r) => r.ports.some((p) => p.protocol === 'SCTP' && typeof p.port === 'number')),
  'SCTP as the only port of an ingress rule (the pod still isolated)': () =>
    policies.some((p) =>
      (p.ingress ?? []).some((r) => r.ports.length > 0 && r.ports.every((port) => port.protocol === 'SCTP')),
    ),
  'SCTP named port (serve-80-sctp)': () =>
    allRules.some((r) => r.ports.some((p) => p.protocol === 'SCTP' && p.port === 'serve-80-sctp')),
  'SCTP protocol alone (every SCTP port)': () =>
    allRules.some((r) => r.ports.some((p) => p.protocol === 'SCTP' && p.port === undefined)),
  'SCTP endPort range over 80': () =>
    allRules.some((r) =>
      r.ports.some(
        (p) => p.protocol === 'SCTP' && p.endPort !== undefined && (p.port as number) < 80 && p.endPort >= 80,
      ),
    ),
  'using SCTP, Ports: an ingress rule from a namespace on one SCTP port number': () =>
    policies.some((p) =>
      (p.ingress ?? []).some(
        (r) =>
          r.peers.length === 1 &&
          r.peers[0].kind === 'namespace' &&
          r.ports.length === 1 &&
          r.ports[0].protocol === 'SCTP' &&
          typeof r.ports[0].port === 'number' &&
          r.ports[0].endPort === undefined,
      ),
    ),
  'namespaceSelector matchLabels on kubernetes.io/metadata.name': () =>
    selectsByName((s) => s.matchLabels[NAMESPACE_NAME_LABEL_KEY] !== undefined),
  'namespaceSelector NotIn on kubernetes.io/metadata.name': () =>
    selectsByName((s) =>
      (s.matchExpressions ?? []).some((e) => e.key === NAMESPACE_NAME_LABEL_KEY && e.operator === 'NotIn'),
    ),
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

describe('networkPolicyUpdateScenario draws the changes of upstream netpol e2e update tests', () => {
  const updates = fc.sample(networkPolicyUpdateScenario(defaultCapabilities(LATEST_VERSION)), {
    seed: 12,
    numRuns: 400,
  });
  const matrix = (s: NetworkPolicyScenario): string =>
    UPDATE_CELLS.map((cell) => (cellReachability(s, cell).allowed ? '1' : '0')).join('');
  const changes = (s: NetworkPolicyScenario): boolean =>
    matrix({ ...s, mutation: undefined }) !== matrix(afterMutation(s));

  it.each(['updatePolicy', 'deletePolicy', 'labelPod', 'labelNamespace'])(
    '%s, in some scenario where it changes an 80/TCP cell',
    (kind) => {
      expect(updates.some((s) => s.mutation?.kind === kind && changes(s))).toBe(true);
    },
  );

  it('a change changes some cell in over a third of the scenarios (45 % at this seed)', () => {
    expect(updates.filter(changes).length).toBeGreaterThan(updates.length / 3);
  });

  it('updates keep the policy name and namespace; deletes name a policy of the scenario', () => {
    for (const s of updates) {
      const m = s.mutation;
      if (m?.kind === 'updatePolicy')
        expect(s.policies.some((p) => p.name === m.policy.name && p.namespace === m.policy.namespace)).toBe(
          true,
        );
      if (m?.kind === 'deletePolicy') expect(s.policies.map((p) => p.name)).toContain(m.name);
    }
  });
});
