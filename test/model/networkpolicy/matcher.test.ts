import { ALL_PODS_CIDR, podCidr } from '../../../model/networkpolicy/ip-block';
import { ruleOf } from '../../../model/networkpolicy/expect';
import { cellReachability, explainCell, reachability } from '../../../model/networkpolicy/matcher';
import type { NetpolPort } from '../../../model/scenario/policies';
import {
  all,
  allowed,
  bothPeer,
  nsIs,
  nsPeer,
  podIs,
  podPeer,
  policy,
  rule,
  scenario,
} from './scenario-builders';

// Expected values below come from the NetworkPolicy docs (kubernetes.io concepts/services-networking/
// network-policies) and the field docs in staging/src/k8s.io/api/networking/v1/types.go.

describe('isolation: a pod no policy selects is open', () => {
  const s = scenario(policy({ name: 'deny', podSelector: podIs('a'), ingress: [] }));

  it('leaves unselected pods in the policy namespace open', () => {
    expect(allowed(s, 'y/a', 'x/b')).toBe(true);
  });
  it('leaves pods of other namespaces with the same labels open', () => {
    expect(allowed(s, 'x/b', 'y/a')).toBe(true);
  });
  it('does not restrict the selected pod in the other direction (egress)', () => {
    expect(allowed(s, 'x/a', 'z/c')).toBe(true);
  });
  it('isolates the selected pod for ingress', () => {
    expect(allowed(s, 'y/a', 'x/a')).toBe(false);
  });
});

describe('policyTypes default', () => {
  it('without policyTypes and without egress, a policy is Ingress only', () => {
    const s = scenario(policy({ name: 'p', ingress: [] }));
    expect(allowed(s, 'x/a', 'y/a')).toBe(true);
    expect(allowed(s, 'y/a', 'x/a')).toBe(false);
  });
  it('without policyTypes, egress rules add Egress', () => {
    const s = scenario(policy({ name: 'p', egress: [rule([nsPeer(nsIs('y'))])] }));
    expect(allowed(s, 'x/a', 'y/a')).toBe(true);
    expect(allowed(s, 'x/a', 'z/a')).toBe(false);
    // ...and Ingress with no ingress rules: everything into x is denied.
    expect(allowed(s, 'y/a', 'x/a')).toBe(false);
  });
  it('without policyTypes, an empty egress list does not add Egress (defaults.go: len(Egress) != 0)', () => {
    const s = scenario(policy({ name: 'p', ingress: [rule()], egress: [] }));
    expect(allowed(s, 'x/a', 'z/b')).toBe(true);
    expect(allowed(s, 'z/b', 'x/a')).toBe(true);
  });
  it('with policyTypes [Egress], ingress rules are ignored and ingress stays open', () => {
    const s = scenario(
      policy({ name: 'p', policyTypes: ['Egress'], ingress: [rule([podPeer(podIs('b'))])], egress: [] }),
    );
    expect(allowed(s, 'y/c', 'x/a')).toBe(true);
    expect(allowed(s, 'x/a', 'x/b')).toBe(false);
  });
});

describe('a connection needs the source egress and the destination ingress', () => {
  it('egress allowed but ingress denied: blocked', () => {
    const s = scenario(
      policy({ name: 'out', egress: [rule()] }),
      policy({ name: 'in', namespace: 'y', ingress: [] }),
    );
    expect(allowed(s, 'x/a', 'y/a')).toBe(false);
  });
  it('ingress allowed but egress denied: blocked', () => {
    const s = scenario(
      policy({ name: 'out', policyTypes: ['Egress'] }),
      policy({ name: 'in', namespace: 'y', ingress: [rule([nsPeer(nsIs('x'))])] }),
    );
    expect(allowed(s, 'x/a', 'y/a')).toBe(false);
  });
  it('both allowed: connects; the reverse direction is decided separately', () => {
    const s = scenario(
      policy({ name: 'out', egress: [rule([nsPeer(nsIs('y'))])] }),
      policy({ name: 'in', namespace: 'y', ingress: [rule([nsPeer(nsIs('x'))])] }),
    );
    expect(allowed(s, 'x/a', 'y/a')).toBe(true);
    // y/a -> x/a: x is isolated for ingress by "out" (default Ingress) with no ingress rules.
    expect(allowed(s, 'y/a', 'x/a')).toBe(false);
  });
});

describe('peers: fields of one peer are ANDed, separate peers ORed', () => {
  const and = scenario(
    policy({ name: 'and', podSelector: podIs('a'), ingress: [rule([bothPeer(podIs('b'), nsIs('y'))])] }),
  );
  const or = scenario(
    policy({
      name: 'or',
      podSelector: podIs('a'),
      ingress: [rule([podPeer(podIs('b')), nsPeer(nsIs('y'))])],
    }),
  );

  it('AND: only pod b of namespace y', () => {
    expect(allowed(and, 'y/b', 'x/a')).toBe(true);
    expect(allowed(and, 'y/c', 'x/a')).toBe(false);
    expect(allowed(and, 'x/b', 'x/a')).toBe(false);
  });
  it('OR: pod b of the policy namespace, or any pod of namespace y', () => {
    expect(allowed(or, 'x/b', 'x/a')).toBe(true);
    expect(allowed(or, 'y/c', 'x/a')).toBe(true);
    expect(allowed(or, 'z/b', 'x/a')).toBe(false);
  });
  it('a podSelector peer alone is limited to the policy namespace', () => {
    const s = scenario(policy({ name: 'p', namespace: 'y', ingress: [rule([podPeer(podIs('c'))])] }));
    expect(allowed(s, 'y/c', 'y/a')).toBe(true);
    expect(allowed(s, 'x/c', 'y/a')).toBe(false);
    expect(allowed(s, 'z/c', 'y/a')).toBe(false);
  });
});

describe('empty selectors', () => {
  it('an empty policy podSelector selects every pod of its namespace only', () => {
    const s = scenario(policy({ name: 'p', namespace: 'z', ingress: [] }));
    expect(allowed(s, 'x/a', 'z/a')).toBe(false);
    expect(allowed(s, 'x/a', 'z/c')).toBe(false);
    expect(allowed(s, 'x/a', 'y/c')).toBe(true);
  });
  it('an empty namespaceSelector selects all pods of all namespaces', () => {
    const s = scenario(policy({ name: 'p', ingress: [rule([nsPeer(all)])] }));
    expect(allowed(s, 'z/c', 'x/a')).toBe(true);
    expect(allowed(s, 'x/b', 'x/a')).toBe(true);
  });
  it('an empty podSelector peer selects all pods of the policy namespace', () => {
    const s = scenario(policy({ name: 'p', ingress: [rule([podPeer(all)])] }));
    expect(allowed(s, 'x/c', 'x/a')).toBe(true);
    expect(allowed(s, 'y/a', 'x/a')).toBe(false);
  });
  it('empty peers and empty ports in a rule allow everything', () => {
    const s = scenario(policy({ name: 'p', ingress: [rule()] }));
    expect(allowed(s, 'z/c', 'x/a', 81)).toBe(true);
    expect(allowed(s, 'z/c', 'x/a', 80, 'UDP')).toBe(true);
  });
});

describe('selector operators', () => {
  it('NotIn matches every value but the listed ones', () => {
    const s = scenario(
      policy({
        name: 'p',
        ingress: [
          rule([
            nsPeer({ matchLabels: {}, matchExpressions: [{ key: 'ns', operator: 'NotIn', values: ['x'] }] }),
          ]),
        ],
      }),
    );
    expect(allowed(s, 'x/b', 'x/a')).toBe(false);
    expect(allowed(s, 'y/b', 'x/a')).toBe(true);
  });
  it('Exists on a label the objects do not carry matches nothing', () => {
    const s = scenario(
      policy({
        name: 'p',
        ingress: [
          rule([nsPeer({ matchLabels: {}, matchExpressions: [{ key: 'pod', operator: 'Exists' }] })]),
        ],
      }),
    );
    expect(allowed(s, 'y/b', 'x/a')).toBe(false);
  });
  it('DoesNotExist on a label no pod carries matches every pod', () => {
    const s = scenario(
      policy({
        name: 'p',
        podSelector: { matchLabels: {}, matchExpressions: [{ key: 'ns', operator: 'DoesNotExist' }] },
        ingress: [],
      }),
    );
    expect(allowed(s, 'y/b', 'x/c')).toBe(false);
  });
});

describe('ports', () => {
  const numbered = scenario(policy({ name: 'p', ingress: [rule([], [{ protocol: 'TCP', port: 81 }])] }));
  it('a numeric port allows that port only', () => {
    expect(allowed(numbered, 'y/a', 'x/a', 81)).toBe(true);
    expect(allowed(numbered, 'y/a', 'x/a', 80)).toBe(false);
  });
  it('a port of one protocol does not allow the other protocol', () => {
    const s = scenario(policy({ name: 'p', ingress: [rule([], [{ protocol: 'UDP', port: 80 }])] }));
    expect(allowed(s, 'y/a', 'x/a', 80, 'UDP')).toBe(true);
    expect(allowed(s, 'y/a', 'x/a', 80, 'TCP')).toBe(false);
  });
  it('a protocol without a port allows every port of it', () => {
    const s = scenario(policy({ name: 'p', ingress: [rule([], [{ protocol: 'TCP' }])] }));
    expect(allowed(s, 'y/a', 'x/a', 80)).toBe(true);
    expect(allowed(s, 'y/a', 'x/a', 81)).toBe(true);
    expect(allowed(s, 'y/a', 'x/a', 80, 'UDP')).toBe(false);
  });
});

describe('named ports resolve on the destination pod', () => {
  it('serve-81-tcp allows 81/TCP only', () => {
    const s = scenario(
      policy({ name: 'p', ingress: [rule([], [{ protocol: 'TCP', port: 'serve-81-tcp' }])] }),
    );
    expect(allowed(s, 'y/a', 'x/a', 81)).toBe(true);
    expect(allowed(s, 'y/a', 'x/a', 80)).toBe(false);
  });
  it('serve-80-udp allows 80/UDP and not 80/TCP', () => {
    const s = scenario(
      policy({ name: 'p', ingress: [rule([], [{ protocol: 'UDP', port: 'serve-80-udp' }])] }),
    );
    expect(allowed(s, 'y/a', 'x/a', 80, 'UDP')).toBe(true);
    expect(allowed(s, 'y/a', 'x/a', 80, 'TCP')).toBe(false);
  });
  it('in an egress rule the name resolves on the destination (all pods serve the same names)', () => {
    const s = scenario(
      policy({ name: 'p', egress: [rule([], [{ protocol: 'TCP', port: 'serve-80-tcp' }])] }),
    );
    expect(allowed(s, 'x/a', 'z/c', 80)).toBe(true);
    expect(allowed(s, 'x/a', 'z/c', 81)).toBe(false);
  });
  it('a name with another protocol than the container port matches nothing', () => {
    const s = scenario(
      policy({ name: 'p', ingress: [rule([], [{ protocol: 'UDP', port: 'serve-80-tcp' }])] }),
    );
    expect(allowed(s, 'y/a', 'x/a', 80, 'TCP')).toBe(false);
    expect(allowed(s, 'y/a', 'x/a', 80, 'UDP')).toBe(false);
  });
});

describe('endPort ranges are inclusive', () => {
  it('80..81 allows both TCP ports', () => {
    const s = scenario(
      policy({ name: 'p', ingress: [rule([], [{ protocol: 'TCP', port: 80, endPort: 81 }])] }),
    );
    expect(allowed(s, 'y/a', 'x/a', 80)).toBe(true);
    expect(allowed(s, 'y/a', 'x/a', 81)).toBe(true);
  });
  it('81..82 allows 81 but not 80', () => {
    const s = scenario(
      policy({ name: 'p', ingress: [rule([], [{ protocol: 'TCP', port: 81, endPort: 82 }])] }),
    );
    expect(allowed(s, 'y/a', 'x/a', 81)).toBe(true);
    expect(allowed(s, 'y/a', 'x/a', 80)).toBe(false);
  });
  it('79..80 on UDP allows 80/UDP only', () => {
    const s = scenario(
      policy({ name: 'p', ingress: [rule([], [{ protocol: 'UDP', port: 79, endPort: 80 }])] }),
    );
    expect(allowed(s, 'y/a', 'x/a', 80, 'UDP')).toBe(true);
    expect(allowed(s, 'y/a', 'x/a', 80, 'TCP')).toBe(false);
  });
  it('a range with endPort = port is that one port', () => {
    const s = scenario(
      policy({ name: 'p', egress: [rule([], [{ protocol: 'TCP', port: 81, endPort: 81 }])] }),
    );
    expect(allowed(s, 'x/a', 'y/a', 81)).toBe(true);
    expect(allowed(s, 'x/a', 'y/a', 80)).toBe(false);
  });
});

describe('SCTP cells follow the same port rules, by protocol', () => {
  const only = (port: NetpolPort) => scenario(policy({ name: 'p', ingress: [rule([], [port])] }));
  it('an SCTP port admits 80/SCTP only; a TCP, UDP or protocol-less (TCP) port never SCTP', () => {
    const sctp = only({ protocol: 'SCTP', port: 80 });
    expect(allowed(sctp, 'y/a', 'x/a', 80, 'SCTP')).toBe(true);
    expect(allowed(sctp, 'y/a', 'x/a', 80, 'TCP')).toBe(false);
    expect(allowed(sctp, 'y/a', 'x/a', 80, 'UDP')).toBe(false);
    for (const protocol of ['TCP', 'UDP'] as const) {
      expect(allowed(only({ protocol, port: 80 }), 'y/a', 'x/a', 80, 'SCTP')).toBe(false);
      expect(allowed(only({ protocol }), 'y/a', 'x/a', 80, 'SCTP')).toBe(false);
    }
    expect(allowed(only({ protocol: 'SCTP', port: 81 }), 'y/a', 'x/a', 80, 'SCTP')).toBe(false);
  });
  it('protocol SCTP alone admits every SCTP port and nothing else', () => {
    const s = only({ protocol: 'SCTP' });
    expect(allowed(s, 'y/a', 'x/a', 80, 'SCTP')).toBe(true);
    expect(allowed(s, 'y/a', 'x/a', 81, 'TCP')).toBe(false);
  });
  it('serve-80-sctp resolves by name and protocol: 80/SCTP only', () => {
    expect(allowed(only({ protocol: 'SCTP', port: 'serve-80-sctp' }), 'y/a', 'x/a', 80, 'SCTP')).toBe(true);
    expect(allowed(only({ protocol: 'SCTP', port: 'serve-80-sctp' }), 'y/a', 'x/a', 80, 'TCP')).toBe(false);
    expect(allowed(only({ protocol: 'TCP', port: 'serve-80-sctp' }), 'y/a', 'x/a', 80, 'SCTP')).toBe(false);
    expect(allowed(only({ protocol: 'SCTP', port: 'serve-80-tcp' }), 'y/a', 'x/a', 80, 'SCTP')).toBe(false);
  });
  it('an SCTP endPort range covers 80/SCTP when it spans it, and is its own rule', () => {
    const s = only({ protocol: 'SCTP', port: 79, endPort: 81 });
    expect(allowed(s, 'y/a', 'x/a', 80, 'SCTP')).toBe(true);
    expect(allowed(only({ protocol: 'SCTP', port: 81, endPort: 82 }), 'y/a', 'x/a', 80, 'SCTP')).toBe(false);
    const cell = cellReachability(s, { from: 'y/a', to: 'x/a', port: 80, protocol: 'SCTP' });
    expect(ruleOf(cell)).toBe('networkpolicy.end-port-range');
  });
});

describe('deny-all and allow-all', () => {
  it('an empty ingress list denies all ingress', () => {
    const s = scenario(policy({ name: 'deny', ingress: [] }));
    expect(allowed(s, 'x/b', 'x/a')).toBe(false);
    expect(allowed(s, 'z/c', 'x/c')).toBe(false);
  });
  it('policyTypes both with no rules denies both directions', () => {
    const s = scenario(policy({ name: 'deny', policyTypes: ['Ingress', 'Egress'] }));
    expect(allowed(s, 'x/a', 'y/a')).toBe(false);
    expect(allowed(s, 'y/a', 'x/a')).toBe(false);
    expect(allowed(s, 'y/a', 'z/a')).toBe(true);
  });
  it('one empty rule allows all, whatever else is in the list', () => {
    const s = scenario(
      policy({ name: 'allow', ingress: [rule([podPeer(podIs('c'))], [{ protocol: 'UDP' }]), rule()] }),
    );
    expect(allowed(s, 'z/a', 'x/a', 81)).toBe(true);
  });
});

describe('multiple policies: union of their rules', () => {
  it('a second policy can only add allowed traffic to an isolated pod', () => {
    const s = scenario(
      policy({ name: 'deny', ingress: [] }),
      policy({ name: 'allow-a', podSelector: podIs('a'), ingress: [rule([nsPeer(all)])] }),
    );
    expect(allowed(s, 'y/c', 'x/a')).toBe(true);
    expect(allowed(s, 'y/c', 'x/b')).toBe(false);
  });
  it('rules of different policies for different ports add up', () => {
    const s = scenario(
      policy({
        name: 'p80',
        podSelector: podIs('a'),
        ingress: [rule([nsPeer(nsIs('y'))], [{ protocol: 'TCP', port: 80 }])],
      }),
      policy({
        name: 'p81',
        podSelector: podIs('a'),
        ingress: [rule([nsPeer(nsIs('z'))], [{ protocol: 'TCP', port: 81 }])],
      }),
    );
    expect(allowed(s, 'y/a', 'x/a', 80)).toBe(true);
    expect(allowed(s, 'y/a', 'x/a', 81)).toBe(false);
    expect(allowed(s, 'z/a', 'x/a', 81)).toBe(true);
    expect(allowed(s, 'z/a', 'x/a', 80)).toBe(false);
  });
  it('a policy in another namespace does not affect this namespace', () => {
    const s = scenario(
      policy({ name: 'p', namespace: 'y', ingress: [] }),
      policy({ name: 'q', namespace: 'z', egress: [rule()] }),
    );
    expect(allowed(s, 'x/a', 'x/b')).toBe(true);
    expect(allowed(s, 'z/a', 'x/b')).toBe(true);
  });
});

describe('ipBlock with pod IPs (egress, as upstream netpol e2e)', () => {
  it('a pod host CIDR allows exactly that pod', () => {
    const s = scenario(
      policy({
        name: 'p',
        podSelector: podIs('a'),
        egress: [rule([{ kind: 'ipBlock', cidr: podCidr('y/b'), except: [] }])],
      }),
    );
    expect(allowed(s, 'x/a', 'y/b')).toBe(true);
    expect(allowed(s, 'x/a', 'y/a')).toBe(false);
  });
  it('except removes pods from a CIDR over all pods', () => {
    const s = scenario(
      policy({
        name: 'p',
        podSelector: podIs('a'),
        egress: [rule([{ kind: 'ipBlock', cidr: ALL_PODS_CIDR, except: [podCidr('x/b')] }])],
      }),
    );
    expect(allowed(s, 'x/a', 'x/b')).toBe(false);
    expect(allowed(s, 'x/a', 'x/c')).toBe(true);
    expect(allowed(s, 'x/a', 'z/c')).toBe(true);
  });
  it('an IP excepted by one block and allowed by another peer is allowed (OR)', () => {
    const s = scenario(
      policy({
        name: 'p',
        podSelector: podIs('a'),
        egress: [
          rule([{ kind: 'ipBlock', cidr: ALL_PODS_CIDR, except: [podCidr('x/b')] }]),
          rule([{ kind: 'ipBlock', cidr: podCidr('x/b'), except: [] }]),
        ],
      }),
    );
    expect(allowed(s, 'x/a', 'x/b')).toBe(true);
  });
});

describe('reasons name the rule, like Cyclonus', () => {
  it('an allowed cell names the allowing policy, direction and rule index', () => {
    const s = scenario(
      policy({
        name: 'allow-b',
        podSelector: podIs('a'),
        ingress: [rule([podPeer(podIs('c'))]), rule([podPeer(podIs('b'))])],
      }),
    );
    const cell = cellReachability(s, { from: 'x/b', to: 'x/a', port: 80, protocol: 'TCP' });
    expect(cell.ingress.allowedBy).toEqual(['x/allow-b Ingress rule 1']);
    expect(explainCell(cell)).toContain('ingress allowed by x/allow-b Ingress rule 1');
    expect(explainCell(cell)).toContain('egress open: no policy selects x/b for Egress');
  });
  it('a denied cell names the isolating policies', () => {
    const s = scenario(
      policy({ name: 'deny', policyTypes: ['Egress'] }),
      policy({ name: 'deny2', podSelector: podIs('a'), policyTypes: ['Egress'] }),
    );
    const cell = cellReachability(s, { from: 'x/a', to: 'y/a', port: 81, protocol: 'TCP' });
    expect(cell.egress.isolatedBy).toEqual(['x/deny', 'x/deny2']);
    expect(explainCell(cell)).toBe(
      'egress denied: x/a isolated by x/deny, x/deny2 and no rule allows y/a on 81/TCP',
    );
  });
  it('the table covers 9 × 9 pods × 3 ports and marks only loopback as not asserted', () => {
    const table = reachability(scenario(policy({ name: 'p', ingress: [] })), false);
    expect(table.cells).toHaveLength(243);
    expect(table.cells.filter((c) => !c.asserted).every((c) => c.from === c.to)).toBe(true);
    expect(table.cells.filter((c) => !c.asserted)).toHaveLength(27);
  });
  it('with SCTP traffic the table has a fourth port, 80/SCTP', () => {
    const table = reachability(scenario(policy({ name: 'p', ingress: [] })), true);
    expect(table.cells).toHaveLength(324);
    expect(table.cells.filter((c) => c.protocol === 'SCTP' && c.asserted)).toHaveLength(72);
    expect(new Set(table.cells.filter((c) => c.protocol === 'SCTP').map((c) => c.port))).toEqual(
      new Set([80]),
    );
  });
});
