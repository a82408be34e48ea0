import type { V1Pod } from '@kubernetes/client-node';
import { DefectSet, type FakeDefect } from '../defects';
import type { FakeKubelet, KubeletContext } from '../fake-parts';
import {
  connectionAllowed,
  NO_SCTP_OUTPUT,
  parseProbeCommand,
  probeOutput,
  type NetpolEndpoint,
} from '../netpol';
import { BIND_TO_START_SECONDS, SCHEDULING_SECONDS, sampleSeconds } from '../latency';
import { schedulePod } from '../scheduler';
import { EventRecorder } from './event-recorder';
import { LOST_ON_DELETE_SHARE } from './jitter';
import { readIntent } from './intent';
import { qosClass } from './pod-resources';
import { apiTime } from './pod-status';
import { PodWorker } from './pod-worker';
import { SeededRandom } from './random';

export interface FakeKubeletOptions {
  defects?: FakeDefect[];
  seed?: number;
  /** Upper bound of the kubelet's reaction delay, seconds (each reaction is 30–100 % of it). */
  reactionSeconds?: number;
  /**
   * Scheduling and pod start drawn from a real cluster's (harness/fake/latency.ts), the default; false:
   * the pod binds after SCHEDULE_SECONDS and its worker starts at once.
   */
  calibrated?: boolean;
  /**
   * A busy node: every pod is first reported unschedulable (FailedScheduling, PodScheduled False) and
   * bound only this many seconds after its create, as a loaded real v1.26.1 node did.
   */
  busySchedulingSeconds?: number;
  /**
   * Share of pod deletions whose killed containers the runtime removes before the kubelet posts their
   * termination, so the status shows only the kubelet's ContainerStatusUnknown stand-in (jitter.ts
   * LOST_ON_DELETE_SHARE by default).
   */
  lostOnDeleteShare?: number;
  /**
   * Whether the node's kernel has SCTP (default true, as one built with CONFIG_IP_SCTP): without it no
   * SCTP socket opens, so `agnhost connect --protocol=sctp` fails, like on the v1.26.1 test node.
   */
  sctp?: boolean;
}

const DEFAULT_REACTION_SECONDS = 1;
/** Uncalibrated: the scheduler binds within tens of milliseconds of the create (recordings). */
const SCHEDULE_SECONDS = 0.015;
/**
 * The pod worker's own time from its start to the first container running (pod-worker.ts: a status
 * sync, 30 % of a reaction; the pull, 0.45 s ± 20 %; create and start, 0.1 s): its mean, taken off a
 * drawn binding → start so that the whole is the real cluster's.
 */
const WORKER_START_SECONDS = 0.75;
/**
 * Pod start is drawn up to its p99 (binding → start 10.5 s in run10, harness/fake/latency.ts): the
 * slowest 1 % (up to 11.1 s) is left out, so that default runs stay quick; such a start delays the observe windows it falls in (harness/observe/
 * watch-window.ts), which busySchedulingSeconds exercises.
 */
const POD_START_UP_TO = 0.99;
/** What the scheduler says of a pod the busy node has no room for yet (schedule_one.go FitError). */
const BUSY_MESSAGE =
  '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.';
/** Keeps the calibrated draws off the kubelet's generator, so its other draws replay as before. */
const LATENCY_SEED_OFFSET = 0x5eed;
/** Keeps the lost-container draws off the other generators, so their draws replay as before. */
const LOSS_SEED_OFFSET = 0x1055;

interface PendingPod {
  pod: V1Pod;
  context: KubeletContext;
}

function key(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

/**
 * The node side of the fake cluster: a default scheduler over the context's nodes and a kubelet
 * with a container runtime per node, in virtual time (issue 4). Pods are driven by their intent
 * annotation; everything they emit follows the upstream kubelet (see PodWorker).
 */
export class SimulatedKubelet implements FakeKubelet {
  private readonly defects: DefectSet;
  private readonly random: SeededRandom;
  private readonly reactionSeconds: number;
  /** Draws scheduling and pod start latencies, when calibrated. */
  private readonly latencies?: SeededRandom;
  private readonly busySchedulingSeconds?: number;
  private readonly losses: SeededRandom;
  private readonly lostOnDeleteShare: number;
  private readonly sctp: boolean;
  private readonly workers = new Map<string, PodWorker>();
  private readonly bound = new Map<string, V1Pod>();
  private readonly unschedulable = new Map<string, PendingPod>();
  private context?: KubeletContext;
  private ipSerial = 0;

  constructor(options: FakeKubeletOptions = {}) {
    this.defects = new DefectSet(options.defects);
    this.random = new SeededRandom(options.seed ?? 1);
    this.reactionSeconds = options.reactionSeconds ?? DEFAULT_REACTION_SECONDS;
    if (options.calibrated ?? true)
      this.latencies = new SeededRandom((options.seed ?? 1) + LATENCY_SEED_OFFSET);
    this.busySchedulingSeconds = options.busySchedulingSeconds;
    this.losses = new SeededRandom((options.seed ?? 1) + LOSS_SEED_OFFSET);
    this.lostOnDeleteShare = options.lostOnDeleteShare ?? LOST_ON_DELETE_SHARE;
    this.sctp = options.sctp ?? true;
  }

  podCreated(pod: V1Pod, context: KubeletContext): void {
    this.context = context;
    const seconds = this.latencies ? sampleSeconds(SCHEDULING_SECONDS, this.latencies) : SCHEDULE_SECONDS;
    const busy = this.busySchedulingSeconds;
    if (busy !== undefined) {
      context.clock.schedule(seconds * 1000, () => this.reportUnschedulable({ pod, context }, BUSY_MESSAGE));
      context.clock.schedule(busy * 1000, () => this.trySchedule({ pod, context }));
      return;
    }
    context.clock.schedule(seconds * 1000, () => this.trySchedule({ pod, context }));
  }

  podDeleting(pod: V1Pod, gracePeriodSeconds: number, context: KubeletContext): void {
    const id = key(pod.metadata?.namespace ?? '', pod.metadata?.name ?? '');
    if (this.unschedulable.delete(id)) return;
    const worker = this.workers.get(id);
    if (!worker) return;
    if (worker.finished) {
      context.clock.schedule(0, () => this.release(id, context));
      return;
    }
    worker.delete(gracePeriodSeconds);
  }

  exec(
    namespace: string,
    pod: string,
    container: string,
    command: string[],
  ): { exitCode: number; output: string } {
    const source = this.workers.get(key(namespace, pod));
    const request = parseProbeCommand(command);
    const notFound = { exitCode: 127, output: `sh: ${command[0] ?? ''}: not found\n` };
    if (!source || !request) return notFound;
    if (request.protocol === 'SCTP') {
      // /agnhost is in the server image only: its containers run the entrypoint, with args and no command.
      const spec = source.containerSpec(container);
      if (spec === undefined || spec.command !== undefined) return notFound;
      if (!this.sctp) return { ...NO_SCTP_OUTPUT };
    }
    const target = [...this.workers.values()].find((w) => w.podIP === request.ip && w.running);
    const served = target?.ports.some(
      (port) => port.containerPort === request.port && (port.protocol ?? 'TCP') === request.protocol,
    );
    if (!target || !served) return probeOutput(request, false);
    const allowed = connectionAllowed(
      {
        from: this.endpoint(namespace, source),
        to: this.endpoint(target.namespaceName, target),
        port: request.port,
        protocol: request.protocol,
      },
      this.context?.networkPolicies?.() ?? [],
      {
        ignoreEgress: this.defects.has('netpol-egress-ignored'),
        ignoreEndPort: this.defects.has('netpol-end-port-ignored'),
        sctpAsTcp: this.defects.has('netpol-sctp-as-tcp'),
        skipSctpPolicies: this.defects.has('netpol-sctp-policy-skipped'),
        dropSctpPorts: this.defects.has('netpol-sctp-ports-dropped'),
        tcpPortAdmitsSctp: this.defects.has('netpol-tcp-port-admits-sctp'),
        ignoreNamespaceNameLabel: this.defects.has('netpol-namespace-name-label-ignored'),
      },
    );
    return probeOutput(request, allowed);
  }

  private endpoint(namespace: string, worker: PodWorker): NetpolEndpoint {
    return {
      namespace,
      namespaceLabels: this.context?.namespace?.(namespace)?.metadata?.labels ?? {},
      // The data plane follows label changes (the pod as stored), unless the seeded defect keeps the
      // labels the pod was created with.
      labels: this.defects.has('netpol-pod-relabel-ignored')
        ? worker.labels
        : (this.context?.readPod(namespace, worker.podName)?.metadata?.labels ?? worker.labels),
      ip: worker.podIP,
      ports: worker.ports,
    };
  }

  /** The default scheduler: bind to a node that fits, else FailedScheduling and PodScheduled False. */
  private trySchedule(pending: PendingPod): void {
    const { pod, context } = pending;
    const namespace = pod.metadata?.namespace ?? '';
    const name = pod.metadata?.name ?? '';
    const id = key(namespace, name);
    const current = context.readPod(namespace, name);
    if (!current || current.metadata?.deletionTimestamp) {
      this.unschedulable.delete(id);
      return;
    }
    const result = schedulePod(pod, context.nodes(), [...this.bound.values()]);
    const scheduler = new EventRecorder(context, current, 'default-scheduler', '', { spamFilter: false });
    if ('unschedulable' in result) {
      if (!this.unschedulable.has(id)) this.reportUnschedulable(pending, result.unschedulable);
      this.unschedulable.set(id, pending);
      return;
    }
    this.unschedulable.delete(id);
    this.bound.set(id, {
      ...pod,
      spec: { ...pod.spec, containers: pod.spec?.containers ?? [], nodeName: result.node },
    });
    context.bindPod(namespace, name, result.node);
    scheduler.record('Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${result.node}`);
    const node = context.nodes().find((n) => n.metadata?.name === result.node);
    const hostIP = node?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '10.88.0.1';
    this.ipSerial += 1;
    const worker = new PodWorker(current, readIntent(current), {
      context,
      defects: this.defects,
      random: this.random,
      reactionSeconds: this.reactionSeconds,
      node: result.node,
      hostIP,
      podIP: `10.244.${(this.ipSerial >> 8) & 255}.${this.ipSerial & 255}`,
      onStopped: () => this.release(id, context),
      losesContainersOnDelete: () => this.losses.chance(this.lostOnDeleteShare),
      httpGet: (host, port, path, scheme) =>
        [...this.workers.values()]
          .find((w) => w.podIP === host && w.running)
          ?.serveHttp(port, path, scheme) ?? false,
    });
    this.workers.set(id, worker);
    const sandbox = this.latencies
      ? Math.max(
          0,
          sampleSeconds(BIND_TO_START_SECONDS, this.latencies, POD_START_UP_TO) - WORKER_START_SECONDS,
        )
      : SCHEDULE_SECONDS;
    context.clock.schedule(sandbox * 1000, () => worker.start());
  }

  /** FailedScheduling and PodScheduled False (Unschedulable) with the scheduler's message. */
  private reportUnschedulable(pending: PendingPod, message: string): void {
    const { pod, context } = pending;
    const namespace = pod.metadata?.namespace ?? '';
    const name = pod.metadata?.name ?? '';
    const current = context.readPod(namespace, name);
    if (!current || current.metadata?.deletionTimestamp || current.spec?.nodeName) return;
    const scheduler = new EventRecorder(context, current, 'default-scheduler', '', { spamFilter: false });
    scheduler.record('Warning', 'FailedScheduling', message);
    context.setPodStatus(namespace, name, {
      phase: 'Pending',
      qosClass: qosClass(pod, this.defects.has('qos-wrong')),
      conditions: [
        {
          type: 'PodScheduled',
          status: 'False',
          reason: 'Unschedulable',
          message,
          lastTransitionTime: apiTime(context.clock.now()),
        },
      ],
    });
  }

  /** The pod's resources are free again: tell the API server, and retry pods that did not fit. */
  private release(id: string, context: KubeletContext): void {
    const worker = this.workers.get(id);
    this.workers.delete(id);
    this.bound.delete(id);
    if (worker) context.podTerminated(worker.namespaceName, worker.podName);
    for (const pending of [...this.unschedulable.values()]) this.trySchedule(pending);
  }
}

export function createFakeKubelet(options: FakeKubeletOptions = {}): FakeKubelet {
  return new SimulatedKubelet(options);
}
