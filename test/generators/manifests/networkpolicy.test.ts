import fc from 'fast-check';
import {
  networkPolicyManifests,
  PROBE_CONTAINER,
  probeContainer,
  SCTP_PROBE_CONTAINER,
} from '../../../generators/manifests/networkpolicy';
import { cidrContains } from '../../../generators/manifests/networkpolicy-cidr';
import { resolveIpBlocks } from '../../../generators/manifests/networkpolicy-ip-blocks';
import { networkPolicyScenario } from '../../../generators/networkpolicy';
import { defaultCapabilities, LATEST_VERSION } from '../../../model/capabilities';
import { CASE_ID_LABEL, RUN_ID_LABEL } from '../../../model/labels';
import { ALL_PODS_CIDR, podCidr } from '../../../model/networkpolicy/ip-block';
import { NAMESPACE_NAME_LABEL_KEY, TOPOLOGY_PODS, type PodId } from '../../../model/networkpolicy/topology';
import type { NetworkPolicyScenario } from '../../../model/scenario/families';
import { networkPolicyErrors } from '../networkpolicy-validity';

const options = {
  image: 'busybox:1.36',
  namespacePrefix: 'kp-r1-c7',
  labels: { [RUN_ID_LABEL]: 'r1' },
  caseId: 'c7',
};

const scenario: NetworkPolicyScenario = {
  family: 'networkpolicy',
  policies: [
    {
      name: 'p0',
      namespace: 'y',
      podSelector: { matchLabels: { pod: 'a' } },
      ingress: [
        {
          peers: [{ kind: 'namespace', namespaceSelector: { matchLabels: {} } }],
          ports: [{ protocol: 'TCP', port: 80 }],
        },
        { peers: [], ports: [{ protocol: 'UDP', port: 'serve-80-udp' }] },
      ],
      egress: [
        {
          peers: [
            { kind: 'ipBlock', cidr: ALL_PODS_CIDR, except: [podCidr('x/b')] },
            {
              kind: 'podInNamespace',
              podSelector: { matchLabels: {}, matchExpressions: [{ key: 'pod', operator: 'Exists' }] },
              namespaceSelector: { matchLabels: { ns: 'z' } },
            },
          ],
          ports: [{ protocol: 'TCP', port: 80, endPort: 81 }],
        },
      ],
    },
    { name: 'p1', namespace: 'x', podSelector: { matchLabels: {} }, policyTypes: ['Ingress', 'Egress'] },
  ],
};

describe('networkPolicyManifests', () => {
  const m = networkPolicyManifests(scenario, options);

  it('makes the three namespaces, labelled ns: x|y|z and with the case label', () => {
    expect(m.namespaces.map((n) => n.object.metadata?.name)).toEqual([
      'kp-r1-c7-x',
      'kp-r1-c7-y',
      'kp-r1-c7-z',
    ]);
    expect(m.namespaces[1].object.metadata?.labels).toEqual({
      [RUN_ID_LABEL]: 'r1',
      [CASE_ID_LABEL]: 'c7',
      ns: 'y',
    });
  });

  it('makes nine pods labelled pod: a|b|c serving 80/TCP, 81/TCP and 80/UDP as named ports', () => {
    expect(m.pods.map((p) => `${p.namespace}/${p.object.metadata?.name}`)).toEqual(
      TOPOLOGY_PODS.map((p) => `kp-r1-c7-${p.namespace}/${p.pod}`),
    );
    const pod = m.pods[4].object;
    expect(pod.metadata?.labels).toEqual({ [RUN_ID_LABEL]: 'r1', pod: 'b' });
    const ports = pod.spec?.containers.flatMap((c) => c.ports ?? []);
    expect(ports).toEqual([
      { containerPort: 80, protocol: 'TCP', name: 'serve-80-tcp' },
      { containerPort: 81, protocol: 'TCP', name: 'serve-81-tcp' },
      { containerPort: 80, protocol: 'UDP', name: 'serve-80-udp' },
    ]);
    expect(pod.spec?.containers.map((c) => c.name)).toContain(PROBE_CONTAINER);
    expect(pod.spec?.containers.every((c) => c.image === 'busybox:1.36')).toBe(true);
  });

  it('with SCTP traffic, every pod also serves 80/SCTP from the server image with agnhost porter', () => {
    const withSctp = networkPolicyManifests(scenario, { ...options, sctpImage: 'agnhost:2.43' });
    for (const { object } of withSctp.pods) {
      const sctp = object.spec?.containers.find((c) => c.name === SCTP_PROBE_CONTAINER);
      expect(sctp).toEqual({
        name: 'cont-80-sctp',
        image: 'agnhost:2.43',
        imagePullPolicy: 'IfNotPresent',
        args: ['porter'],
        env: [{ name: 'SERVE_SCTP_PORT_80', value: 'foo' }],
        ports: [{ containerPort: 80, protocol: 'SCTP', name: 'serve-80-sctp' }],
      });
      expect(object.spec?.containers).toHaveLength(4);
    }
    expect(m.pods.every((p) => p.object.spec?.containers.length === 3)).toBe(true);
    expect(probeContainer('SCTP')).toBe(SCTP_PROBE_CONTAINER);
    expect(probeContainer('UDP')).toBe(PROBE_CONTAINER);
  });

  it('scopes every namespaceSelector to the case, leaves podSelectors alone', () => {
    const p0 = m.policies[0].object;
    expect(m.policies[0].namespace).toBe('kp-r1-c7-y');
    expect(p0.spec?.podSelector).toEqual({ matchLabels: { pod: 'a' } });
    expect(p0.spec?.ingress?.[0]._from).toEqual([
      { namespaceSelector: { matchLabels: { [CASE_ID_LABEL]: 'c7' } } },
    ]);
    expect(p0.spec?.egress?.[0].to?.[1]).toEqual({
      podSelector: { matchLabels: {}, matchExpressions: [{ key: 'pod', operator: 'Exists' }] },
      namespaceSelector: { matchLabels: { ns: 'z', [CASE_ID_LABEL]: 'c7' } },
    });
  });

  it('leaves TCP implicit (the API default), writes UDP, named ports and ranges', () => {
    const p0 = m.policies[0].object;
    expect(p0.spec?.ingress?.[0].ports).toEqual([{ port: 80 }]);
    expect(p0.spec?.ingress?.[1]).toEqual({ ports: [{ protocol: 'UDP', port: 'serve-80-udp' }] });
    expect(p0.spec?.egress?.[0].ports).toEqual([{ port: 80, endPort: 81 }]);
  });

  it('writes kubernetes.io/metadata.name selectors with the real namespace names, other keys and values untouched', () => {
    const byName: NetworkPolicyScenario = {
      family: 'networkpolicy',
      policies: [
        {
          name: 'p0',
          namespace: 'x',
          podSelector: { matchLabels: {} },
          ingress: [
            {
              peers: [
                {
                  kind: 'namespace',
                  namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL_KEY]: 'y' } },
                },
                {
                  kind: 'podInNamespace',
                  podSelector: { matchLabels: { pod: 'b' } },
                  namespaceSelector: {
                    matchLabels: {},
                    matchExpressions: [
                      { key: NAMESPACE_NAME_LABEL_KEY, operator: 'NotIn', values: ['x', 'z'] },
                    ],
                  },
                },
                {
                  kind: 'namespace',
                  namespaceSelector: {
                    matchLabels: {},
                    matchExpressions: [{ key: NAMESPACE_NAME_LABEL_KEY, operator: 'Exists' }],
                  },
                },
              ],
              ports: [{ protocol: 'SCTP', port: 80 }, { protocol: 'SCTP' }],
            },
          ],
        },
      ],
    };
    const [policy] = networkPolicyManifests(byName, options).policies;
    expect(policy.object.spec?.ingress?.[0]).toEqual({
      _from: [
        {
          namespaceSelector: {
            matchLabels: { [NAMESPACE_NAME_LABEL_KEY]: 'kp-r1-c7-y', [CASE_ID_LABEL]: 'c7' },
          },
        },
        {
          podSelector: { matchLabels: { pod: 'b' } },
          namespaceSelector: {
            matchLabels: { [CASE_ID_LABEL]: 'c7' },
            matchExpressions: [
              { key: NAMESPACE_NAME_LABEL_KEY, operator: 'NotIn', values: ['kp-r1-c7-x', 'kp-r1-c7-z'] },
            ],
          },
        },
        {
          namespaceSelector: {
            matchLabels: { [CASE_ID_LABEL]: 'c7' },
            matchExpressions: [{ key: NAMESPACE_NAME_LABEL_KEY, operator: 'Exists' }],
          },
        },
      ],
      ports: [{ protocol: 'SCTP', port: 80 }, { protocol: 'SCTP' }],
    });
    // The namespaces themselves do not set the label: the API server does.
    for (const namespace of m.namespaces)
      expect(namespace.object.metadata?.labels).not.toHaveProperty(NAMESPACE_NAME_LABEL_KEY);
  });

  it('keeps policyTypes as written and absent when absent', () => {
    expect(m.policies[0].object.spec?.policyTypes).toBeUndefined();
    expect(m.policies[1].object.spec).toEqual({
      podSelector: { matchLabels: {} },
      policyTypes: ['Ingress', 'Egress'],
    });
  });
});

describe('resolveIpBlocks', () => {
  const ips = Object.fromEntries(TOPOLOGY_PODS.map((p, i) => [p.id, `10.244.${i % 3}.${10 + i}`])) as Record<
    PodId,
    string
  >;

  it("turns symbolic CIDRs into the pods' real CIDRs, and leaves the input unchanged", () => {
    const m = networkPolicyManifests(scenario, options);
    const before = JSON.stringify(m.policies);
    const [p0] = resolveIpBlocks(
      m.policies.map((p) => p.object),
      ips,
    );
    // x/b is the second pod: 10.244.1.11; the pods span 10.244.0.x–10.244.2.x.
    expect(p0.spec?.egress?.[0].to?.[0].ipBlock).toEqual({
      cidr: '10.244.0.0/22',
      except: ['10.244.1.11/32'],
    });
    expect(JSON.stringify(m.policies)).toBe(before);
    expect(p0.kind).toBe('NetworkPolicy');
  });

  it('names the pod whose IP is missing', () => {
    const m = networkPolicyManifests(scenario, options);
    const partial = { ...ips, 'x/b': '' };
    expect(() =>
      resolveIpBlocks(
        m.policies.map((p) => p.object),
        partial,
      ),
    ).toThrow(/pod x\/b has no IP/);
  });

  it('resolved policies pass API validation and keep the meaning of the symbolic blocks', () => {
    const distinctIps = fc
      .uniqueArray(fc.integer({ min: 1, max: 65534 }), { minLength: 9, maxLength: 9 })
      .map(
        (hosts) =>
          Object.fromEntries(
            TOPOLOGY_PODS.map((p, i) => [p.id, `10.96.${hosts[i] >> 8}.${hosts[i] & 255}`]),
          ) as Record<PodId, string>,
      );
    fc.assert(
      fc.property(networkPolicyScenario(defaultCapabilities(LATEST_VERSION)), distinctIps, (s, podIps) => {
        const m = networkPolicyManifests(s, options);
        const resolved = resolveIpBlocks(
          m.policies.map((p) => p.object),
          podIps,
        );
        for (const policy of resolved)
          expect(networkPolicyErrors(policy, { symbolicCidrs: false })).toEqual([]);
        // Every "pods" block covers every pod IP.
        const blocks = resolved
          .flatMap((p) => (p.spec?.egress ?? []).flatMap((r) => r.to ?? []))
          .flatMap((peer) => peer.ipBlock ?? []);
        for (const block of blocks) {
          if (!block.cidr.endsWith('/32'))
            expect(Object.values(podIps).every((ip) => cidrContains(block.cidr, ip))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
