import type { V1Container, V1Pod } from '@kubernetes/client-node';
import {
  PROBE_CONTAINER,
  SCTP_PROBE_CONTAINER,
  sctpServerContainer,
} from '../../generators/manifests/networkpolicy';
import { NETPOL_SCTP_PORTS } from '../../model/scenario/policies';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from '../../model/labels';
import { systemClock, type Clock } from '../clock';
import { ClusterError } from '../cluster-error';
import type { ClusterPort, ManagedObject } from '../cluster-port';
import { waitFor } from './named-wait';
import { probeCommand, probeConnected } from './probe-command';

export interface EnforcementCanaryOptions {
  /** A scratch namespace name, created and deleted by the canary. */
  namespace: string;
  /** Labels of this run (run id); managed-by kubeprop is always added. */
  labels: Record<string, string>;
  image: string;
  /**
   * The server image (agnhost): with it an SCTP positive control runs alongside the TCP one, and the
   * result says whether SCTP traffic gets through (`sctp`). Without it SCTP is not checked.
   */
  serverImage?: string;
  signal: AbortSignal;
  clock?: Clock;
  /** The whole canary's time budget, ms: it decides within it (default 30 s). */
  budgetMs?: number;
  pollMs?: number;
}

/**
 * enforced: the deny-all policy denied the connection the positive control made. not-enforced: the
 * connection still worked under it until the budget ran out. probe-broken: the positive control
 * failed (pods not running, or no connection without any policy), so enforcement is unknown.
 */
export type EnforcementOutcome = 'enforced' | 'not-enforced' | 'probe-broken';

export interface EnforcementResult {
  outcome: EnforcementOutcome;
  /** Why, for the log and the skip reason. */
  detail: string;
  /** From the deny-all policy's creation until a probe was denied (0 unless enforced). */
  enforcementDelayMs: number;
  /** The SCTP positive control's outcome, when it ran (a server image was given). */
  sctp?: SctpControlResult;
}

/**
 * connected: an SCTP association between two canary pods came up without any policy, so the cluster
 * carries SCTP traffic. Otherwise `detail` says why not (a kernel without SCTP, pods not running, no
 * association): that is no SCTP traffic, never a broken canary nor "not enforced".
 */
export interface SctpControlResult {
  connected: boolean;
  detail: string;
}

/**
 * The canary decides within 30 s: on the real 2-CPU node pods started in 0.8–4 s and one probe
 * takes up to 1 s (nc -w 1), so the pods and the positive control fit in the first 20 s and the
 * deny-all policy gets at least the last 10 s. CNIs that enforce program a policy within a second
 * or two; polling the denied connection every second for 10 s allows for that lag.
 */
const DEFAULT_BUDGET_MS = 30_000;
const DENY_WINDOW_MS = 10_000;
const DEFAULT_POLL_MS = 1000;
const SERVER = 'canary-server';
const CLIENT = 'canary-client';
const SCTP_SERVER = 'canary-sctp-server';
const SCTP_CLIENT = 'canary-sctp-client';
const CANARY_POLICY = 'canary-deny-all-ingress';
const CANARY_LABEL = 'kubeprop.dev/canary';
/** The port the SCTP control connects to: the one the NetworkPolicy topology serves. */
const SCTP_PORT = NETPOL_SCTP_PORTS[0];
/**
 * What `agnhost connect --protocol=sctp` prints when the client's kernel has no SCTP: socket() fails
 * with EPROTONOSUPPORT (connect.go connectSCTP, "OTHER: <err>"), as on a kernel without CONFIG_IP_SCTP.
 * Waiting cannot change that, so the control stops at once.
 */
const NO_SCTP_KERNEL = /protocol not supported/i;

function canaryPod(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  container: V1Container,
): ManagedObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { ...labels, [CANARY_LABEL]: name } },
    spec: { containers: [container], terminationGracePeriodSeconds: 1, automountServiceAccountToken: false },
  };
}

function httpdContainer(image: string): V1Container {
  return {
    name: PROBE_CONTAINER,
    image,
    imagePullPolicy: 'IfNotPresent',
    command: ['sh', '-c', 'mkdir -p /srv && exec httpd -f -p 80 -h /srv'],
    ports: [{ containerPort: 80, protocol: 'TCP' }],
  };
}

/** The server image idling (agnhost pause), to run `agnhost connect` in. */
function agnhostClientContainer(image: string): V1Container {
  return { name: SCTP_PROBE_CONTAINER, image, imagePullPolicy: 'IfNotPresent', args: ['pause'] };
}

async function createOrThrow(port: ClusterPort, namespace: string, object: ManagedObject): Promise<void> {
  const result = await port.create(namespace, object);
  if (!result.ok) {
    throw new Error(
      `canary: creating ${object.kind} ${object.metadata?.name} failed: ${result.body.message ?? result.status}`,
    );
  }
}

function probesText(count: number): string {
  return `${count} probe${count === 1 ? '' : 's'}`;
}

function podIp(pod: V1Pod | undefined): string | undefined {
  return pod?.status?.phase === 'Running' && pod.status.podIP ? pod.status.podIP : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function seconds(ms: number): number {
  return Math.round(ms / 100) / 10;
}

/** The deadlines and polling of one canary run. */
interface CanaryTiming {
  clock: Clock;
  signal: AbortSignal;
  start: number;
  budgetMs: number;
  pollMs: number;
  /** Until when the positive controls may try: the deny-all policy gets the rest of the budget. */
  controlDeadline: number;
}

function until(timing: CanaryTiming, deadline: number) {
  return {
    clock: timing.clock,
    signal: timing.signal,
    pollMs: timing.pollMs,
    deadlineMs: Math.max(0, deadline - timing.clock.now()),
  };
}

/**
 * Whether the cluster's CNI enforces NetworkPolicy. The API accepts policies on clusters that
 * ignore them, so this is the only way to know (kubernetes.io network-policies: "you must be using
 * a networking solution which supports NetworkPolicy"). In a scratch namespace: a positive control
 * first (a client reaches a server without any policy; if it never does, the probe is broken and
 * says nothing about enforcement), then a deny-all ingress policy on the server, polled until the same
 * probe is denied or the budget is spent. With a server image, an SCTP positive control between two
 * more pods runs at the same time (the policy selects neither), within the same budget. The namespace
 * is deleted afterwards whatever happens.
 */
export async function checkEnforcement(
  port: ClusterPort,
  options: EnforcementCanaryOptions,
): Promise<EnforcementResult> {
  const clock = options.clock ?? systemClock;
  const start = clock.now();
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const timing: CanaryTiming = {
    clock,
    signal: options.signal,
    start,
    budgetMs,
    pollMs: options.pollMs ?? DEFAULT_POLL_MS,
    controlDeadline: start + budgetMs - Math.min(DENY_WINDOW_MS, budgetMs / 2),
  };
  const labels = { ...options.labels, [MANAGED_BY_LABEL]: MANAGED_BY_VALUE };
  const ns = options.namespace;
  await port.createNamespace({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels } });
  try {
    await createOrThrow(port, ns, canaryPod(SERVER, ns, labels, httpdContainer(options.image)));
    await createOrThrow(port, ns, canaryPod(CLIENT, ns, labels, httpdContainer(options.image)));
    const serverImage = options.serverImage;
    // Both settle before the namespace goes, so neither control polls a deleted namespace.
    const [result, sctp] = await Promise.allSettled([
      enforcement(port, ns, labels, timing),
      serverImage === undefined ? undefined : sctpControl(port, ns, labels, serverImage, timing),
    ]);
    if (result.status === 'rejected') throw result.reason;
    if (sctp.status === 'rejected') throw sctp.reason;
    return sctp.value === undefined ? result.value : { ...result.value, sctp: sctp.value };
  } finally {
    await port.deleteNamespace(ns).catch((error: unknown) => {
      if (!(error instanceof ClusterError && error.kind === 'notFound')) throw error;
    });
  }
}

/** The TCP positive control, then the deny-all policy on the server. */
async function enforcement(
  port: ClusterPort,
  ns: string,
  labels: Record<string, string>,
  timing: CanaryTiming,
): Promise<EnforcementResult> {
  const { clock, start } = timing;
  let serverIp = '';
  const running = await waitFor('canary pods running', until(timing, timing.controlDeadline), async () => {
    const [server, client] = await Promise.all([port.readPod(ns, SERVER), port.readPod(ns, CLIENT)]);
    serverIp = podIp(server) ?? '';
    const done = serverIp !== '' && podIp(client) !== undefined;
    return {
      done,
      seen: `server ${server?.status?.phase ?? 'absent'}, client ${client?.status?.phase ?? 'absent'}`,
    };
  });
  if (!running.done) {
    return probeBroken(
      `canary pods not running after ${seconds(clock.now() - start)} s (${running.lastSeen})`,
    );
  }

  let probes = 0;
  const probe = async (): Promise<{ connected?: boolean; seen: string }> => {
    probes += 1;
    try {
      const result = await port.exec(ns, CLIENT, PROBE_CONTAINER, probeCommand(serverIp, 80, 'TCP'));
      const connected = probeConnected('TCP', result);
      return { connected, seen: connected ? 'connected' : `not connected (exit ${result.exitCode})` };
    } catch (error) {
      return { seen: `probe failed: ${describe(error)}` };
    }
  };
  const control = await waitFor(
    'canary positive control',
    until(timing, timing.controlDeadline),
    async () => {
      const result = await probe();
      return { done: result.connected === true, seen: result.seen };
    },
  );
  if (!control.done) {
    return probeBroken(
      `positive control: the client never reached the server without any policy (${probesText(probes)} in ${seconds(clock.now() - start)} s; last: ${control.lastSeen})`,
    );
  }

  // The server alone: the SCTP control's pods, which may still be probing, stay out of it.
  await createOrThrow(port, ns, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'NetworkPolicy',
    metadata: { name: CANARY_POLICY, namespace: ns, labels },
    spec: { podSelector: { matchLabels: { [CANARY_LABEL]: SERVER } }, policyTypes: ['Ingress'] },
  });
  const policyAt = clock.now();
  probes = 0;
  let failure: string | undefined;
  const denied = await waitFor(
    'canary denied',
    until(timing, Math.max(start + timing.budgetMs, policyAt + timing.pollMs)),
    async () => {
      const result = await probe();
      if (result.connected === undefined) failure = result.seen;
      return {
        done: result.connected !== true,
        seen: result.connected === true ? 'still connected under a deny-all ingress policy' : result.seen,
      };
    },
  );
  if (failure !== undefined) return probeBroken(`under the deny-all policy the probe itself ${failure}`);
  if (!denied.done) {
    return {
      outcome: 'not-enforced',
      detail: `${denied.lastSeen} (${probes} probes over ${seconds(clock.now() - policyAt)} s)`,
      enforcementDelayMs: 0,
    };
  }
  const delay = clock.now() - policyAt;
  return {
    outcome: 'enforced',
    detail: `deny-all enforced after ${Math.round(delay)} ms`,
    enforcementDelayMs: delay,
  };
}

/**
 * The SCTP positive control: an agnhost porter serving SCTP_PORT and an agnhost client in a second pod
 * (busybox has no SCTP), the client connecting as the topology's SCTP probes do, until connected or the
 * controls' deadline. Never throws but on abort: every failure is "no SCTP traffic" with its reason.
 */
async function sctpControl(
  port: ClusterPort,
  ns: string,
  labels: Record<string, string>,
  image: string,
  timing: CanaryTiming,
): Promise<SctpControlResult> {
  const { clock, start } = timing;
  try {
    await createOrThrow(port, ns, canaryPod(SCTP_SERVER, ns, labels, sctpServerContainer(SCTP_PORT, image)));
    await createOrThrow(port, ns, canaryPod(SCTP_CLIENT, ns, labels, agnhostClientContainer(image)));
  } catch (error) {
    timing.signal.throwIfAborted();
    return { connected: false, detail: describe(error) };
  }
  let serverIp = '';
  // The server needs an address only: without SCTP in the kernel porter exits and restarts, and the
  // client's own connect then says why.
  const running = await waitFor('SCTP canary pods', until(timing, timing.controlDeadline), async () => {
    const [server, client] = await Promise.all([
      port.readPod(ns, SCTP_SERVER),
      port.readPod(ns, SCTP_CLIENT),
    ]);
    serverIp = server?.status?.podIP ?? '';
    return {
      done: serverIp !== '' && podIp(client) !== undefined,
      seen: `server ${server?.status?.phase ?? 'absent'}, client ${client?.status?.phase ?? 'absent'}`,
    };
  });
  if (!running.done) {
    return {
      connected: false,
      detail: `SCTP canary pods not running after ${seconds(clock.now() - start)} s (${running.lastSeen})`,
    };
  }
  let probes = 0;
  let kernelLacksSctp = false;
  const control = await waitFor('SCTP positive control', until(timing, timing.controlDeadline), async () => {
    probes += 1;
    try {
      const result = await port.exec(
        ns,
        SCTP_CLIENT,
        SCTP_PROBE_CONTAINER,
        probeCommand(serverIp, SCTP_PORT.port, 'SCTP'),
      );
      const connected = probeConnected('SCTP', result);
      kernelLacksSctp = NO_SCTP_KERNEL.test(result.output);
      const said = result.output.trim().split('\n')[0] ?? '';
      return {
        done: connected || kernelLacksSctp,
        seen: connected ? 'connected' : `exit ${result.exitCode}${said === '' ? '' : `: ${said}`}`,
      };
    } catch (error) {
      timing.signal.throwIfAborted();
      return { done: false, seen: `probe failed: ${describe(error)}` };
    }
  });
  if (control.done && !kernelLacksSctp) {
    return { connected: true, detail: `SCTP connected after ${seconds(clock.now() - start)} s` };
  }
  const tried = `${probesText(probes)} in ${seconds(clock.now() - start)} s; last: ${control.lastSeen}`;
  return {
    connected: false,
    detail: kernelLacksSctp
      ? `the node's kernel has no SCTP (${tried})`
      : `no SCTP association without any policy (${tried})`,
  };
}

function probeBroken(detail: string): EnforcementResult {
  return { outcome: 'probe-broken', detail, enforcementDelayMs: 0 };
}
