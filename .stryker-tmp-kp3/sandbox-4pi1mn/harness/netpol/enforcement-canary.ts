// @ts-nocheck
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
  /** Per wait: pods running, baseline connects, then denied. */
  deadlineMs?: number;
  pollMs?: number;
}

export interface EnforcementResult {
  enforced: boolean;
  /** Why, for the "not enforced" skip reason. */
  detail: string;
  /** From the deny-all policy's creation until a probe was denied (0 when not enforced). */
  enforcementDelayMs: number;
}

/** Pulling busybox and starting two pods; a CNI programming one policy takes seconds, not minutes. */
const DEFAULT_DEADLINE_MS = 120_000;
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

/**
 * Whether the cluster's CNI enforces NetworkPolicy: in a scratch namespace a client reaches a
 * server, then a deny-all ingress policy must make the same probe fail before the deadline. The
 * API accepts policies on clusters that ignore them, so this is the only way to know
 * (kubernetes.io network-policies: "you must be using a networking solution which supports
 * NetworkPolicy"). The namespace is deleted afterwards whatever happens.
 */
export async function checkEnforcement(
  port: ClusterPort,
  options: EnforcementCanaryOptions,
): Promise<EnforcementResult> {
  const clock = options.clock ?? systemClock;
  const waitOptions = {
    clock,
    signal: options.signal,
    deadlineMs: options.deadlineMs ?? DEFAULT_DEADLINE_MS,
    pollMs: options.pollMs ?? DEFAULT_POLL_MS,
  };
  const labels = { ...options.labels, [MANAGED_BY_LABEL]: MANAGED_BY_VALUE };
  const ns = options.namespace;
  await port.createNamespace({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns, labels } });
  try {
    await createOrThrow(port, ns, canaryPod(SERVER, ns, labels, options.image));
    await createOrThrow(port, ns, canaryPod(CLIENT, ns, labels, options.image));

    let serverIp = '';
    const running = await waitFor('canary pods running', waitOptions, async () => {
      const [server, client] = await Promise.all([port.readPod(ns, SERVER), port.readPod(ns, CLIENT)]);
      serverIp = podIp(server) ?? '';
      const done = serverIp !== '' && podIp(client) !== undefined;
      return {
        done,
        seen: `server ${server?.status?.phase ?? 'absent'}, client ${client?.status?.phase ?? 'absent'}`,
      };
    });
    if (!running.done) return notEnforced(`canary pods never ran (${running.lastSeen})`);

    const probe = async (): Promise<boolean> =>
      probeConnected('TCP', await port.exec(ns, CLIENT, PROBE_CONTAINER, probeCommand(serverIp, 80, 'TCP')));
    const baseline = await waitFor('canary baseline connects', waitOptions, async () => {
      const connected = await probe();
      return {
        done: connected,
        seen: connected ? 'connected' : 'client cannot reach server without any policy',
      };
    });
    if (!baseline.done) return notEnforced(`baseline probe never connected (${baseline.lastSeen})`);

    await createOrThrow(port, ns, {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: CANARY_POLICY, namespace: ns, labels },
      spec: { podSelector: {}, policyTypes: ['Ingress'] },
    });
    const denied = await waitFor('canary denied', waitOptions, async () => {
      const connected = await probe();
      return {
        done: !connected,
        seen: connected ? 'still connected under a deny-all ingress policy' : 'denied',
      };
    });
    if (!denied.done) return notEnforced(`${denied.lastSeen} after ${Math.round(denied.waitedMs / 1000)} s`);
    return {
      enforced: true,
      detail: `deny-all enforced after ${Math.round(denied.waitedMs)} ms`,
      enforcementDelayMs: denied.waitedMs,
    };
  } finally {
    await port.deleteNamespace(ns).catch((error: unknown) => {
      if (!(error instanceof ClusterError && error.kind === 'notFound')) throw error;
    });
  }
}

function notEnforced(detail: string): EnforcementResult {
  return { enforced: false, detail: `NetworkPolicy not enforced: ${detail}`, enforcementDelayMs: 0 };
}
