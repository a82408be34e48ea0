import { checkEnforcement } from '../../../harness/netpol/enforcement-canary';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from '../../../model/labels';
import { networkPolicyUnsupported, NETPOL_PROBE_BROKEN } from '../../../suites/networkpolicy/unsupported';
import { defaultCapabilities, LATEST_VERSION } from '../../../model/capabilities';
import { parseProbe, StubCluster, VirtualClock } from './stub-cluster';

const SERVER_IP = '10.244.0.2';
const SCTP_SERVER_IP = '10.244.0.4';
const IPS: Record<string, string> = {
  'canary-server': SERVER_IP,
  'canary-client': '10.244.0.3',
  'canary-sctp-server': SCTP_SERVER_IP,
  'canary-sctp-client': '10.244.0.5',
};
/** As on the real node: a connection takes 0.1 s; a denied one waits out nc's 1 s timeout. */
const CONNECT_MS = 100;
const TIMEOUT_MS = 1000;

/**
 * What SCTP does between the canary's SCTP pods: connects (after `sctpAfterMs`), the client's kernel
 * has none (agnhost connect fails at once with EPROTONOSUPPORT), or the network drops it (TIMEOUT).
 */
type Sctp = 'connects' | 'no-kernel' | 'dropped';

/**
 * A scratch cluster: pods run after `startupMs` (the real node: 0.8–4 s; the SCTP pods after
 * `sctpStartupMs`); a probe connects unless the CNI enforces (`enforceAfterMs` after the policy's
 * creation, on the pods the policy selects; never when undefined), or the probe is broken (the client
 * never reaches the server, policy or not).
 */
function cluster(
  clock: VirtualClock,
  options: {
    enforceAfterMs?: number;
    startupMs?: number;
    probeBroken?: boolean;
    sctp?: Sctp;
    sctpStartupMs?: number;
  },
) {
  let policy: { at: number; selects: (pod: string) => boolean } | undefined;
  const enforcedOn = (pod: string): boolean =>
    policy !== undefined &&
    policy.selects(pod) &&
    options.enforceAfterMs !== undefined &&
    clock.now() - policy.at >= options.enforceAfterMs;
  const startAt = clock.now() + (options.startupMs ?? 3000);
  const sctpStartAt = clock.now() + (options.sctpStartupMs ?? options.startupMs ?? 3000);
  const port: StubCluster = new StubCluster(async (_ns, pod, container, command) => {
    if (pod === 'canary-sctp-client') {
      expect(container).toBe('cont-80-sctp');
      expect(parseProbe(command)).toEqual({ ip: SCTP_SERVER_IP, port: 80, protocol: 'SCTP' });
      if (options.sctp === 'no-kernel') return { exitCode: 1, output: 'OTHER: protocol not supported\n' };
      const connects = options.sctp === 'connects' && !enforcedOn('canary-sctp-server');
      await clock.sleep(connects ? CONNECT_MS : TIMEOUT_MS);
      return connects ? { exitCode: 0, output: '' } : { exitCode: 1, output: 'TIMEOUT\n' };
    }
    expect([pod, container]).toEqual(['canary-client', 'cont-80-tcp']);
    expect(parseProbe(command)).toEqual({ ip: SERVER_IP, port: 80, protocol: 'TCP' });
    const connects = !enforcedOn('canary-server') && options.probeBroken !== true;
    await clock.sleep(connects ? CONNECT_MS : TIMEOUT_MS);
    return { exitCode: connects ? 0 : 1, output: '' };
  });
  const originalCreate = port.create.bind(port);
  port.create = async (namespace, object) => {
    if (object.kind === 'NetworkPolicy') {
      const labels = object.spec?.podSelector?.matchLabels ?? {};
      // The canary pods carry kubeprop.dev/canary: <name>; an empty selector selects them all.
      policy = {
        at: clock.now(),
        selects: (pod) => Object.entries(labels).every(([k, v]) => k === 'kubeprop.dev/canary' && v === pod),
      };
    }
    const result = await originalCreate(namespace, object);
    if (object.kind === 'Pod' && object.metadata?.name) {
      const name = object.metadata.name;
      const at = name.startsWith('canary-sctp-') ? sctpStartAt : startAt;
      // Pods become Running once the virtual clock passes their start.
      const read = port.readPod.bind(port);
      port.readPod = async (ns, podName) => {
        if (clock.now() >= at) port.podIps.set(`${namespace}/${name}`, IPS[name]);
        return read(ns, podName);
      };
    }
    return result;
  };
  return port;
}

async function run(port: StubCluster, clock: VirtualClock, serverImage?: string) {
  const start = clock.now();
  const result = await checkEnforcement(port, {
    namespace: 'kp-r1-canary',
    labels: { 'kubeprop.dev/run-id': 'r1' },
    image: 'busybox:1.36',
    ...(serverImage !== undefined && { serverImage }),
    signal: new AbortController().signal,
    clock,
  });
  return { result, tookMs: clock.now() - start };
}

describe('checkEnforcement', () => {
  test('an enforcing CNI: enforced, with how long enforcement lagged the policy', async () => {
    const clock = new VirtualClock();
    const port = cluster(clock, { enforceAfterMs: 2000 });
    const { result, tookMs } = await run(port, clock);
    expect(result.outcome).toBe('enforced');
    expect(result.enforcementDelayMs).toBeGreaterThanOrEqual(2000);
    expect(result.enforcementDelayMs).toBeLessThan(3500);
    expect(tookMs).toBeLessThan(30_000);
  });

  test('an enforcing CNI that lags 8 s is still seen: the denied connection is polled, not probed once', async () => {
    const clock = new VirtualClock();
    const port = cluster(clock, { enforceAfterMs: 8000 });
    const { result } = await run(port, clock);
    expect(result.outcome).toBe('enforced');
  });

  test('a CNI that ignores policies: not enforced, decided within 30 s, after polling the policy', async () => {
    const clock = new VirtualClock();
    const port = cluster(clock, {});
    const { result, tookMs } = await run(port, clock);
    expect(result.outcome).toBe('not-enforced');
    expect(result.detail).toMatch(
      /^still connected under a deny-all ingress policy \(\d+ probes over (2\d|1\d)\.\d s\)$/,
    );
    expect(Number(/\((\d+) probes/.exec(result.detail)?.[1])).toBeGreaterThanOrEqual(5);
    expect(tookMs).toBeLessThanOrEqual(30_000);
    expect(port.namespacesDeleted).toEqual(['kp-r1-canary']);
  });

  test('a broken probe (no connection even without a policy) is "probe broken", never "not enforced"', async () => {
    const clock = new VirtualClock();
    const port = cluster(clock, { probeBroken: true });
    const { result, tookMs } = await run(port, clock);
    expect(result.outcome).toBe('probe-broken');
    expect(result.detail).toMatch(
      /^positive control: the client never reached the server without any policy \(\d+ probes in \d+(\.\d)? s; last: not connected \(exit 1\)\)$/,
    );
    expect(tookMs).toBeLessThanOrEqual(30_000);
    // No policy was ever created: nothing was tested against one.
    expect(port.created.some((c) => c.object.kind === 'NetworkPolicy')).toBe(false);
    expect(port.namespacesDeleted).toEqual(['kp-r1-canary']);
    // The property is then skipped with that reason, not as "not enforced".
    const reason = networkPolicyUnsupported({
      ...defaultCapabilities(LATEST_VERSION),
      networkPolicyProbeBroken: result.detail,
    });
    expect(reason).toBe(`${NETPOL_PROBE_BROKEN} (${result.detail})`);
  });

  test('pods that never run are a broken probe too, within the budget', async () => {
    const clock = new VirtualClock();
    const port = cluster(clock, { enforceAfterMs: 0, startupMs: 60_000 });
    const { result, tookMs } = await run(port, clock);
    expect(result.outcome).toBe('probe-broken');
    expect(result.detail).toMatch(
      /^canary pods not running after 20(\.\d)? s \(server Pending, client Pending\)$/,
    );
    expect(tookMs).toBeLessThanOrEqual(30_000);
    expect(port.namespacesDeleted).toEqual(['kp-r1-canary']);
  });

  test('creates a labelled scratch namespace and a deny-all ingress policy on the server', async () => {
    const clock = new VirtualClock();
    const port = cluster(clock, { enforceAfterMs: 0 });
    const { result } = await run(port, clock);
    expect(port.namespacesCreated[0].metadata).toEqual({
      name: 'kp-r1-canary',
      labels: { 'kubeprop.dev/run-id': 'r1', [MANAGED_BY_LABEL]: MANAGED_BY_VALUE },
    });
    const policy = port.created.find((c) => c.object.kind === 'NetworkPolicy')?.object;
    expect(policy?.kind === 'NetworkPolicy' && policy.spec).toEqual({
      podSelector: { matchLabels: { 'kubeprop.dev/canary': 'canary-server' } },
      policyTypes: ['Ingress'],
    });
    expect(port.namespacesDeleted).toEqual(['kp-r1-canary']);
    // Without a server image SCTP is not checked: no SCTP pods, no verdict on it.
    expect(result.sctp).toBeUndefined();
    expect(port.created.map((c) => c.object.metadata?.name)).toEqual([
      'canary-server',
      'canary-client',
      'canary-deny-all-ingress',
    ]);
  });
});

describe('checkEnforcement: the SCTP positive control (with a server image)', () => {
  test('SCTP that gets through: connected, beside an enforcing CNI, within 30 s', async () => {
    const clock = new VirtualClock();
    const port = cluster(clock, { enforceAfterMs: 2000, sctp: 'connects' });
    const { result, tookMs } = await run(port, clock, 'agnhost:2.43');
    expect(result.outcome).toBe('enforced');
    expect(result.sctp).toEqual({
      connected: true,
      detail: expect.stringMatching(/^SCTP connected after [\d.]+ s$/),
    });
    expect(tookMs).toBeLessThanOrEqual(30_000);
    const sctpPods = port.created.filter((c) => c.object.metadata?.name?.startsWith('canary-sctp-'));
    expect(sctpPods.map((c) => c.object.kind === 'Pod' && c.object.spec?.containers[0])).toEqual([
      expect.objectContaining({
        image: 'agnhost:2.43',
        args: ['porter'],
        env: [{ name: 'SERVE_SCTP_PORT_80', value: 'foo' }],
      }),
      expect.objectContaining({ name: 'cont-80-sctp', image: 'agnhost:2.43', args: ['pause'] }),
    ]);
  });

  test('runs beside the TCP control: slow SCTP pods still connect after the deny-all, which spares them', async () => {
    const clock = new VirtualClock();
    const port = cluster(clock, { enforceAfterMs: 0, sctp: 'connects', sctpStartupMs: 12_000 });
    const { result, tookMs } = await run(port, clock, 'agnhost:2.43');
    expect(result.outcome).toBe('enforced');
    expect(result.sctp?.connected).toBe(true);
    // The TCP side was done long before; the canary took as long as the slower control.
    expect(tookMs).toBeGreaterThanOrEqual(12_000);
    expect(tookMs).toBeLessThan(20_000);
  });

  test('a kernel without SCTP: "no SCTP traffic" with the reason, at its first probe, never a broken canary', async () => {
    const clock = new VirtualClock();
    const port = cluster(clock, { enforceAfterMs: 2000, sctp: 'no-kernel' });
    const { result, tookMs } = await run(port, clock, 'agnhost:2.43');
    expect(result.outcome).toBe('enforced');
    expect(result.sctp).toEqual({
      connected: false,
      detail: expect.stringMatching(
        /^the node's kernel has no SCTP \(1 probe in [\d.]+ s; last: exit 1: OTHER: protocol not supported\)$/,
      ),
    });
    expect(tookMs).toBeLessThan(10_000);
  });

  test('SCTP dropped by the network: no SCTP traffic, decided within the 30 s budget even when policies are ignored', async () => {
    const clock = new VirtualClock();
    const port = cluster(clock, { sctp: 'dropped' });
    const { result, tookMs } = await run(port, clock, 'agnhost:2.43');
    expect(result.outcome).toBe('not-enforced');
    expect(result.sctp?.connected).toBe(false);
    expect(result.sctp?.detail).toMatch(
      /^no SCTP association without any policy \(\d+ probes in 20(\.\d)? s; last: exit 1: TIMEOUT\)$/,
    );
    expect(tookMs).toBeLessThanOrEqual(30_000);
  });

  test('SCTP pods that never run: no SCTP traffic, while the TCP canary decides as before', async () => {
    const clock = new VirtualClock();
    const port = cluster(clock, { enforceAfterMs: 0, sctp: 'connects', sctpStartupMs: 60_000 });
    const { result, tookMs } = await run(port, clock, 'agnhost:2.43');
    expect(result.outcome).toBe('enforced');
    expect(result.sctp).toEqual({
      connected: false,
      detail: expect.stringMatching(
        /^SCTP canary pods not running after (19|20)(\.\d)? s \(server Pending, client Pending\)$/,
      ),
    });
    expect(tookMs).toBeLessThanOrEqual(30_000);
  });
});
