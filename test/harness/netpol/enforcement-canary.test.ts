import { checkEnforcement } from '../../../harness/netpol/enforcement-canary';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from '../../../model/labels';
import { networkPolicyUnsupported, NETPOL_PROBE_BROKEN } from '../../../suites/networkpolicy/unsupported';
import { defaultCapabilities, LATEST_VERSION } from '../../../model/capabilities';
import { parseProbe, StubCluster, VirtualClock } from './stub-cluster';

const SERVER_IP = '10.244.0.2';
/** As on the real node: a connection takes 0.1 s; a denied one waits out nc's 1 s timeout. */
const CONNECT_MS = 100;
const TIMEOUT_MS = 1000;

/**
 * A scratch cluster: pods run after `startupMs` (the real node: 0.8–4 s); a probe connects unless
 * the CNI enforces (`enforceAfterMs` after the policy's creation; never when undefined), or the
 * probe is broken (the client never reaches the server, policy or not).
 */
function cluster(
  clock: VirtualClock,
  options: { enforceAfterMs?: number; startupMs?: number; probeBroken?: boolean },
) {
  let policyAt: number | undefined;
  const startAt = clock.now() + (options.startupMs ?? 3000);
  const port: StubCluster = new StubCluster(async (_ns, pod, container, command) => {
    expect([pod, container]).toEqual(['canary-client', 'cont-80-tcp']);
    expect(parseProbe(command)).toEqual({ ip: SERVER_IP, port: 80, protocol: 'TCP' });
    const enforced =
      policyAt !== undefined &&
      options.enforceAfterMs !== undefined &&
      clock.now() - policyAt >= options.enforceAfterMs;
    const connects = !enforced && options.probeBroken !== true;
    await clock.sleep(connects ? CONNECT_MS : TIMEOUT_MS);
    return { exitCode: connects ? 0 : 1, output: '' };
  });
  const originalCreate = port.create.bind(port);
  port.create = async (namespace, object) => {
    if (object.kind === 'NetworkPolicy') policyAt = clock.now();
    const result = await originalCreate(namespace, object);
    if (object.kind === 'Pod' && object.metadata?.name) {
      const name = object.metadata.name;
      const ip = name === 'canary-server' ? SERVER_IP : '10.244.0.3';
      // Pods become Running once the virtual clock passes their start.
      const read = port.readPod.bind(port);
      port.readPod = async (ns, podName) => {
        if (clock.now() >= startAt) port.podIps.set(`${namespace}/${name}`, ip);
        return read(ns, podName);
      };
    }
    return result;
  };
  return port;
}

async function run(port: StubCluster, clock: VirtualClock) {
  const start = clock.now();
  const result = await checkEnforcement(port, {
    namespace: 'kp-r1-canary',
    labels: { 'kubeprop.dev/run-id': 'r1' },
    image: 'busybox:1.36',
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

  test('creates a labelled scratch namespace and a deny-all ingress policy', async () => {
    const clock = new VirtualClock();
    const port = cluster(clock, { enforceAfterMs: 0 });
    await run(port, clock);
    expect(port.namespacesCreated[0].metadata).toEqual({
      name: 'kp-r1-canary',
      labels: { 'kubeprop.dev/run-id': 'r1', [MANAGED_BY_LABEL]: MANAGED_BY_VALUE },
    });
    const policy = port.created.find((c) => c.object.kind === 'NetworkPolicy')?.object;
    expect(policy?.kind === 'NetworkPolicy' && policy.spec).toEqual({
      podSelector: {},
      policyTypes: ['Ingress'],
    });
    expect(port.namespacesDeleted).toEqual(['kp-r1-canary']);
  });
});
