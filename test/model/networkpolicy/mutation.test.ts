import { DEFAULT_MODEL_OPTIONS } from '../../../model/expectation';
import { defaultCapabilities, LATEST_VERSION } from '../../../model/capabilities';
import { expectNetworkPolicy } from '../../../model/networkpolicy/expect';
import { expectUpdatedReachability, UPDATE_CELLS } from '../../../model/networkpolicy/expect-updated';
import { afterMutation } from '../../../model/networkpolicy/mutation';
import { TOPOLOGY_PODS, type PodId } from '../../../model/networkpolicy/topology';
import type { NetworkPolicyScenario } from '../../../model/scenario/families';
import type { NetpolMutation, NetworkPolicySpec } from '../../../model/scenario/policies';
import { allowed, nsPeer, podIs, podPeer, policy, rule } from './scenario-builders';
import { UpstreamReachability } from './upstream-reachability';

const updated = { matchLabels: { updated: 'yes' } };

function withMutation(mutation: NetpolMutation, ...policies: NetworkPolicySpec[]): NetworkPolicyScenario {
  return { family: 'networkpolicy', policies, mutation };
}

/** The 80/TCP cells of a state that disagree with upstream's table. */
function mismatches(s: NetworkPolicyScenario, expected: UpstreamReachability): string[] {
  const wrong: string[] = [];
  for (const from of TOPOLOGY_PODS)
    for (const to of TOPOLOGY_PODS) {
      if (from.id === to.id) continue;
      const model = allowed(s, from.id, to.id);
      if (model !== expected.get(from.id, to.id)) wrong.push(`${from.id}->${to.id} model=${model}`);
    }
  return wrong;
}

/** Both phases of upstream's update tests (test/e2e/network/netpol/network_policy.go), on 80/TCP. */
describe('upstream netpol e2e update tests, before and after the change', () => {
  it('should enforce updated policy (allow-all ingress in x updated to deny-all)', () => {
    const s = withMutation(
      { kind: 'updatePolicy', policy: policy({ name: 'p0', policyTypes: ['Ingress'], ingress: [] }) },
      policy({ name: 'p0', policyTypes: ['Ingress'], ingress: [rule()] }),
    );
    expect(mismatches({ ...s, mutation: undefined }, new UpstreamReachability())).toEqual([]);
    expect(
      mismatches(afterMutation(s), new UpstreamReachability().expectPeer({}, { ns: 'x' }, false)),
    ).toEqual([]);
  });

  it('should allow ingress access from updated namespace', () => {
    const s = withMutation(
      { kind: 'labelNamespace', namespace: 'y' },
      policy({
        name: 'p0',
        podSelector: podIs('a'),
        policyTypes: ['Ingress'],
        ingress: [rule([nsPeer(updated)])],
      }),
    );
    expect(
      mismatches({ ...s, mutation: undefined }, new UpstreamReachability().expectAllIngress('x/a', false)),
    ).toEqual([]);
    const after = new UpstreamReachability().expectAllIngress('x/a', false).expectPeer({ ns: 'y' }, {}, true);
    expect(mismatches(afterMutation(s), after)).toEqual([]);
  });

  it('should allow ingress access from updated pod', () => {
    const s = withMutation(
      { kind: 'labelPod', namespace: 'x', pod: 'b' },
      policy({
        name: 'p0',
        podSelector: podIs('a'),
        policyTypes: ['Ingress'],
        ingress: [rule([podPeer({ matchLabels: { pod: 'b', updated: 'yes' } })])],
      }),
    );
    expect(
      mismatches({ ...s, mutation: undefined }, new UpstreamReachability().expectAllIngress('x/a', false)),
    ).toEqual([]);
    const after = new UpstreamReachability().expectAllIngress('x/a', false).expect('x/b', 'x/a', true);
    expect(mismatches(afterMutation(s), after)).toEqual([]);
  });

  it('should deny ingress access to updated pod', () => {
    const s = withMutation(
      { kind: 'labelPod', namespace: 'x', pod: 'a' },
      policy({ name: 'p0', podSelector: updated, policyTypes: ['Ingress'], ingress: [] }),
    );
    expect(mismatches({ ...s, mutation: undefined }, new UpstreamReachability())).toEqual([]);
    expect(mismatches(afterMutation(s), new UpstreamReachability().expectAllIngress('x/a', false))).toEqual(
      [],
    );
  });

  it('should stop enforcing policies after they are deleted', () => {
    const s = withMutation(
      { kind: 'deletePolicy', name: 'p0' },
      policy({ name: 'p0', policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [] }),
    );
    const before = new UpstreamReachability()
      .expectPeer({ ns: 'x' }, {}, false)
      .expectPeer({}, { ns: 'x' }, false);
    expect(mismatches({ ...s, mutation: undefined }, before)).toEqual([]);
    expect(mismatches(afterMutation(s), new UpstreamReachability())).toEqual([]);
  });
});

describe('expectUpdatedReachability', () => {
  const capabilities = defaultCapabilities(LATEST_VERSION);
  const s = withMutation(
    { kind: 'deletePolicy', name: 'p0' },
    policy({ name: 'p0', podSelector: podIs('a'), policyTypes: ['Ingress'], ingress: [] }),
  );
  const expectation = expectUpdatedReachability(s, capabilities, DEFAULT_MODEL_OPTIONS);

  it('judges the 72 cells 80/TCP in each phase, against the state of that phase', () => {
    expect(UPDATE_CELLS).toHaveLength(72);
    expect(Object.keys(expectation.fields)).toHaveLength(144);
    expect(expectation.fields['before y/b->x/a:80/TCP']).toMatchObject({
      expected: { kind: 'equals', value: false },
      rule: 'networkpolicy.ingress-isolation',
    });
    expect(expectation.fields['after y/b->x/a:80/TCP']).toMatchObject({
      expected: { kind: 'equals', value: true },
      rule: 'networkpolicy.not-isolated',
    });
    expect(expectation.fields['after y/b->x/a:80/TCP'].because).toContain('policy p0 deleted');
  });
});

describe('rule networkpolicy.ingress-isolation-shared-policy', () => {
  const capabilities = defaultCapabilities(LATEST_VERSION);
  const field = (s: NetworkPolicyScenario, cell: string): string | undefined =>
    expectNetworkPolicy(s, capabilities, DEFAULT_MODEL_OPTIONS).fields[cell]?.rule;

  it('names a cell denied by the ingress of a pod whose policy also allows the source its egress', () => {
    // kube-router v1.2.2's minimal case: x/a's egress to x/c is allowed by the policy that isolates x/c.
    const shared = policy({
      name: 'p0',
      policyTypes: ['Ingress', 'Egress'],
      ingress: [],
      egress: [rule([{ kind: 'ipBlock', cidr: 'pod:x/c', except: [] }])],
    });
    expect(field({ family: 'networkpolicy', policies: [shared] }, 'x/a->x/c:80/TCP')).toBe(
      'networkpolicy.ingress-isolation-shared-policy',
    );
  });

  it('names the mirror cell, denied by the egress of a pod whose policy also allows the destination its ingress', () => {
    // kube-router v1.2.2 live: z/a and z/b deny all egress, and the same policy admits pods of z on 80/UDP.
    const shared = policy({
      name: 'p0',
      namespace: 'z',
      podSelector: { matchLabels: {}, matchExpressions: [{ key: 'pod', operator: 'NotIn', values: ['c'] }] },
      policyTypes: ['Ingress', 'Egress'],
      ingress: [rule([podPeer({ matchLabels: {} })], [{ protocol: 'UDP', port: 'serve-80-udp' }])],
      egress: [],
    });
    const s: NetworkPolicyScenario = { family: 'networkpolicy', policies: [shared] };
    expect(field(s, 'z/a->z/b:80/UDP')).toBe('networkpolicy.egress-isolation-shared-policy');
    // z/c is not selected by p0: nothing allows its ingress, so plain egress-isolation.
    expect(field(s, 'z/a->z/c:80/UDP')).toBe('networkpolicy.egress-isolation');
  });

  it('leaves ingress-isolation where another policy allows the egress, or none isolates the source', () => {
    const isolateC = policy({ name: 'p0', podSelector: podIs('c'), policyTypes: ['Ingress'], ingress: [] });
    const egressA = policy({
      name: 'p1',
      podSelector: podIs('a'),
      policyTypes: ['Egress'],
      egress: [rule()],
    });
    const s: NetworkPolicyScenario = { family: 'networkpolicy', policies: [isolateC, egressA] };
    expect(field(s, 'x/a->x/c:80/TCP')).toBe('networkpolicy.ingress-isolation');
    expect(field(s, 'y/a->x/c:80/TCP')).toBe('networkpolicy.ingress-isolation');
  });
});

it('afterMutation keeps the policies and adds labels cumulatively', () => {
  const p0 = policy({ name: 'p0' });
  const s: NetworkPolicyScenario = {
    family: 'networkpolicy',
    policies: [p0],
    labelled: { pods: ['y/b' satisfies PodId], namespaces: [] },
    mutation: { kind: 'labelPod', namespace: 'x', pod: 'c' },
  };
  expect(afterMutation(s)).toEqual({
    family: 'networkpolicy',
    policies: [p0],
    labelled: { pods: ['y/b', 'x/c'], namespaces: [] },
  });
});
