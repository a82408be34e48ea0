import fc from 'fast-check';
import { networkPolicyScenario } from '../../../generators/networkpolicy';
import { netpolPolicy } from '../../../generators/networkpolicy-policy';
import { defaultCapabilities, LATEST_VERSION } from '../../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../../model/expectation';
import { expectNetworkPolicy, NETPOL_FIELDS, NETPOL_SCTP_FIELDS } from '../../../model/networkpolicy/expect';
import { reachability, type CellReachability } from '../../../model/networkpolicy/matcher';
import { effectivePolicyTypes } from '../../../model/networkpolicy/policy-types';
import { cellName } from '../../../model/networkpolicy/topology';
import type { NetworkPolicyScenario } from '../../../model/scenario/families';
import type { NetpolPort, NetpolRule, NetworkPolicySpec } from '../../../model/scenario/policies';

const capabilities = defaultCapabilities(LATEST_VERSION);
const scenarios = networkPolicyScenario(capabilities);
const extraPolicy = netpolPolicy({
  maxRules: 2,
  maxPeers: 2,
  maxPorts: 2,
  ipBlocks: true,
  endPort: true,
}).map((p): NetworkPolicySpec => ({ name: 'extra', ...p }));
const runs = { numRuns: 150 };

function matrix(s: NetworkPolicyScenario): boolean[] {
  return reachability(s, true).cells.map((c) => c.allowed);
}

function withPolicies(s: NetworkPolicyScenario, policies: NetworkPolicySpec[]): NetworkPolicyScenario {
  return { family: 'networkpolicy', policies };
}

describe('NetworkPolicy model: metamorphic properties', () => {
  it('adding a policy never closes a side that was already isolated and allowed (rules only add)', () => {
    fc.assert(
      fc.property(scenarios, extraPolicy, (s, extra) => {
        const before = reachability(s, true).cells;
        const after = reachability(withPolicies(s, [...s.policies, extra]), true).cells;
        const sideKept = (b: CellReachability['egress'], a: CellReachability['egress']): boolean =>
          !(b.isolatedBy.length > 0 && b.allowed) || a.allowed;
        return before.every(
          (b, i) => sideKept(b.egress, after[i].egress) && sideKept(b.ingress, after[i].ingress),
        );
      }),
      runs,
    );
  });

  it('adding a policy never opens a cell whose sides it does not select', () => {
    fc.assert(
      fc.property(scenarios, extraPolicy, (s, extra) => {
        const before = reachability(s, true).cells;
        const after = reachability(withPolicies(s, [...s.policies, extra]), true).cells;
        return before.every((b, i) => {
          const a = after[i];
          const touched =
            a.egress.isolatedBy.includes(`${extra.namespace}/extra`) ||
            a.ingress.isolatedBy.includes(`${extra.namespace}/extra`);
          return touched || a.allowed === b.allowed;
        });
      }),
      runs,
    );
  });

  it('adding a deny-only policy (no rules) never opens a cell', () => {
    const denyOnly = extraPolicy.map((p): NetworkPolicySpec => ({ ...p, ingress: [], egress: [] }));
    fc.assert(
      fc.property(scenarios, denyOnly, (s, deny) => {
        const before = matrix(s);
        const after = matrix(withPolicies(s, [...s.policies, deny]));
        return after.every((open, i) => !open || before[i]);
      }),
      runs,
    );
  });

  it('policy order does not matter', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const reversed = withPolicies(s, [...s.policies].reverse());
        expect(matrix(reversed)).toEqual(matrix(s));
      }),
      runs,
    );
  });

  it('writing the defaulted policyTypes explicitly changes nothing', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const explicit = withPolicies(
          s,
          s.policies.map((p) => ({ ...p, policyTypes: effectivePolicyTypes(p) })),
        );
        expect(matrix(explicit)).toEqual(matrix(s));
      }),
      runs,
    );
  });

  it('splitting a rule into one rule per peer changes nothing (peers are ORed)', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const split = withPolicies(
          s,
          s.policies.map((p) => ({
            ...p,
            // Keep the defaulted types: splitting must not turn "egress: [rule]" into "egress: []".
            policyTypes: effectivePolicyTypes(p),
            ingress: p.ingress?.flatMap((r) =>
              r.peers.length === 0 ? [r] : r.peers.map((peer) => ({ ...r, peers: [peer] })),
            ),
            egress: p.egress?.flatMap((r) =>
              r.peers.length === 0 ? [r] : r.peers.map((peer) => ({ ...r, peers: [peer] })),
            ),
          })),
        );
        expect(matrix(split)).toEqual(matrix(s));
      }),
      runs,
    );
  });

  it('splitting a policy into one policy per rule changes nothing (rules of all policies are unioned)', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const split = withPolicies(
          s,
          s.policies.flatMap((p) => {
            const types = effectivePolicyTypes(p);
            const base = { ...p, policyTypes: types, ingress: [], egress: [] };
            const ingress = (p.ingress ?? []).map((r, i) => ({
              ...base,
              name: `${p.name}-i${i}`,
              ingress: [r],
            }));
            const egress = (p.egress ?? []).map((r, i) => ({
              ...base,
              name: `${p.name}-e${i}`,
              egress: [r],
            }));
            return [base, ...ingress, ...egress];
          }),
        );
        expect(matrix(split)).toEqual(matrix(s));
      }),
      runs,
    );
  });

  it('a cell is decided only by policies in the source and destination namespaces', () => {
    fc.assert(
      fc.property(scenarios, (s) => {
        const full = reachability(s, true).cells;
        for (const cell of full.filter((_, i) => i % 7 === 0)) {
          const namespaces = new Set([cell.from.split('/')[0], cell.to.split('/')[0]]);
          const local = withPolicies(
            s,
            s.policies.filter((p) => namespaces.has(p.namespace)),
          );
          const again = reachability(local, true).cells.find((c) => cellName(c) === cellName(cell));
          expect(again?.allowed).toBe(cell.allowed);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('80/SCTP is decided as 80/TCP is with the two protocols swapped in every port entry', () => {
    // The model has no SCTP-specific rule: protocol, number, range and name apply alike (types.go
    // NetworkPolicyPort). Swapping SCTP and TCP, named ports with them, maps one cell onto the other.
    const swapped = (port: NetpolPort): NetpolPort => {
      const protocol = port.protocol === 'SCTP' ? 'TCP' : port.protocol === 'TCP' ? 'SCTP' : 'UDP';
      const name =
        typeof port.port === 'string'
          ? port.port.replace(/-(tcp|sctp)$/, `-${protocol.toLowerCase()}`)
          : port.port;
      return { ...port, protocol, ...(name !== undefined && { port: name }) };
    };
    const swapRule = (rule: NetpolRule): NetpolRule => ({ ...rule, ports: rule.ports.map(swapped) });
    fc.assert(
      fc.property(scenarios, (s) => {
        const swappedScenario = withPolicies(
          s,
          s.policies.map((p) => ({
            ...p,
            ingress: p.ingress?.map(swapRule),
            egress: p.egress?.map(swapRule),
          })),
        );
        const sctp = reachability(s, true).cells.filter((c) => c.protocol === 'SCTP');
        const tcp = new Map(
          reachability(swappedScenario, true)
            .cells.filter((c) => c.protocol === 'TCP' && c.port === 80)
            .map((c) => [`${c.from}->${c.to}`, c.allowed]),
        );
        return sctp.every((c) => tcp.get(`${c.from}->${c.to}`) === c.allowed);
      }),
      runs,
    );
  });

  it('the expectation has exactly the non-loopback cells, each a boolean with a reason', () => {
    const withSctp = { ...capabilities, serverImage: 'agnhost', sctpTraffic: true };
    fc.assert(
      fc.property(scenarios, (s) => {
        expect(Object.keys(expectNetworkPolicy(s, withSctp, DEFAULT_MODEL_OPTIONS).fields).sort()).toEqual(
          [...NETPOL_SCTP_FIELDS].sort(),
        );
        const e = expectNetworkPolicy(s, capabilities, DEFAULT_MODEL_OPTIONS);
        expect(Object.keys(e.fields).sort()).toEqual([...NETPOL_FIELDS].sort());
        for (const field of Object.values(e.fields)) {
          expect(field.expected.kind === 'equals' && typeof field.expected.value === 'boolean').toBe(true);
          expect(field.because.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 40 },
    );
  });
});
