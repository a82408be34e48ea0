import { networkPolicyManifests } from '../../../generators/manifests/networkpolicy';
import { probeMatrix, type ProbeTarget } from '../../../harness/netpol/probe-matrix';
import { observeNetworkPolicy } from '../../../harness/observe/networkpolicy';
import { defaultCapabilities, LATEST_VERSION } from '../../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../../model/expectation';
import { expectNetworkPolicy, NETPOL_FIELDS } from '../../../model/networkpolicy/expect';
import { cellReachability } from '../../../model/networkpolicy/matcher';
import {
  assertedCells,
  TOPOLOGY_PODS,
  type NetpolCell,
  type NetpolProtocol,
  type PodId,
} from '../../../model/networkpolicy/topology';
import type { NetworkPolicyScenario } from '../../../model/scenario/families';
import type { TraceEntry } from '../../../model/trace';
import { judgeCase } from '../../../verdicts/case-verdict';
import { reachabilityMatrix } from '../../../suites/networkpolicy/reachability-matrix.property';
import { parseProbe, StubCluster, VirtualClock, type ExecHandler } from './stub-cluster';

const topology: ProbeTarget[] = TOPOLOGY_PODS.map((p, i) => ({
  id: p.id,
  namespace: `kp-c1-${p.namespace}`,
  pod: p.pod,
  ip: `10.244.0.${10 + i}`,
}));
const byIp = new Map(topology.map((t) => [t.ip, t]));
const byLocation = new Map(topology.map((t) => [`${t.namespace}/${t.pod}`, t]));

/** A network where `connected(from, to, port, protocol)` decides; UDP answers "pong" when connected. */
function network(connected: (cell: NetpolCell) => boolean): ExecHandler {
  return async (namespace, pod, _container, command) => {
    const probe = parseProbe(command);
    const from = byLocation.get(`${namespace}/${pod}`);
    const to = byIp.get(probe.ip);
    if (!from || !to) throw new Error(`unknown pod ${namespace}/${pod} or IP ${probe.ip}`);
    const ok = connected({ from: from.id, to: to.id, port: probe.port, protocol: probe.protocol });
    if (probe.protocol === 'TCP') return { exitCode: ok ? 0 : 1, output: '' };
    if (probe.protocol === 'SCTP') return { exitCode: ok ? 0 : 1, output: ok ? '' : 'TIMEOUT\n' };
    return { exitCode: 0, output: ok ? 'pong\n' : '' };
  };
}

const cell = (from: PodId, to: PodId, port = 80, protocol: NetpolProtocol = 'TCP'): NetpolCell => ({
  from,
  to,
  port,
  protocol,
});
const run = (port: StubCluster, cells: NetpolCell[], retries = 1) =>
  probeMatrix(port, topology, cells, {
    signal: new AbortController().signal,
    retries,
    clock: new VirtualClock(),
  });

describe('probeMatrix', () => {
  it('runs nc in the source pod against the destination IP and records model pod ids', async () => {
    const calls: string[] = [];
    const port = new StubCluster(async (namespace, pod, container, command) => {
      calls.push(`${namespace}/${pod}/${container}: ${command.join(' ')}`);
      return { exitCode: 0, output: '' };
    });
    const trace = await run(port, [cell('x/a', 'y/b', 81)]);
    expect(calls).toEqual(['kp-c1-x/a/cont-80-tcp: nc -z -w 1 10.244.0.14 81']);
    expect(trace).toEqual([
      {
        kind: 'reachability',
        t: expect.any(Number),
        from: 'x/a',
        to: 'y/b',
        port: 81,
        protocol: 'TCP',
        connected: true,
      },
    ]);
  });

  it('probes SCTP with agnhost connect from the server-image container, as upstream does', async () => {
    const calls: string[] = [];
    const port = new StubCluster(async (namespace, pod, container, command) => {
      calls.push(`${namespace}/${pod}/${container}: ${command.join(' ')}`);
      return { exitCode: calls.length === 1 ? 0 : 1, output: calls.length === 1 ? '' : 'TIMEOUT\n' };
    });
    const trace = await run(port, [cell('x/a', 'y/b', 80, 'SCTP'), cell('x/a', 'y/c', 80, 'SCTP')], 0);
    expect(calls).toEqual([
      'kp-c1-x/a/cont-80-sctp: /agnhost connect 10.244.0.14:80 --timeout=1s --protocol=sctp',
      'kp-c1-x/a/cont-80-sctp: /agnhost connect 10.244.0.15:80 --timeout=1s --protocol=sctp',
    ]);
    expect(trace.map((e) => e.kind === 'reachability' && `${e.to}:${e.protocol}:${e.connected}`)).toEqual([
      'y/b:SCTP:true',
      'y/c:SCTP:false',
    ]);
  });

  it('re-probes a denied cell `retries` times, a connected one never', async () => {
    const port = new StubCluster(network((c) => c.to !== 'z/c'));
    const trace = await run(port, [cell('x/a', 'z/c'), cell('x/a', 'z/b')], 2);
    const attempts = (to: string) => trace.filter((e) => e.kind === 'reachability' && e.to === to).length;
    expect(attempts('z/c')).toBe(3);
    expect(attempts('z/b')).toBe(1);
  });

  it('a cell denied first and allowed on the retry counts as connected (enforcement lag)', async () => {
    let calls = 0;
    const port = new StubCluster(network(() => (calls += 1) > 1));
    const trace = await run(port, [cell('x/a', 'x/b')]);
    const observation = observeNetworkPolicy(trace, { family: 'networkpolicy', policies: [] });
    expect(
      trace.filter((e) => e.kind === 'reachability').map((e) => e.kind === 'reachability' && e.connected),
    ).toEqual([false, true]);
    expect(observation.fields['x/a->x/b:80/TCP']).toEqual({ kind: 'value', value: true });
  });

  it('a failed exec is recorded as a gap and judged inconclusive, not blocked', async () => {
    const port = new StubCluster(async () => {
      throw new Error('container not running');
    });
    const trace = await run(port, [cell('x/a', 'x/b')]);
    expect(trace).toEqual([
      { kind: 'gap', t: expect.any(Number), what: 'probe x/a->x/b:80/TCP: container not running' },
    ]);
    const observation = observeNetworkPolicy(trace, { family: 'networkpolicy', policies: [] });
    expect(observation.fields['x/a->x/b:80/TCP']).toEqual({
      kind: 'missing',
      reason: 'probe failed: container not running',
    });
  });

  it('interprets UDP by the reply: a reply connects, silence does not', async () => {
    const port = new StubCluster(network((c) => c.to === 'y/a'));
    const trace = await run(port, [cell('x/a', 'y/a', 80, 'UDP'), cell('x/a', 'y/b', 80, 'UDP')], 0);
    expect(trace.map((e) => e.kind === 'reachability' && `${e.to}:${e.connected}`)).toEqual([
      'y/a:true',
      'y/b:false',
    ]);
  });

  it('never has two UDP probes in flight to the same destination, but runs TCP probes in parallel', async () => {
    const inFlight = new Map<string, number>();
    const maxInFlight = new Map<string, number>();
    const port = new StubCluster(async (_ns, _pod, _container, command) => {
      const probe = parseProbe(command);
      const key = `${probe.protocol} ${probe.ip}`;
      inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
      maxInFlight.set(key, Math.max(maxInFlight.get(key) ?? 0, inFlight.get(key) ?? 0));
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
      return { exitCode: 0, output: 'pong' };
    });
    const sources: PodId[] = ['x/a', 'x/b', 'x/c', 'y/a', 'y/b'];
    await run(port, [
      ...sources.map((s) => cell(s, 'z/a', 80, 'UDP')),
      ...sources.map((s) => cell(s, 'z/a', 80, 'TCP')),
    ]);
    expect(maxInFlight.get('UDP 10.244.0.16')).toBe(1);
    expect(maxInFlight.get('TCP 10.244.0.16')).toBeGreaterThan(1);
  });

  it('rejects with the abort reason once aborted', async () => {
    const controller = new AbortController();
    const port = new StubCluster(async () => {
      controller.abort(new Error('case deadline'));
      return { exitCode: 1, output: '' };
    });
    await expect(
      probeMatrix(port, topology, [cell('x/a', 'x/b')], {
        signal: controller.signal,
        retries: 1,
        clock: new VirtualClock(),
      }),
    ).rejects.toThrow('case deadline');
  });

  it('records a gap for a cell whose pod is not in the topology', async () => {
    const port = new StubCluster(network(() => true));
    const trace = await probeMatrix(port, topology.slice(1), [cell('x/a', 'x/b')], {
      signal: new AbortController().signal,
      retries: 0,
    });
    expect(trace).toEqual([
      { kind: 'gap', t: expect.any(Number), what: 'probe x/a->x/b:80/TCP: no running pod for x/a' },
    ]);
  });
});

describe('offline end to end: model → probes on a stub network → observation → verdict', () => {
  const scenario: NetworkPolicyScenario = {
    family: 'networkpolicy',
    policies: [
      {
        name: 'p0',
        namespace: 'x',
        podSelector: { matchLabels: { pod: 'a' } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: [
          { peers: [{ kind: 'namespace', namespaceSelector: { matchLabels: { ns: 'y' } } }], ports: [] },
        ],
        egress: [{ peers: [], ports: [{ protocol: 'TCP', port: 'serve-81-tcp' }] }],
      },
    ],
  };
  const expectation = expectNetworkPolicy(
    scenario,
    defaultCapabilities(LATEST_VERSION),
    DEFAULT_MODEL_OPTIONS,
  );

  it('probes the pods where the manifests put them', () => {
    const manifests = networkPolicyManifests(scenario, {
      image: 'b',
      namespacePrefix: 'kp-c1',
      labels: {},
      caseId: 'c1',
    });
    expect(manifests.pods.map((p) => `${p.namespace}/${p.object.metadata?.name}`)).toEqual(
      topology.map((t) => `${t.namespace}/${t.pod}`),
    );
  });

  async function judge(conforming: (cell: NetpolCell) => boolean) {
    const trace: TraceEntry[] = await run(new StubCluster(network(conforming)), assertedCells(false));
    return judgeCase(expectation, observeNetworkPolicy(trace, scenario), NETPOL_FIELDS);
  }

  it('a CNI that enforces the policy passes every cell', async () => {
    const verdict = await judge((c) => cellReachability(scenario, c).allowed);
    expect(verdict.outcome).toBe('pass');
    expect(verdict.diff).toHaveLength(216);
  });

  it('a CNI that ignores egress policies fails exactly the cells only egress denies', async () => {
    const verdict = await judge((c) => cellReachability(scenario, c).ingress.allowed);
    expect(verdict.outcome).toBe('fail');
    const failed = verdict.diff.filter((d) => d.outcome === 'fail');
    // x/a may send only to port 81/TCP: its 80/TCP and 80/UDP to the 8 other pods are denied by egress alone.
    expect(failed).toHaveLength(16);
    expect(
      failed.every((d) => d.field.startsWith('x/a->') && d.rule === 'networkpolicy.egress-isolation'),
    ).toBe(true);
  });

  describe('with SCTP traffic (the canary saw SCTP connect, a server image runs)', () => {
    const withSctp = { ...defaultCapabilities(LATEST_VERSION), serverImage: 'agnhost', sctpTraffic: true };
    const sctpExpectation = expectNetworkPolicy(scenario, withSctp, DEFAULT_MODEL_OPTIONS);

    async function judgeSctp(conforming: (cell: NetpolCell) => boolean, cells = assertedCells(true)) {
      const trace: TraceEntry[] = await run(new StubCluster(network(conforming)), cells);
      return judgeCase(sctpExpectation, observeNetworkPolicy(trace, scenario), reachabilityMatrix.fields);
    }

    it('judges 288 cells, 72 of them 80/SCTP; a conforming CNI passes them all', async () => {
      const verdict = await judgeSctp((c) => cellReachability(scenario, c).allowed);
      expect(verdict.outcome).toBe('pass');
      expect(verdict.diff).toHaveLength(288);
      expect(verdict.diff.filter((d) => d.field.endsWith(':80/SCTP'))).toHaveLength(72);
    });

    it('a CNI that applies no egress policy to SCTP fails exactly the 80/SCTP cells x/a may not send', async () => {
      // x/a may send to 81/TCP only (serve-81-tcp), so its 80/SCTP to the 8 other pods is denied by egress.
      const verdict = await judgeSctp((c) =>
        c.protocol === 'SCTP'
          ? cellReachability(scenario, c).ingress.allowed
          : cellReachability(scenario, c).allowed,
      );
      const failed = verdict.diff.filter((d) => d.outcome === 'fail');
      expect(failed.map((d) => d.field).sort()).toEqual(
        TOPOLOGY_PODS.filter((p) => p.id !== 'x/a').map((p) => `x/a->${p.id}:80/SCTP`),
      );
      expect(failed.every((d) => d.rule === 'networkpolicy.egress-isolation')).toBe(true);
    });

    it('SCTP cells the case never probed are inconclusive, never passed', async () => {
      const verdict = await judgeSctp(() => true, assertedCells(false));
      const sctp = verdict.diff.filter((d) => d.field.endsWith('/SCTP'));
      expect(sctp).toHaveLength(72);
      expect(sctp.every((d) => d.outcome === 'inconclusive')).toBe(true);
    });
  });
});
