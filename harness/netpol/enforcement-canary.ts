import type { V1Pod } from '@kubernetes/client-node';
import { PROBE_CONTAINER } from '../../generators/manifests/networkpolicy';
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
const CANARY_POLICY = 'canary-deny-all-ingress';

function canaryPod(
  name: string,
  namespace: string,
  labels: Record<string, string>,
  image: string,
): ManagedObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace, labels: { ...labels, 'kubeprop.dev/canary': name } },
    spec: {
      containers: [
        {
          name: PROBE_CONTAINER,
          image,
          imagePullPolicy: 'IfNotPresent',
          command: ['sh', '-c', 'mkdir -p /srv && exec httpd -f -p 80 -h /srv'],
          ports: [{ containerPort: 80, protocol: 'TCP' }],
        },
      ],
      terminationGracePeriodSeconds: 1,
      automountServiceAccountToken: false,
    },
  };
}

async function createOrThrow(port: ClusterPort, namespace: string, object: ManagedObject): Promise<void> {
  const result = await port.create(namespace, object);
  if (!result.ok) {
    throw new Error(
      `canary: creating ${object.kind} ${object.metadata?.name} failed: ${result.body.message ?? result.status}`,
    );
  }
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

/**
 * Whether the cluster's CNI enforces NetworkPolicy. The API accepts policies on clusters that
 * ignore them, so this is the only way to know (kubernetes.io network-policies: "you must be using
 * a networking solution which supports NetworkPolicy"). In a scratch namespace: a positive control
 * first (a client reaches a server without any policy; if it never does, the probe is broken and
 * says nothing about enforcement), then a deny-all ingress policy, polled until the same probe is
 * denied or the budget is spent. The namespace is deleted afterwards whatever happens.
 */
export async function checkEnforcement(
  port: ClusterPort,
  options: EnforcementCanaryOptions,
): Promise<EnforcementResult> {
  const clock = options.clock ?? systemClock;
  const start = clock.now();
  const budgetMs = options.budgetMs ?? DEFAULT_BUDGET_MS;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const until = (deadline: number) => ({
    clock,
    signal: options.signal,
    pollMs,
    deadlineMs: Math.max(0, deadline - clock.now()),
  });
  const controlDeadline = start + budgetMs - Math.min(DENY_WINDOW_MS, budgetMs / 2);
  const labels = { ...options.labels, [MANAGED_BY_LABEL]: MANAGED_BY_VALUE };
  const ns = options.namespace;
  await port.createNamespace({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels } });
  try {
    await createOrThrow(port, ns, canaryPod(SERVER, ns, labels, options.image));
    await createOrThrow(port, ns, canaryPod(CLIENT, ns, labels, options.image));

    let serverIp = '';
    const running = await waitFor('canary pods running', until(controlDeadline), async () => {
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
    const control = await waitFor('canary positive control', until(controlDeadline), async () => {
      const result = await probe();
      return { done: result.connected === true, seen: result.seen };
    });
    if (!control.done) {
      return probeBroken(
        `positive control: the client never reached the server without any policy (${probes} probes in ${seconds(clock.now() - start)} s; last: ${control.lastSeen})`,
      );
    }

    await createOrThrow(port, ns, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: CANARY_POLICY, namespace: ns, labels },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    });
    const policyAt = clock.now();
    probes = 0;
    let failure: string | undefined;
    const denied = await waitFor(
      'canary denied',
      until(Math.max(start + budgetMs, policyAt + pollMs)),
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
  } finally {
    await port.deleteNamespace(ns).catch((error: unknown) => {
      if (!(error instanceof ClusterError && error.kind === 'notFound')) throw error;
    });
  }
}

function probeBroken(detail: string): EnforcementResult {
  return { outcome: 'probe-broken', detail, enforcementDelayMs: 0 };
}
