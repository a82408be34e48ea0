import { defaultCapabilities, parseServerVersion } from '../../../model/capabilities';
import { expectNetworkPolicy, NETPOL_FIELDS } from '../../../model/networkpolicy/expect';
import { all, bothPeer, nsIs, podIs, podPeer, policy, rule, scenario } from './scenario-builders';

// The expectation matrix and the rule each cell names (docs/concepts/services-networking/network-policies:
// a pod is isolated for a direction once a policy selecting it has that policyType; traffic then needs a
// rule allowing it on every isolated side).

const caps = defaultCapabilities(parseServerVersion('v1.30'));
const options = { slackSeconds: 1 };
const expectOf = (...policies: Parameters<typeof scenario>) =>
  expectNetworkPolicy(scenario(...policies), caps, options);

describe('expectNetworkPolicy', () => {
  it('no policy: every non-loopback cell connects, nothing isolated', () => {
    const e = expectOf();
    expect(e.family).toBe('networkpolicy');
    expect(Object.keys(e.fields).sort()).toEqual([...NETPOL_FIELDS].sort());
    expect(e.fields['x/a->x/a:80/TCP']).toBeUndefined();
    expect(e.fields['x/a->y/b:80/TCP']).toMatchObject({
      expected: { kind: 'equals', value: true },
      rule: 'networkpolicy.not-isolated',
    });
  });

  it('deny-all ingress in x: traffic into x is blocked by ingress isolation, out of x is not', () => {
    const e = expectOf(policy({ name: 'deny-in', podSelector: all, policyTypes: ['Ingress'] }));
    expect(e.fields['y/a->x/b:80/TCP']).toMatchObject({
      expected: { kind: 'equals', value: false },
      rule: 'networkpolicy.ingress-isolation',
    });
    expect(e.fields['x/b->y/a:80/TCP']).toMatchObject({
      expected: { kind: 'equals', value: true },
      rule: 'networkpolicy.not-isolated',
    });
  });

  it('deny-all egress in x: traffic out of x is blocked by egress isolation, checked before ingress', () => {
    const e = expectOf(
      policy({ name: 'deny-out', podSelector: all, policyTypes: ['Egress'] }),
      policy({ name: 'deny-in', podSelector: all, policyTypes: ['Ingress'] }),
    );
    expect(e.fields['x/a->y/a:80/TCP']).toMatchObject({
      expected: { kind: 'equals', value: false },
      rule: 'networkpolicy.egress-isolation',
    });
    expect(e.fields['x/a->x/b:80/TCP'].rule).toBe('networkpolicy.egress-isolation');
    expect(e.fields['y/a->x/b:80/TCP'].rule).toBe('networkpolicy.ingress-isolation');
  });

  it('an ingress rule from pod b: allowed by the rule on the isolated side', () => {
    const e = expectOf(
      policy({ name: 'allow-b', podSelector: podIs('a'), ingress: [rule([podPeer(podIs('b'))])] }),
    );
    expect(e.fields['x/b->x/a:80/TCP']).toMatchObject({
      expected: { kind: 'equals', value: true },
      rule: 'networkpolicy.rule-allows',
    });
    expect(e.fields['x/c->x/a:80/TCP'].expected).toEqual({ kind: 'equals', value: false });
  });

  it('an egress rule only: allowed by the rule on the isolated source side', () => {
    const e = expectOf(
      policy({
        name: 'egress-to-b',
        podSelector: podIs('a'),
        policyTypes: ['Egress'],
        egress: [rule([podPeer(podIs('b'))])],
      }),
    );
    expect(e.fields['x/a->x/b:80/TCP']).toMatchObject({
      expected: { kind: 'equals', value: true },
      rule: 'networkpolicy.rule-allows',
    });
  });
});

describe('endPort ranges have their own rule (networkpolicy.end-port-range)', () => {
  // The scenario of kube-router v1.2.2's live failure: egress from z to y/c on 80–82/TCP. 81 is allowed
  // only through the range; 80 is the entry's own port; an enforcer without endPort denies 81 only.
  const rangeEgress = policy({
    name: 'p0',
    namespace: 'z',
    policyTypes: ['Egress'],
    egress: [
      rule(
        [bothPeer(podIs('c'), nsIs('y'))],
        [
          { protocol: 'TCP', port: 80, endPort: 82 },
          { protocol: 'TCP', port: 82 },
        ],
      ),
    ],
  });

  it('a port inside the range but not its start is end-port-range; the start is rule-allows', () => {
    const e = expectOf(rangeEgress);
    expect(e.fields['z/a->y/c:81/TCP']).toMatchObject({
      expected: { kind: 'equals', value: true },
      rule: 'networkpolicy.end-port-range',
    });
    expect(e.fields['z/a->y/c:81/TCP'].because).toContain('only through an endPort range');
    expect(e.fields['z/a->y/c:80/TCP'].rule).toBe('networkpolicy.rule-allows');
    expect(e.fields['z/a->y/b:81/TCP'].rule).toBe('networkpolicy.egress-isolation');
  });

  it('another rule allowing the port without a range keeps rule-allows', () => {
    const e = expectOf(
      rangeEgress,
      policy({
        name: 'p1',
        namespace: 'z',
        policyTypes: ['Egress'],
        egress: [rule([bothPeer(podIs('c'), nsIs('y'))], [{ protocol: 'TCP', port: 81 }])],
      }),
    );
    expect(e.fields['z/a->y/c:81/TCP'].rule).toBe('networkpolicy.rule-allows');
  });

  it('the ingress side counts too', () => {
    const e = expectOf(
      policy({ name: 'p', ingress: [rule([], [{ protocol: 'TCP', port: 80, endPort: 81 }])] }),
    );
    expect(e.fields['y/a->x/b:81/TCP'].rule).toBe('networkpolicy.end-port-range');
    expect(e.fields['y/a->x/b:80/TCP'].rule).toBe('networkpolicy.rule-allows');
  });
});

describe('an egress named port reached through an ipBlock has its own rule (networkpolicy.named-port-ip-block)', () => {
  // The shape of kube-router v1.2.2's live failure: a policy in y selecting every pod, isolated both
  // ways, egress on the named port serve-80-tcp to every pod by ipBlock except z/b.
  const namedToBlock = (ports: Parameters<typeof rule>[1]) =>
    policy({
      name: 'p0',
      namespace: 'y',
      policyTypes: ['Ingress', 'Egress'],
      egress: [rule([{ kind: 'ipBlock', cidr: 'pods', except: ['pod:z/b'] }], ports)],
    });

  it('y/a to x/a on 80/TCP is allowed only through the named port: its own rule', () => {
    const e = expectOf(namedToBlock([{ protocol: 'TCP', port: 'serve-80-tcp' }]));
    expect(e.fields['y/a->x/a:80/TCP']).toMatchObject({
      expected: { kind: 'equals', value: true },
      rule: 'networkpolicy.named-port-ip-block',
    });
    expect(e.fields['y/a->x/a:80/TCP'].because).toContain('only through a named port of an ipBlock peer');
    // The excepted pod and the other ports are denied as before.
    expect(e.fields['y/a->z/b:80/TCP'].rule).toBe('networkpolicy.egress-isolation');
    expect(e.fields['y/a->x/a:81/TCP'].rule).toBe('networkpolicy.egress-isolation');
  });

  it('the same port by number, or the named port to a pod peer, stays rule-allows', () => {
    expect(expectOf(namedToBlock([{ protocol: 'TCP', port: 80 }])).fields['y/a->x/a:80/TCP'].rule).toBe(
      'networkpolicy.rule-allows',
    );
    const toPods = policy({
      name: 'p0',
      namespace: 'y',
      policyTypes: ['Egress'],
      egress: [rule([bothPeer(podIs('a'), nsIs('x'))], [{ protocol: 'TCP', port: 'serve-80-tcp' }])],
    });
    expect(expectOf(toPods).fields['y/a->x/a:80/TCP'].rule).toBe('networkpolicy.rule-allows');
  });
});
