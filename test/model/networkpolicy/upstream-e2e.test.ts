import { ALL_PODS_CIDR, podCidr } from '../../../model/networkpolicy/ip-block';
import { cellReachability } from '../../../model/networkpolicy/matcher';
import {
  NAMESPACE_NAME_LABEL_KEY,
  TOPOLOGY_PODS,
  type NetpolProtocol,
} from '../../../model/networkpolicy/topology';
import type { NetworkPolicyScenario } from '../../../model/scenario/families';
import type { NetworkPolicySpec, Selector } from '../../../model/scenario/policies';
import { all, bothPeer, nsIs, nsPeer, podIs, podPeer, policy, rule, scenario } from './scenario-builders';
import { UpstreamReachability } from './upstream-reachability';

/**
 * Cases of test/e2e/network/netpol/network_policy.go reproduced over the full 3 × 3 topology,
 * each named after its upstream `f.It`. The expected tables are copied from the upstream case
 * (its ExpectPeer/Expect calls). Upstream selects namespaces by `kubernetes.io/metadata.name: <ns>`
 * where this topology mostly uses its own `ns: <ns>`; the "using default ns label" cases use the
 * former, with the topology names the manifest mapper makes real. Upstream's SetSpecIngressRules/SetSpecEgressRules (policies.go) also set policyTypes to
 * Ingress/Egress, so the policies here list them likewise. Loopback is ignored (ignoreLoopback).
 */
function mismatches(
  s: NetworkPolicyScenario,
  port: number,
  protocol: NetpolProtocol,
  expected: UpstreamReachability,
): string[] {
  const wrong: string[] = [];
  for (const from of TOPOLOGY_PODS)
    for (const to of TOPOLOGY_PODS) {
      if (from.id === to.id) continue;
      const model = cellReachability(s, { from: from.id, to: to.id, port, protocol }).allowed;
      if (model !== expected.get(from.id, to.id)) wrong.push(`${from.id}->${to.id} model=${model}`);
    }
  return wrong;
}

/** Upstream's SetSpecIngressRules/SetSpecEgressRules add the matching policyType (policies.go). */
function upstreamPolicy(
  spec: Partial<NetworkPolicySpec> & Pick<NetworkPolicySpec, 'name'>,
): NetworkPolicySpec {
  const types: ('Ingress' | 'Egress')[] = [
    ...(spec.ingress ? (['Ingress'] as const) : []),
    ...(spec.egress ? (['Egress'] as const) : []),
  ];
  return policy({ policyTypes: types, ...spec });
}

const expr = (key: string, operator: 'In' | 'NotIn', values: string[]): Selector => ({
  matchLabels: {},
  matchExpressions: [{ key, operator, values }],
});

describe('upstream netpol e2e (network_policy.go)', () => {
  it("should support a 'default-deny-ingress' policy", () => {
    const s = scenario(upstreamPolicy({ name: 'deny-ingress', ingress: [] }));
    expect(mismatches(s, 80, 'TCP', new UpstreamReachability().expectPeer({}, { ns: 'x' }, false))).toEqual(
      [],
    );
  });

  it("should support a 'default-deny-all' policy", () => {
    const s = scenario(
      upstreamPolicy({ name: 'deny-all', policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [] }),
    );
    const r = new UpstreamReachability()
      .expectPeer({}, { ns: 'x' }, false)
      .expectPeer({ ns: 'x' }, {}, false);
    expect(mismatches(s, 80, 'TCP', r)).toEqual([]);
  });

  it('should enforce policy to allow traffic from pods within server namespace based on PodSelector', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'x-a-allows-x-b',
        podSelector: podIs('a'),
        ingress: [rule([podPeer(podIs('b'))])],
      }),
    );
    const r = new UpstreamReachability().expectAllIngress('x/a', false).expect('x/b', 'x/a', true);
    expect(mismatches(s, 80, 'TCP', r)).toEqual([]);
  });

  it('should enforce policy to allow ingress traffic for a target', () => {
    const s = scenario(
      upstreamPolicy({ name: 'deny-all', ingress: [] }),
      upstreamPolicy({
        name: 'allow-all-to-a',
        podSelector: podIs('a'),
        ingress: [rule([bothPeer(all, all)])],
      }),
    );
    const r = new UpstreamReachability()
      .expectAllIngress('x/a', true)
      .expectAllIngress('x/b', false)
      .expectAllIngress('x/c', false);
    expect(mismatches(s, 80, 'TCP', r)).toEqual([]);
  });

  it('should enforce policy to allow traffic only from a different namespace, based on NamespaceSelector', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-client-a-via-ns-selector',
        podSelector: podIs('a'),
        ingress: [rule([nsPeer(nsIs('y'))])],
      }),
    );
    const r = new UpstreamReachability()
      .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
      .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false);
    expect(mismatches(s, 80, 'TCP', r)).toEqual([]);
  });

  it('should enforce policy based on PodSelector or NamespaceSelector', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-ns-y-match-selector',
        podSelector: podIs('a'),
        ingress: [rule([nsPeer(expr('ns', 'NotIn', ['x'])), podPeer(podIs('b'))])],
      }),
    );
    const r = new UpstreamReachability().expect('x/a', 'x/a', false).expect('x/c', 'x/a', false);
    expect(mismatches(s, 80, 'TCP', r)).toEqual([]);
  });

  it('should enforce policy based on PodSelector and NamespaceSelector', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-ns-y-podselector-and-nsselector',
        podSelector: podIs('a'),
        ingress: [rule([bothPeer(podIs('b'), expr('ns', 'NotIn', ['x']))])],
      }),
    );
    const r = new UpstreamReachability()
      .expectAllIngress('x/a', false)
      .expect('y/b', 'x/a', true)
      .expect('z/b', 'x/a', true);
    expect(mismatches(s, 80, 'TCP', r)).toEqual([]);
  });

  it('should enforce policy based on Multiple PodSelectors and NamespaceSelectors', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-ns-y-z-pod-b-c',
        podSelector: podIs('a'),
        ingress: [rule([bothPeer(expr('pod', 'In', ['b', 'c']), expr('ns', 'NotIn', ['x']))])],
      }),
    );
    // Upstream lists y/a as denied; over the full topology z/a is denied for the same reason.
    const r = new UpstreamReachability()
      .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
      .expect('y/a', 'x/a', false)
      .expect('z/a', 'x/a', false);
    expect(mismatches(s, 80, 'TCP', r)).toEqual([]);
  });

  it('should enforce policy based on Ports', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-client-a-via-ns-selector',
        podSelector: podIs('a'),
        ingress: [rule([nsPeer(nsIs('y'))], [{ protocol: 'TCP', port: 81 }])],
      }),
    );
    const r = new UpstreamReachability()
      .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
      .expectPeer({ ns: 'y' }, { ns: 'x', pod: 'a' }, true)
      .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false);
    expect(mismatches(s, 81, 'TCP', r)).toEqual([]);
    expect(mismatches(s, 80, 'TCP', new UpstreamReachability().expectAllIngress('x/a', false))).toEqual([]);
  });

  it('should enforce multiple, stacked policies with overlapping podSelectors', () => {
    const allowPort = (name: string, port: number) =>
      upstreamPolicy({
        name,
        podSelector: podIs('a'),
        ingress: [rule([nsPeer(nsIs('y'))], [{ protocol: 'TCP', port }])],
      });
    const s = scenario(
      allowPort('allow-client-a-via-ns-selector', 81),
      allowPort('allow-client-a-via-ns-selector-80', 80),
    );
    const allow = new UpstreamReachability()
      .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
      .expectPeer({ ns: 'y' }, { ns: 'x', pod: 'a' }, true)
      .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false);
    expect(mismatches(s, 81, 'TCP', allow)).toEqual([]);
    expect(mismatches(s, 80, 'TCP', allow)).toEqual([]);
  });

  it('should support allow-all policy', () => {
    const s = scenario(upstreamPolicy({ name: 'allow-all', ingress: [rule()] }));
    expect(mismatches(s, 80, 'TCP', new UpstreamReachability())).toEqual([]);
    expect(mismatches(s, 81, 'TCP', new UpstreamReachability())).toEqual([]);
  });

  it('should allow ingress access on one named port', () => {
    const s = scenario(
      upstreamPolicy({ name: 'allow-all', ingress: [rule([], [{ protocol: 'TCP', port: 'serve-81-tcp' }])] }),
    );
    expect(mismatches(s, 81, 'TCP', new UpstreamReachability())).toEqual([]);
    expect(mismatches(s, 80, 'TCP', new UpstreamReachability().expectPeer({}, { ns: 'x' }, false))).toEqual(
      [],
    );
  });

  it('should allow ingress access from namespace on one named port', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-client-a-via-ns-selector-80',
        podSelector: podIs('a'),
        ingress: [rule([nsPeer(nsIs('y'))], [{ protocol: 'TCP', port: 'serve-80-tcp' }])],
      }),
    );
    const r = new UpstreamReachability()
      .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
      .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false);
    expect(mismatches(s, 80, 'TCP', r)).toEqual([]);
    expect(mismatches(s, 81, 'TCP', new UpstreamReachability().expectAllIngress('x/a', false))).toEqual([]);
  });

  it('should allow egress access on one named port', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-egress',
        policyTypes: ['Egress'],
        egress: [rule([], [{ protocol: 'TCP', port: 'serve-80-tcp' }])],
      }),
    );
    expect(mismatches(s, 80, 'TCP', new UpstreamReachability())).toEqual([]);
    expect(mismatches(s, 81, 'TCP', new UpstreamReachability().expectPeer({ ns: 'x' }, {}, false))).toEqual(
      [],
    );
  });

  it('should deny ingress from pods on other namespaces', () => {
    const s = scenario(upstreamPolicy({ name: 'deny-empty-policy', ingress: [rule([podPeer(all)])] }));
    const r = new UpstreamReachability()
      .expectPeer({ ns: 'y' }, { ns: 'x' }, false)
      .expectPeer({ ns: 'z' }, { ns: 'x' }, false);
    expect(mismatches(s, 80, 'TCP', r)).toEqual([]);
  });

  it('should deny egress from pods based on PodSelector', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'deny-egress-pod-a',
        podSelector: podIs('a'),
        policyTypes: ['Egress'],
        egress: [],
      }),
    );
    expect(mismatches(s, 80, 'TCP', new UpstreamReachability().expectAllEgress('x/a', false))).toEqual([]);
  });

  it('should deny egress from all pods in a namespace', () => {
    const s = scenario(upstreamPolicy({ name: 'deny-egress-ns-x', policyTypes: ['Egress'], egress: [] }));
    expect(mismatches(s, 80, 'TCP', new UpstreamReachability().expectPeer({ ns: 'x' }, {}, false))).toEqual(
      [],
    );
  });

  it('should work with Ingress, Egress specified together', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-client-a-via-pod-selector',
        podSelector: podIs('a'),
        policyTypes: ['Egress', 'Ingress'],
        ingress: [rule([podPeer(podIs('b'))])],
        egress: [rule([], [{ protocol: 'TCP', port: 80 }])],
      }),
    );
    expect(
      mismatches(
        s,
        80,
        'TCP',
        new UpstreamReachability().expectAllIngress('x/a', false).expect('x/b', 'x/a', true),
      ),
    ).toEqual([]);
    const r81 = new UpstreamReachability()
      .expectAllIngress('x/a', false)
      .expectAllEgress('x/a', false)
      .expect('x/b', 'x/a', true);
    expect(mismatches(s, 81, 'TCP', r81)).toEqual([]);
  });

  it('should support denying of egress traffic on the client side (even if the server explicitly allows this traffic)', () => {
    const fromXa = [rule([bothPeer(podIs('a'), nsIs('x'))])];
    const s = scenario(
      upstreamPolicy({
        name: 'allow-to-ns-y-pod-a',
        podSelector: podIs('a'),
        policyTypes: ['Egress'],
        egress: [rule([bothPeer(podIs('a'), nsIs('y'))])],
      }),
      upstreamPolicy({
        name: 'allow-from-xa-on-ya-match-selector',
        namespace: 'y',
        podSelector: podIs('a'),
        ingress: fromXa,
      }),
      upstreamPolicy({
        name: 'allow-from-xa-on-yb-match-selector',
        namespace: 'y',
        podSelector: podIs('b'),
        ingress: fromXa,
      }),
    );
    const r = new UpstreamReachability()
      .expectPeer({ ns: 'x', pod: 'a' }, {}, false)
      .expectPeer({}, { ns: 'y', pod: 'a' }, false)
      .expectPeer({ ns: 'x', pod: 'a' }, { ns: 'y', pod: 'a' }, true)
      .expectPeer({}, { ns: 'y', pod: 'b' }, false);
    expect(mismatches(s, 80, 'TCP', r)).toEqual([]);
  });

  it('should enforce ingress policy allowing any port traffic to a server on a specific protocol', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-ingress-by-proto',
        podSelector: podIs('a'),
        ingress: [rule([], [{ protocol: 'TCP' }])],
      }),
    );
    expect(mismatches(s, 80, 'TCP', new UpstreamReachability())).toEqual([]);
    expect(
      mismatches(s, 80, 'UDP', new UpstreamReachability().expectPeer({}, { ns: 'x', pod: 'a' }, false)),
    ).toEqual([]);
  });

  it('should enforce multiple ingress policies with ingress allow-all policy taking precedence', () => {
    const only80 = upstreamPolicy({
      name: 'allow-ingress-port-80',
      ingress: [rule([], [{ protocol: 'TCP', port: 80 }])],
    });
    expect(
      mismatches(scenario(only80), 81, 'TCP', new UpstreamReachability().expectPeer({}, { ns: 'x' }, false)),
    ).toEqual([]);
    const both = scenario(only80, upstreamPolicy({ name: 'allow-ingress', ingress: [rule()] }));
    expect(mismatches(both, 81, 'TCP', new UpstreamReachability())).toEqual([]);
  });

  it('should enforce multiple egress policies with egress allow-all policy taking precedence', () => {
    const only80 = upstreamPolicy({
      name: 'allow-egress-port-80',
      policyTypes: ['Egress'],
      egress: [rule([], [{ protocol: 'TCP', port: 80 }])],
    });
    expect(
      mismatches(scenario(only80), 81, 'TCP', new UpstreamReachability().expectPeer({ ns: 'x' }, {}, false)),
    ).toEqual([]);
    const both = scenario(
      only80,
      upstreamPolicy({ name: 'allow-egress', policyTypes: ['Egress'], egress: [rule()] }),
    );
    expect(mismatches(both, 81, 'TCP', new UpstreamReachability())).toEqual([]);
  });

  it('should allow egress access to server in CIDR block', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-client-a-via-cidr-egress-rule',
        podSelector: podIs('a'),
        policyTypes: ['Egress'],
        egress: [rule([{ kind: 'ipBlock', cidr: podCidr('y/b'), except: [] }])],
      }),
    );
    const r = new UpstreamReachability().expectAllEgress('x/a', false).expect('x/a', 'y/b', true);
    expect(mismatches(s, 80, 'TCP', r)).toEqual([]);
  });

  it('should enforce except clause while egress access to server in CIDR block', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-client-a-via-cidr-egress-rule',
        podSelector: podIs('a'),
        policyTypes: ['Egress'],
        egress: [rule([{ kind: 'ipBlock', cidr: ALL_PODS_CIDR, except: [podCidr('x/b')] }])],
      }),
    );
    expect(mismatches(s, 80, 'TCP', new UpstreamReachability().expect('x/a', 'x/b', false))).toEqual([]);
  });

  it('should ensure an IP overlapping both IPBlock.CIDR and IPBlock.Except is allowed (after the update)', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-client-a-via-cidr-egress-rule',
        podSelector: podIs('a'),
        policyTypes: ['Egress'],
        egress: [rule([{ kind: 'ipBlock', cidr: podCidr('x/b'), except: [] }])],
      }),
    );
    const r = new UpstreamReachability().expectAllEgress('x/a', false).expect('x/a', 'x/b', true);
    expect(mismatches(s, 80, 'TCP', r)).toEqual([]);
  });

  it('should enforce policies to check ingress and egress policies can be controlled independently based on PodSelector', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-egress-for-target',
        podSelector: podIs('a'),
        policyTypes: ['Egress'],
        egress: [rule()],
      }),
      upstreamPolicy({ name: 'deny-ingress-via-label-selector', podSelector: podIs('a'), ingress: [] }),
    );
    expect(mismatches(s, 80, 'TCP', new UpstreamReachability().expectAllIngress('x/a', false))).toEqual([]);
  });

  it('should not allow access by TCP when a policy specifies only UDP', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-only-udp-ingress-on-port-81',
        podSelector: podIs('a'),
        ingress: [rule([], [{ protocol: 'UDP', port: 81 }])],
      }),
    );
    expect(mismatches(s, 81, 'TCP', new UpstreamReachability().expectAllIngress('x/a', false))).toEqual([]);
  });

  it("should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP', even if the plugin doesn't support SCTP", () => {
    const s = scenario(
      upstreamPolicy({ name: 'deny-ingress', ingress: [] }),
      upstreamPolicy({
        name: 'allow-only-sctp-ingress-on-port-81',
        podSelector: podIs('a'),
        ingress: [rule([], [{ protocol: 'SCTP', port: 81 }])],
      }),
    );
    expect(mismatches(s, 81, 'TCP', new UpstreamReachability().expectPeer({}, { ns: 'x' }, false))).toEqual(
      [],
    );
  });

  it("should properly isolate pods that are selected by a policy allowing SCTP, even if the plugin doesn't support SCTP", () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-only-sctp-ingress-on-port-80',
        podSelector: podIs('a'),
        ingress: [rule([], [{ protocol: 'SCTP', port: 80 }])],
      }),
    );
    expect(mismatches(s, 81, 'TCP', new UpstreamReachability().expectAllIngress('x/a', false))).toEqual([]);
  });

  it('should enforce policy to allow traffic based on NamespaceSelector with MatchLabels using default ns label', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-client-a-via-ns-selector-for-immutable-ns-label',
        podSelector: podIs('a'),
        ingress: [rule([nsPeer({ matchLabels: { [NAMESPACE_NAME_LABEL_KEY]: 'y' } })])],
      }),
    );
    const r = new UpstreamReachability()
      .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
      .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false);
    expect(mismatches(s, 80, 'TCP', r)).toEqual([]);
  });

  it('should enforce policy based on NamespaceSelector with MatchExpressions using default ns label', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-ns-y-match-selector-for-immutable-ns-label',
        podSelector: podIs('a'),
        egress: [rule([nsPeer(expr(NAMESPACE_NAME_LABEL_KEY, 'NotIn', ['y']))])],
      }),
    );
    expect(
      mismatches(
        s,
        80,
        'TCP',
        new UpstreamReachability().expectPeer({ ns: 'x', pod: 'a' }, { ns: 'y' }, false),
      ),
    ).toEqual([]);
  });

  // Upstream's UDP variant uses port 81; this topology serves UDP on 80 only.
  it('UDP: should enforce policy based on Ports', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-ingress-on-port-81-ns-x',
        podSelector: podIs('a'),
        ingress: [rule([nsPeer(nsIs('y'))], [{ protocol: 'UDP', port: 80 }])],
      }),
    );
    const r = new UpstreamReachability()
      .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
      .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false);
    expect(mismatches(s, 80, 'UDP', r)).toEqual([]);
  });

  // "NetworkPolicy between server and client using SCTP" ([Feature:SCTPConnectivity]): judged on the
  // 80/SCTP cells the topology serves where the cluster carries SCTP. Upstream's Ports variant uses
  // port 81; this topology serves SCTP on 80 only, as UDP.
  it("using SCTP: should support a 'default-deny-ingress' policy", () => {
    const s = scenario(upstreamPolicy({ name: 'deny-all', ingress: [] }));
    expect(mismatches(s, 80, 'SCTP', new UpstreamReachability().expectPeer({}, { ns: 'x' }, false))).toEqual(
      [],
    );
  });

  it('using SCTP: should enforce policy based on Ports', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-ingress-on-port-81-ns-x',
        podSelector: podIs('a'),
        ingress: [rule([nsPeer(nsIs('y'))], [{ protocol: 'SCTP', port: 80 }])],
      }),
    );
    const r = new UpstreamReachability()
      .expectPeer({ ns: 'x' }, { ns: 'x', pod: 'a' }, false)
      .expectPeer({ ns: 'z' }, { ns: 'x', pod: 'a' }, false);
    expect(mismatches(s, 80, 'SCTP', r)).toEqual([]);
    // The SCTP port admits no TCP or UDP, and a TCP port of the same number admits no SCTP.
    expect(mismatches(s, 80, 'TCP', new UpstreamReachability().expectAllIngress('x/a', false))).toEqual([]);
    const tcpOnly = scenario(
      upstreamPolicy({
        name: 'allow-ingress-on-tcp-80',
        podSelector: podIs('a'),
        ingress: [rule([nsPeer(nsIs('y'))], [{ protocol: 'TCP', port: 80 }])],
      }),
    );
    expect(
      mismatches(tcpOnly, 80, 'SCTP', new UpstreamReachability().expectAllIngress('x/a', false)),
    ).toEqual([]);
  });

  it('using SCTP: should enforce policy to allow traffic only from a pod in a different namespace based on PodSelector and NamespaceSelector', () => {
    const s = scenario(
      upstreamPolicy({
        name: 'allow-ns-y-pod-a-via-namespace-pod-selector',
        podSelector: podIs('a'),
        ingress: [rule([bothPeer(podIs('a'), nsIs('y'))])],
      }),
    );
    const r = new UpstreamReachability().expectAllIngress('x/a', false).expect('y/a', 'x/a', true);
    expect(mismatches(s, 80, 'SCTP', r)).toEqual([]);
  });
});
