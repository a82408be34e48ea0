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
