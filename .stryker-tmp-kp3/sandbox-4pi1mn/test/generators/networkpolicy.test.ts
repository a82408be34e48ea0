// @ts-nocheck
import fc from 'fast-check';
import { networkPolicyManifests } from '../../generators/manifests/networkpolicy';
import { networkPolicyScenario } from '../../generators/networkpolicy';
import { defaultCapabilities, LATEST_VERSION, parseServerVersion } from '../../model/capabilities';
import type { NetworkPolicyScenario } from '../../model/scenario/families';
import { networkPolicyErrors } from './networkpolicy-validity';

const capabilities = defaultCapabilities(LATEST_VERSION);
const arb = networkPolicyScenario(capabilities);
const options = { image: 'busybox:1.36', namespacePrefix: 'kp-c1', labels: {}, caseId: 'c1' };

/** Every violation of API validation in the scenario's policies, plus scenario-level rules. */
function scenarioErrors(s: NetworkPolicyScenario): string[] {
  const errors: string[] = [];
  if (s.policies.length < 1 || s.policies.length > 3) errors.push(`${s.policies.length} policies`);
  const names = s.policies.map((p) => `${p.namespace}/${p.name}`);
  if (new Set(names).size !== names.length) errors.push('duplicate policy names');
  for (const p of s.policies) {
    // ipBlock peers are generated in egress rules only (docs/semantics.md: ipBlock with pod IPs).
    if ((p.ingress ?? []).some((r) => r.peers.some((peer) => peer.kind === 'ipBlock')))
      errors.push('ingress ipBlock');
  }
  for (const m of networkPolicyManifests(s, options).policies) {
    errors.push(...networkPolicyErrors(m.object, { symbolicCidrs: true }));
  }
  return errors;
}

describe('networkPolicyScenario: generator contract', () => {
  it('gives the same value for the same seed', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        expect(fc.sample(arb, { seed, numRuns: 3 })).toEqual(fc.sample(arb, { seed, numRuns: 3 }));
      }),
      { numRuns: 30 },
    );
  });

  it('generates only scenarios the API accepts', () => {
    fc.assert(
      fc.property(arb, (s) => {
        expect(scenarioErrors(s)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every value tried while shrinking valid, and shrinks to a minimal policy', () => {
    const seen: NetworkPolicyScenario[] = [];
    // A property that fails as soon as any policy has an ingress rule: the minimal counterexample is
    // one policy with one empty ingress rule.
    const details = fc.check(
      fc.property(arb, (s) => {
        seen.push(s);
        return !s.policies.some((p) => (p.ingress ?? []).length > 0);
      }),
      { seed: 42, numRuns: 200 },
    );
    expect(details.failed).toBe(true);
    const [shrunk] = details.counterexample ?? [];
    expect(shrunk?.policies).toHaveLength(1);
    expect(shrunk?.policies[0].ingress).toEqual([{ peers: [], ports: [] }]);
    expect(seen.flatMap(scenarioErrors)).toEqual([]);
  });

  it('covers the features the property needs', () => {
    const samples = fc.sample(arb, { seed: 7, numRuns: 500 });
    const policies = samples.flatMap((s) => s.policies);
    const rules = policies.flatMap((p) => [...(p.ingress ?? []), ...(p.egress ?? [])]);
    const peers = rules.flatMap((r) => r.peers);
    const ports = rules.flatMap((r) => r.ports);
    const seen = {
      defaultTypes: policies.some((p) => p.policyTypes === undefined),
      bothTypes: policies.some((p) => p.policyTypes?.length === 2),
      denyAll: policies.some((p) => p.ingress?.length === 0),
      allowAll: rules.some((r) => r.peers.length === 0 && r.ports.length === 0),
      emptyPodSelector: policies.some(
        (p) => Object.keys(p.podSelector.matchLabels).length === 0 && !p.podSelector.matchExpressions,
      ),
      andPeer: peers.some((p) => p.kind === 'podInNamespace'),
      orPeers: rules.some((r) => r.peers.length > 1),
      ipBlockExcept: peers.some((p) => p.kind === 'ipBlock' && p.except.length > 0),
      namedPort: ports.some((p) => typeof p.port === 'string'),
      endPort: ports.some((p) => p.endPort !== undefined),
      udp: ports.some((p) => p.protocol === 'UDP'),
      threePolicies: samples.some((s) => s.policies.length === 3),
    };
    expect(Object.entries(seen).filter(([, present]) => !present)).toEqual([]);
  });

  it('never generates endPort for a server older than 1.22 (NetworkPolicyEndPort beta)', () => {
    const old = networkPolicyScenario(defaultCapabilities(parseServerVersion('v1.21.0')));
    const ports = fc
      .sample(old, { seed: 3, numRuns: 300 })
      .flatMap((s) => s.policies)
      .flatMap((p) => [...(p.ingress ?? []), ...(p.egress ?? [])])
      .flatMap((r) => r.ports);
    expect(ports.length).toBeGreaterThan(0);
    expect(ports.filter((p) => p.endPort !== undefined)).toEqual([]);
  });

  it('honours the size constraints', () => {
    const small = networkPolicyScenario(capabilities, {
      maxPolicies: 1,
      maxRules: 1,
      maxPeers: 1,
      ipBlocks: false,
    });
    fc.assert(
      fc.property(small, (s) => {
        expect(s.policies).toHaveLength(1);
        const rules = [...(s.policies[0].ingress ?? []), ...(s.policies[0].egress ?? [])];
        expect(rules.every((r) => r.peers.length <= 1 && r.peers.every((p) => p.kind !== 'ipBlock'))).toBe(
          true,
        );
        expect((s.policies[0].ingress ?? []).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 100 },
    );
  });
});
