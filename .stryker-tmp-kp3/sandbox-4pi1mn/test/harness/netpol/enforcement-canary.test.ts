// @ts-nocheck
import { checkEnforcement } from '../../../harness/netpol/enforcement-canary';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from '../../../model/labels';
import { parseProbe, StubCluster, VirtualClock } from './stub-cluster';

const SERVER_IP = '10.244.0.2';

/**
 * A scratch cluster: pods run after `startupMs`; a probe connects unless a policy exists and the
 * CNI has had `enforceAfterMs` since its creation (never, when undefined).
 */
function cluster(
  clock: VirtualClock,
  options: { enforceAfterMs?: number; startupMs?: number; baselineWorks?: boolean },
) {
  let policyAt: number | undefined;
  const startAt = clock.now() + (options.startupMs ?? 3000);
  const port: StubCluster = new StubCluster(async (_ns, pod, container, command) => {
    expect([pod, container]).toEqual(['canary-client', 'cont-80-tcp']);
    expect(parseProbe(command)).toEqual({ ip: SERVER_IP, port: 80, protocol: 'TCP' });
    if (options.baselineWorks === false) return { exitCode: 1, output: '' };
    const enforced =
      policyAt !== undefined &&
      options.enforceAfterMs !== undefined &&
      clock.now() - policyAt >= options.enforceAfterMs;
    return { exitCode: enforced ? 1 : 0, output: '' };
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

const run = (port: StubCluster, clock: VirtualClock, deadlineMs = 30_000) =>
  checkEnforcement(port, {
    namespace: 'kp-r1-canary',
    labels: { 'kubeprop.dev/run-id': 'r1' },
    image: 'busybox:1.36',
    signal: new AbortController().signal,
    clock,
    deadlineMs,
    pollMs: 500,
  });

describe('checkEnforcement', () => {
  it('reports enforced, and how long enforcement took, when the deny-all policy starts denying', async () => {
    const clock = new VirtualClock();
    const port = cluster(clock, { enforceAfterMs: 2000 });
    const result = await run(port, clock);
    expect(result.enforced).toBe(true);
    expect(result.enforcementDelayMs).toBeGreaterThanOrEqual(2000);
    expect(result.enforcementDelayMs).toBeLessThan(3000);
  });

  it('creates a labelled scratch namespace, a deny-all ingress policy, and deletes the namespace', async () => {
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

  it('reports not enforced, with the last state seen, when traffic still flows at the deadline', async () => {
    const clock = new VirtualClock();
    const port = cluster(clock, {});
    const result = await run(port, clock, 10_000);
    expect(result.enforced).toBe(false);
    expect(result.detail).toMatch(
      /^NetworkPolicy not enforced: still connected under a deny-all ingress policy after 1\d s$/,
    );
    expect(port.namespacesDeleted).toEqual(['kp-r1-canary']);
  });

  it('does not call a cluster enforcing when the probe never worked in the first place', async () => {
    const clock = new VirtualClock();
    const port = cluster(clock, { enforceAfterMs: 0, baselineWorks: false });
    const result = await run(port, clock, 5000);
    expect(result.enforced).toBe(false);
    expect(result.detail).toContain('baseline probe never connected');
    expect(port.created.some((c) => c.object.kind === 'NetworkPolicy')).toBe(false);
  });

  it('reports pods that never run', async () => {
    const clock = new VirtualClock();
    const port = cluster(clock, { enforceAfterMs: 0, startupMs: 60_000 });
    const result = await run(port, clock, 5000);
    expect(result).toEqual({
      enforced: false,
      detail: 'NetworkPolicy not enforced: canary pods never ran (server Pending, client Pending)',
      enforcementDelayMs: 0,
    });
    expect(port.namespacesDeleted).toEqual(['kp-r1-canary']);
  });
});
