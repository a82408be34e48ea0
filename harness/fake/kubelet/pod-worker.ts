import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { serverHttpPort } from '../../agnhost-program';
import { agnhostGrpcStatus, netexecLogLine } from './agnhost';
import { LATEST_VERSION } from '../../../model/capabilities';
import { LOST_CONTAINER_REASON } from '../../lost-container';
import { HEARTBEAT_SECONDS, formatMarker, type MarkerName } from '../../markers';
import type { HookHandler, HookScheme, PodScenario, ProbeKind, ProbeSpec } from '../../../model/scenario';
import { probePeriodSeconds, probeThreshold, sigkillAheadSeconds, type DefectSet } from '../defects';
import type { KubeletContext } from '../fake-parts';
import { RestartBackOff, restartAt } from './backoff';
import { probeAttemptSeconds, runProbeHandler, signalOn } from './container-program';
import { ContainerState, type ProbeMemory, type TerminatedState } from './container-state';
import { EventRecorder } from './event-recorder';
import {
  deleteReactionSeconds,
  execLag,
  nextProbeTickSeconds,
  STOP_TIMER_JITTER_SECONDS,
  type ExecLag,
} from './jitter';
import { MINIMUM_GRACE_SECONDS, effectivePodGrace, killSchedule } from './grace';
import { containerAmounts, podLimits, qosClass } from './pod-resources';
import { ConditionClock, buildPodStatus, podPhase, type StatusView } from './pod-status';
import type { SeededRandom } from './random';

export interface WorkerOptions {
  context: KubeletContext;
  defects: DefectSet;
  random: SeededRandom;
  /** Upper bound of the kubelet's reaction delay, seconds. */
  reactionSeconds: number;
  node: string;
  hostIP: string;
  podIP: string;
  /** Called once the pod's containers have all stopped after a delete. */
  onStopped: () => void;
  /** Whether this deletion's containers are removed before their termination is posted. */
  losesContainersOnDelete?: () => boolean;
  /** An HTTP(S) GET to another pod (httpGet.host): whether its server answered the request. */
  httpGet?: (host: string, port: number, path: string, scheme: HookScheme) => boolean;
}

const PROBE_TITLE: Record<ProbeKind, string> = {
  readiness: 'Readiness',
  liveness: 'Liveness',
  startup: 'Startup',
};

/** Seconds between the pod's start and each step the runtime takes to start a container. */
const PULL_SECONDS = 0.45;
const CREATE_SECONDS = 0.02;
const START_SECONDS = 0.08;
/**
 * Seconds from a container's start until its program listens (sh parses the script, writes its CGI
 * scripts, forks httpd and nc): a request before that is refused.
 */
const SERVERS_START_SECONDS = { min: 0.005, max: 0.05 };
/** Time the runtime takes to deliver a signal and the shell trap to run. */
const SIGNAL_SECONDS = 0.05;
/** Time between an allocation above the limit and the kernel's OOM kill. */
const OOM_SECONDS = 0.5;
/** The eviction manager's housekeeping interval (pkg/kubelet/eviction monitoringInterval 10 s). */
const EVICTION_CHECK_SECONDS = 10;
/** The kubelet's PLEG relists containers every second (pkg/kubelet/kubelet.go plegRelistPeriod). */
const PLEG_RELIST_SECONDS = 1;

const LOST_CONTAINER_MESSAGE =
  'The container could not be located when the pod was deleted.  The container used to be Running';
/** The terminated stand-in once the pod is terminal (kubelet_pods.go convertToAPIContainerStatuses). */
const LOST_AT_TERMINATION_MESSAGE = 'The container could not be located when the pod was terminated';

/**
 * One pod on the simulated node: the kubelet's pod worker, prober and the container runtime together,
 * in virtual time. It reads what each container does from the pod's intent and emits the status
 * updates, events and log lines a real node emits.
 */
export class PodWorker {
  readonly intent: PodScenario;
  readonly initContainers: ContainerState[];
  readonly appContainers: ContainerState[];
  private readonly events: EventRecorder;
  private readonly conditions = new ConditionClock();
  private readonly startTime: number;
  private initialized: boolean;
  private initFailedForGood = false;
  private deleting = false;
  /** The period the API recorded for the delete, once it reached the kubelet. */
  private deletionGraceSeconds: number | undefined;
  private stopped = false;
  private eviction?: { message: string };
  /** Ephemeral storage each container has written, Mi (its writable layer outlives a restart). */
  private readonly writtenMi = new Map<string, number>();
  private statusPending = false;
  private readonly namespace: string;
  private readonly name: string;
  private containerSerial = 0;
  /** The kubelet's restart back-off entry of each container (kuberuntime_manager.go doBackOff). */
  private readonly backOffs = new Map<ContainerState, RestartBackOff>();
  /** When the prober first sees each container's current instance in the pod status (epoch ms). */
  private readonly statusShowsAt = new Map<ContainerState, number>();
  private readonly view: StatusView;

  constructor(
    private readonly pod: V1Pod,
    intent: PodScenario,
    private readonly options: WorkerOptions,
  ) {
    this.intent = intent;
    this.namespace = pod.metadata?.namespace ?? '';
    this.name = pod.metadata?.name ?? '';
    const scenarioOf = (list: PodScenario['containers'], name: string) =>
      list.find((c) => c.name === name) ?? {
        name,
        behaviour: { startDelaySeconds: 0, sigterm: { kind: 'default' as const } },
        ports: [],
        resources: { requests: {}, limits: {} },
        lifecycle: {},
        probes: {},
      };
    this.initContainers = (pod.spec?.initContainers ?? []).map(
      (spec, index) =>
        new ContainerState(
          spec.restartPolicy === 'Always' ? 'sidecar' : 'init',
          spec,
          scenarioOf(intent.initContainers, spec.name),
          index,
        ),
    );
    this.appContainers = (pod.spec?.containers ?? []).map(
      (spec, index) => new ContainerState('app', spec, scenarioOf(intent.containers, spec.name), index),
    );
    this.initialized = this.initContainers.length === 0;
    if (!this.initialized) {
      for (const c of this.appContainers) c.state = { kind: 'waiting', reason: 'PodInitializing' };
    }
    this.events = new EventRecorder(options.context, pod, 'kubelet', options.node);
    this.startTime = this.now();
    this.view = {
      runningBeforePostStart: options.defects.has('poststart-not-awaited'),
      ready: (c) => this.isReady(c),
    };
  }

  get namespaceName(): string {
    return this.namespace;
  }

  get podName(): string {
    return this.name;
  }

  get podIP(): string {
    return this.options.podIP;
  }

  get labels(): Record<string, string> {
    return this.pod.metadata?.labels ?? {};
  }

  /** A container's spec, by name (exec reads which program a container runs). */
  containerSpec(name: string): V1Container | undefined {
    return [...this.initContainers, ...this.appContainers].find((c) => c.spec.name === name)?.spec;
  }

  get ports(): { name?: string; containerPort: number; protocol?: string }[] {
    return [...this.initContainers, ...this.appContainers].flatMap((c) => c.spec.ports ?? []);
  }

  /** The pod's IP serves traffic only while some container runs. */
  get running(): boolean {
    return [...this.initContainers, ...this.appContainers].some((c) => c.alive);
  }

  /** Stopped after a delete, or a terminal phase with nothing left running (a sidecar may outlive the apps). */
  get finished(): boolean {
    const phase = this.phase();
    return this.stopped || ((phase === 'Succeeded' || phase === 'Failed') && !this.running);
  }

  start(): void {
    this.publishStatus();
    this.after(this.reaction() * 0.3, () => this.advance());
  }

  // ---- time helpers -------------------------------------------------------------------------

  private now(): number {
    return this.options.context.clock.now();
  }

  private after(seconds: number, fn: () => void): void {
    this.options.context.clock.schedule(Math.max(0, seconds * 1000), fn);
  }

  /** A kubelet reaction: somewhere between 30 % and 100 % of reactionSeconds. */
  private reaction(): number {
    const top = this.options.reactionSeconds;
    return this.options.random.between(0.3 * top, top);
  }

  private log(container: ContainerState, marker: MarkerName, argument?: string | number): void {
    // An agnhost program writes no markers: only the busybox program and its hooks do.
    if (container.server) return;
    // Hooks write through /proc/1/fd/1, so every marker lands in the main container's log.
    this.options.context.appendLog(
      this.namespace,
      this.name,
      container.name,
      this.now(),
      formatMarker(marker, argument),
    );
  }

  // ---- status -------------------------------------------------------------------------------

  private isReady(container: ContainerState): boolean {
    if (container.role === 'init') return container.completed;
    if (container.state.kind !== 'running' || !container.alive) return false;
    if (!container.postStartDone && !this.view.runningBeforePostStart) return false;
    if (!container.startupPassed) return false;
    if (!container.scenario.probes.readiness || this.options.defects.has('readiness-ignored')) return true;
    return container.readinessOk;
  }

  private phase(): ReturnType<typeof podPhase> {
    if (this.eviction) return 'Failed';
    return podPhase(this.appContainers, this.initialized, this.initFailedForGood, this.intent.restartPolicy);
  }

  /** Status updates reach the API a reaction after the change (PLEG relist, status manager). */
  private syncStatus(): void {
    if (this.statusPending) return;
    this.statusPending = true;
    this.after(this.reaction() * 0.5, () => {
      this.statusPending = false;
      this.publishStatus();
    });
  }

  private publishStatus(): void {
    const { context } = this.options;
    if (!context.readPod(this.namespace, this.name)) return;
    const qos = qosClass(this.pod, this.options.defects.has('qos-wrong'));
    const status = buildPodStatus({
      now: this.now(),
      phase: this.phase(),
      initContainers: this.initContainers,
      appContainers: this.appContainers,
      initialized: this.initialized,
      view: this.view,
      conditions: this.conditions,
      hostIP: this.options.hostIP,
      podIP: this.options.podIP,
      startTime: this.startTime,
      qosClass: qos,
      reason: this.eviction ? 'Evicted' : undefined,
      message: this.eviction?.message,
    });
    context.setPodStatus(this.namespace, this.name, status);
  }

  // ---- starting containers (kuberuntime_manager.go computePodActions) -----------------------

  private advance(): void {
    if (this.deleting || this.eviction || this.initFailedForGood) return;
    if (this.options.defects.has('init-parallel') && !this.initialized) {
      this.initialized = true;
      for (const c of [...this.initContainers, ...this.appContainers]) {
        if (!c.everStarted && !c.alive) this.startContainer(c);
      }
      return;
    }
    if (!this.initialized) {
      for (const c of this.initContainers) {
        if (c.completed || this.failedButPassed(c)) continue;
        // A sidecar only has to be started: startContainer returned (postStart done) and startup passed.
        if (c.role === 'sidecar' && c.alive && c.startupPassed && c.postStartDone) continue;
        if (!c.alive && !c.everStarted) this.startContainer(c);
        // One init container at a time: wait for this one (or its restart) before the next.
        return;
      }
      this.initialized = true;
      this.syncStatus();
    }
    for (const c of this.appContainers) {
      if (!c.alive && !c.everStarted) this.startContainer(c);
    }
  }

  /** A seeded defect: an init container that exited non-zero is passed over like a completed one. */
  private failedButPassed(c: ContainerState): boolean {
    return (
      this.options.defects.has('init-failure-continues') &&
      c.role === 'init' &&
      c.state.kind === 'terminated' &&
      c.state.terminated.exitCode !== 0
    );
  }

  private startContainer(c: ContainerState): void {
    const pullAt = c.everStarted ? 0 : PULL_SECONDS * this.options.random.between(0.8, 1.2);
    const generation = ++c.generation;
    this.after(pullAt, () => {
      if (generation !== c.generation || this.deleting) return;
      if (!c.everStarted) {
        const image = c.spec.image ?? '';
        this.events.record(
          'Normal',
          'Pulled',
          `Container image "${image}" already present on machine`,
          c.fieldPath,
        );
      }
      this.after(CREATE_SECONDS, () => {
        if (generation !== c.generation || this.deleting) return;
        this.events.record('Normal', 'Created', `Created container ${c.name}`, c.fieldPath);
        this.after(START_SECONDS, () => {
          if (generation !== c.generation || this.deleting) return;
          this.runContainer(c);
          this.events.record('Normal', 'Started', `Started container ${c.name}`, c.fieldPath);
        });
      });
    });
  }

  private runContainer(c: ContainerState): void {
    const generation = ++c.generation;
    const startedAt = this.now();
    c.alive = true;
    c.everStarted = true;
    c.killing = false;
    c.containerID = `containerd://${this.name}-${c.name}-${++this.containerSerial}`;
    c.state = { kind: 'running', startedAt };
    c.postStartDone =
      !c.scenario.lifecycle.postStart || c.role === 'init' || this.options.defects.has('poststart-skipped');
    c.startupPassed = !c.scenario.probes.startup;
    c.readinessOk = false;
    c.serversUpAt =
      startedAt + this.options.random.between(SERVERS_START_SECONDS.min, SERVERS_START_SECONDS.max) * 1000;
    c.probes = new Map();
    // worker.go doProbe reads the status manager's pod status: a restarted instance shows there after the next
    // PLEG relist, and a tick before that still sees the one before it (not running, or on hold after its
    // kill) and does nothing. A real v1.26.1 node lost ticks 0.77 and 0.81 s after a restart, not 0.67 or 0.89 s.
    // The first instance's ticks, phased from the pod's first sync before its start, came after its status there.
    this.statusShowsAt.set(
      c,
      c.restartCount > 0 ? startedAt + this.options.random.between(0, PLEG_RELIST_SECONDS) * 1000 : startedAt,
    );
    this.runProgram(c, generation);
    if (!c.postStartDone && c.scenario.lifecycle.postStart) {
      this.runPostStart(c, c.scenario.lifecycle.postStart, generation);
    }
    for (const kind of ['startup', 'readiness', 'liveness'] as const) {
      const spec = c.scenario.probes[kind];
      // The probe worker's ticker runs from the pod's start, not the container's (worker.go run).
      const tick = spec && nextProbeTickSeconds(this.startTime, this.now(), spec.periodSeconds);
      if (spec && tick !== undefined && c.role !== 'init')
        this.after(tick, () => this.probeTick(c, kind, spec, generation));
    }
    this.syncStatus();
    if (c.role === 'sidecar' && c.startupPassed && c.postStartDone) this.after(0, () => this.advance());
  }

  /** Timers of the container program: markers and what the behaviour does, from its own start. */
  private runProgram(c: ContainerState, generation: number): void {
    const behaviour = c.scenario.behaviour;
    const at = (seconds: number, fn: () => void) =>
      this.after(seconds, () => {
        if (generation === c.generation && c.alive) fn();
      });
    // The program writes `boot` and ticks from its first instant (harness/container-program.ts), so a
    // record without a pause shows a marker that never came was never written, start delay included.
    this.log(c, 'boot');
    this.heartbeat(c, generation);
    at(behaviour.startDelaySeconds, () => {
      this.log(c, 'started');
      if (behaviour.allocateMemoryMi !== undefined) {
        this.log(c, 'alloc', behaviour.allocateMemoryMi);
        const limit = containerAmounts(c.spec).limits.memory;
        if (limit !== undefined && behaviour.allocateMemoryMi > limit) {
          const reason = this.options.defects.has('oom-as-error') ? 'Error' : 'OOMKilled';
          at(OOM_SECONDS, () => this.containerExited(c, 137, reason));
        }
      }
      if (behaviour.writeEphemeralMi !== undefined) {
        this.log(c, 'write', behaviour.writeEphemeralMi);
        this.checkEphemeralStorage(c, behaviour.writeEphemeralMi);
      }
    });
    const signalMarkers: [number | undefined, MarkerName][] = [
      [behaviour.readyAfterSeconds, 'ready-on'],
      [behaviour.unreadyAfterSeconds, 'ready-off'],
      [behaviour.unhealthyAfterSeconds, 'unhealthy'],
      [behaviour.startupAfterSeconds, 'startup-on'],
    ];
    for (const [seconds, marker] of signalMarkers) {
      if (seconds !== undefined) at(seconds, () => this.log(c, marker));
    }
    if (behaviour.exitAfter) {
      const { seconds, exitCode } = behaviour.exitAfter;
      at(seconds, () => {
        if (c.killing) return;
        this.log(c, 'exit', exitCode);
        this.containerExited(c, exitCode);
      });
    }
  }

  // ---- hooks (pkg/kubelet/lifecycle/handlers.go) ---------------------------------------------

  /** Runs a hook handler; calls done(succeeded) when it returns. Returns its duration in seconds. */
  private runHook(
    c: ContainerState,
    hook: 'postStart' | 'preStop',
    handler: HookHandler,
    generation: number,
    done: (succeeded: boolean) => void,
  ): number {
    const start: MarkerName = hook === 'postStart' ? 'poststart-start' : 'prestop-start';
    const end: MarkerName = hook === 'postStart' ? 'poststart-end' : 'prestop-end';
    const alive = () => generation === c.generation && c.alive;
    // A hook's `say` writes through the main program's pid file; without it the marker is lost.
    const say = (marker: MarkerName, argument?: string | number) => {
      if (c.hooksReachOutput) this.log(c, marker, argument);
    };
    switch (handler.kind) {
      case 'exec':
        this.after(SIGNAL_SECONDS / 2, () => {
          if (alive()) say(start);
        });
        this.after(handler.durationSeconds, () => {
          if (!alive()) return;
          say(end, handler.exitCode);
          done(handler.exitCode === 0);
        });
        return handler.durationSeconds;
      case 'httpGet': {
        const get = c.spec.lifecycle?.[hook]?.httpGet;
        const host = get?.host;
        const port = typeof get?.port === 'number' ? get.port : handler.port;
        const path = get?.path ?? handler.path;
        // A seeded defect: httpGet.scheme ignored, as handlers.go's path without ConsistentHTTPGetHandlers
        // (every kubelet before v1.26, kubernetes PR #86139) builds `http://` whatever the scheme.
        const scheme: HookScheme =
          get?.scheme === 'HTTPS' && !this.options.defects.has('hook-https-as-http') ? 'HTTPS' : 'HTTP';
        // postStart's GET leaves as soon as the container started (kuberuntime_container.go startContainer).
        this.after(hook === 'postStart' ? 0 : SIGNAL_SECONDS / 2, () => {
          if (!alive()) return;
          const own = !host || host === this.options.podIP;
          // A seeded defect: a preStop GET to another host never leaves, yet counts as answered.
          const unsent = !own && hook === 'preStop' && this.options.defects.has('prestop-http-not-sent');
          const taken = own
            ? this.now() >= c.serversUpAt
            : unsent || (this.options.httpGet?.(host, port, path, scheme) ?? false);
          // The kubelet's HTTP hook fails only when the request fails; the status code is not judged.
          if (!taken) {
            done(false);
            return;
          }
          if (own) say('http', path);
          this.after(handler.durationSeconds, () => {
            if (alive()) done(true);
          });
        });
        return handler.durationSeconds;
      }
      case 'sleep':
        this.after(handler.seconds, () => done(true));
        return handler.seconds;
    }
  }

  private runPostStart(c: ContainerState, handler: HookHandler, generation: number): void {
    this.runHook(c, 'postStart', handler, generation, (succeeded) => {
      if (generation !== c.generation) return;
      if (succeeded) {
        c.postStartDone = true;
        this.syncStatus();
        if (c.role === 'sidecar' && c.startupPassed) this.advance();
        return;
      }
      // A failed postStart kills the container through the normal path, then restarts it per policy
      // (kuberuntime_container.go startContainer: FailedPostStartHook, killContainer).
      this.events.record('Warning', 'FailedPostStartHook', 'PostStartHook failed', c.fieldPath);
      this.killContainer(c, this.podGrace(), 'FailedPostStartHook', (terminated) => {
        this.afterDeath(c, terminated, { reason: 'PostStartHookError', message: 'PostStartHook failed' });
      });
    });
  }

  /**
   * A GET from another pod's hook (httpGet.host is this pod's IP): taken by a running container that
   * declares the port once its program listens; its CGI writes the `http` marker into its own log, agnhost
   * netexec logs the request. The kubelet skips certificate checks (kubelet.go insecureContainerLifecycleHTTPClient),
   * so HTTPS to netexec's TLS server is served. Plain HTTP to it reaches no handler: Go's server answers 400
   * ("Client sent an HTTP request to an HTTPS server", net/http server.go), an answer the kubelet does not judge.
   * HTTPS to a plain server fails its handshake (the kubelet's retry over HTTP, handlers.go isHTTPResponseError,
   * is not modelled: properties send HTTPS only to the TLS server).
   */
  serveHttp(port: number, path: string, scheme: HookScheme): boolean {
    const server = [...this.initContainers, ...this.appContainers].find(
      (c) =>
        c.alive &&
        (c.spec.ports?.some((p) => p.containerPort === port) ||
          (c.server !== undefined && serverHttpPort(c.server) === port)) &&
        this.now() >= c.serversUpAt,
    );
    if (!server) return false;
    const tls = server.server?.kind === 'netexec' && server.server.tls === true;
    if (tls && scheme === 'HTTP') return true;
    if (!tls && scheme === 'HTTPS') return false;
    if (server.hooksReachOutput) this.log(server, 'http', path);
    if (server.server?.kind === 'netexec')
      this.options.context.appendLog(
        this.namespace,
        this.name,
        server.name,
        this.now(),
        netexecLogLine(path, this.now()),
      );
    return true;
  }

  // ---- probes (pkg/kubelet/prober/worker.go) --------------------------------------------------

  private probeTick(c: ContainerState, kind: ProbeKind, spec: ProbeSpec, generation: number): void {
    if (generation !== c.generation || !c.alive) return;
    const memory = c.probes.get(kind) ?? { resultRun: 0, onHold: false };
    c.probes.set(kind, memory);
    const period = probePeriodSeconds(this.options.defects, spec.periodSeconds);
    const again = () => this.after(period, () => this.probeTick(c, kind, spec, generation));
    // Liveness and startup stop once the pod is being deleted; readiness keeps running.
    if (this.deleting && kind !== 'readiness' && !this.options.defects.has('probes-during-termination'))
      return;
    if (this.deleting && kind === 'readiness' && this.options.defects.has('readiness-stops-on-delete'))
      return;
    if (memory.onHold) return;
    if (this.now() < (this.statusShowsAt.get(c) ?? 0)) {
      again();
      return;
    }
    if (kind === 'startup' && c.startupPassed) return;
    const startedAt = c.startedAtMs ?? this.now();
    const sinceStart = (this.now() - startedAt) / 1000;
    if (Math.floor(sinceStart) < spec.initialDelaySeconds || (kind !== 'startup' && !c.startupPassed)) {
      again();
      return;
    }
    // Seeded defects: gRPC probes, or tcpSocket liveness probes, are never run, so they never fail.
    const ignored =
      (spec.handler.kind === 'grpc' && this.options.defects.has('grpc-probe-ignored')) ||
      (spec.handler.kind === 'tcpSocket' &&
        kind === 'liveness' &&
        this.options.defects.has('tcp-liveness-ignored'));
    if (ignored) {
      again();
      return;
    }
    const { execTimeouts, lag, took } = this.attemptTiming(c, spec);
    if (took === 0) {
      this.probeAttempted(c, kind, spec, memory, startedAt, execTimeouts, lag);
      again();
      return;
    }
    // worker.run waits for doProbe before it takes the next tick (time.Ticker drops the missed ones):
    // the result comes `took` seconds later, the next attempt a period after this one or right after it.
    this.after(took, () => {
      if (generation !== c.generation || !c.alive) return;
      if (this.deleting && kind !== 'readiness' && !this.options.defects.has('probes-during-termination'))
        return;
      this.probeAttempted(c, kind, spec, memory, startedAt, execTimeouts, lag);
      this.after(Math.max(period - took, 0), () => this.probeTick(c, kind, spec, generation));
    });
  }

  /** How long one probe attempt takes, with the exec lag it draws (jitter.ts execLag). */
  private attemptTiming(
    c: ContainerState,
    spec: ProbeSpec,
  ): { execTimeouts: boolean; lag: ExecLag | undefined; took: number } {
    const execTimeouts = !this.options.defects.has('exec-timeout-ignored');
    // An exec attempt's command and the runtime's timeout both lag the kubelet's call.
    const lag = spec.handler.kind === 'exec' ? execLag(this.options.random) : undefined;
    const served =
      c.server !== undefined &&
      agnhostGrpcStatus(c.server, spec.handler.kind === 'grpc' ? spec.handler.port : -1, 0) !== undefined;
    return {
      execTimeouts,
      lag,
      took: probeAttemptSeconds(spec.handler, spec.timeoutSeconds, execTimeouts, lag, served),
    };
  }

  /** One readiness attempt outside the ticker (worker.go manualTriggerCh), for a started container not yet Ready. */
  private readinessTriggered(c: ContainerState, generation: number): void {
    const spec = c.scenario.probes.readiness;
    if (!spec || c.role === 'init' || generation !== c.generation || !c.alive || c.readinessOk) return;
    const memory = c.probes.get('readiness') ?? { resultRun: 0, onHold: false };
    c.probes.set('readiness', memory);
    const startedAt = c.startedAtMs ?? this.now();
    if (Math.floor((this.now() - startedAt) / 1000) < spec.initialDelaySeconds) return;
    const { execTimeouts, lag, took } = this.attemptTiming(c, spec);
    this.after(took, () => {
      if (generation === c.generation && c.alive)
        this.probeAttempted(c, 'readiness', spec, memory, startedAt, execTimeouts, lag);
    });
  }

  /** An attempt's result, judged at its end (an exec command tests its signal file after its hang). */
  private probeAttempted(
    c: ContainerState,
    kind: ProbeKind,
    spec: ProbeSpec,
    memory: ProbeMemory,
    startedAt: number,
    execTimeouts: boolean,
    lag: ExecLag | undefined,
  ): void {
    const sinceStart = (this.now() - startedAt) / 1000;
    const outcome = runProbeHandler(
      spec.handler,
      kind,
      signalOn(c.scenario.behaviour, kind, sinceStart),
      spec.timeoutSeconds,
      this.options.podIP,
      execTimeouts,
      lag,
      this.now() >= c.serversUpAt,
      {
        program: c.server,
        sinceStart,
        followNonLocal: this.options.defects.has('redirect-followed-offhost'),
        grpcStatusIgnored: this.options.defects.has('grpc-health-status-ignored'),
      },
    );
    if (outcome.exit !== undefined) {
      // The GET ended the program (agnhost netexec /shutdown): the attempt fails as the container exits.
      const code = outcome.exit;
      this.after(SIGNAL_SECONDS, () => this.containerExited(c, code));
    }
    if (!outcome.success) {
      this.events.record(
        'Warning',
        'Unhealthy',
        `${PROBE_TITLE[kind]} probe failed: ${outcome.failure}`,
        c.fieldPath,
      );
    } else if (outcome.warning !== undefined) {
      // prober.go runProbe: a Warning result is a success with a ProbeWarning event.
      this.events.record(
        'Warning',
        'ProbeWarning',
        `${PROBE_TITLE[kind]} probe warning: ${outcome.warning}`,
        c.fieldPath,
      );
    }
    if (memory.lastResult === outcome.success) memory.resultRun++;
    else {
      memory.lastResult = outcome.success;
      memory.resultRun = 1;
    }
    const threshold = probeThreshold(
      this.options.defects,
      kind,
      outcome.success,
      outcome.success ? spec.successThreshold : spec.failureThreshold,
    );
    if (memory.resultRun >= threshold) this.probeResult(c, kind, spec, outcome.success, memory);
  }

  private probeResult(
    c: ContainerState,
    kind: ProbeKind,
    spec: ProbeSpec,
    success: boolean,
    memory: { onHold: boolean; resultRun: number },
  ): void {
    if (kind === 'readiness') {
      if (c.readinessOk !== success) {
        c.readinessOk = success;
        this.syncStatus();
      }
      // The seeded defect kills on readiness failures as on liveness ones.
      if (success || !this.options.defects.has('readiness-failure-restarts')) return;
    }
    if (kind === 'startup' && success) {
      c.startupPassed = true;
      this.syncStatus();
      // The pod sync that follows sees a started container without a readiness success and runs its readiness
      // probe at once (prober_manager.go UpdatePodStatus → worker.go manualTriggerCh), not a period later.
      if (!this.options.defects.has('readiness-waits-for-tick-after-startup')) {
        const generation = c.generation;
        this.after(this.reaction() * 0.2, () => this.readinessTriggered(c, generation));
      }
      if (c.role === 'sidecar' && c.postStartDone) this.advance();
      return;
    }
    if (success || (kind === 'liveness' && this.options.defects.has('liveness-ignored'))) return;
    if (kind === 'startup' && this.options.defects.has('startup-failure-not-restarted')) return;
    // A failed liveness or startup probe holds the worker until a new container, and the kubelet
    // restarts the container with the probe's grace period if set (kuberuntime_manager.go computePodActions).
    memory.onHold = true;
    memory.resultRun = 0;
    // SyncPod kills and restarts in one sync (kuberuntime_manager.go): the back-off sees the status before the kill.
    const dead = (terminated: TerminatedState) => this.afterDeath(c, terminated, undefined, true);
    const never = this.intent.restartPolicy === 'Never';
    if (never && !this.appContainers.some((other) => other !== c && other.alive && !other.killing)) {
      // computePodActions: nothing kept running and nothing to start → KillPod, which stops each
      // container as "Stopping container X" with the pod's period, not the probe's.
      this.killContainer(c, this.podGrace(), `Stopping container ${c.name}`, dead);
      return;
    }
    const probeGraceIgnored = kind === 'startup' && this.options.defects.has('startup-probe-grace-ignored');
    const grace = (probeGraceIgnored ? undefined : spec.terminationGracePeriodSeconds) ?? this.podGrace();
    const restart = never ? '' : ', will be restarted';
    this.killContainer(c, grace, `Container ${c.name} failed ${kind} probe${restart}`, dead);
  }

  // ---- exits, restarts and kills ----------------------------------------------------------------

  private podGrace(): number {
    return this.pod.spec?.terminationGracePeriodSeconds ?? this.intent.terminationGracePeriodSeconds ?? 30;
  }

  /** The process ended: record it, then let whoever waits on it (a kill) or the restart logic act. */
  private containerExited(c: ContainerState, exitCode: number, reason?: string): void {
    if (!c.alive) return;
    c.alive = false;
    c.generation++;
    const terminated: TerminatedState = {
      exitCode,
      reason: reason ?? (exitCode === 0 ? 'Completed' : 'Error'),
      startedAt: c.startedAtMs,
      finishedAt: this.now(),
      containerID: c.containerID,
    };
    if (c.lostOnExit) {
      // The runtime removed the container before the kubelet saw it exit: the status goes back to its
      // default Waiting with a stand-in termination (kubelet_pods.go convertToAPIContainerStatuses).
      c.containerID = undefined;
      c.lastTerminated = { exitCode: 137, reason: LOST_CONTAINER_REASON, message: LOST_CONTAINER_MESSAGE };
      c.state = { kind: 'waiting', reason: 'ContainerCreating' };
    } else {
      c.state = { kind: 'terminated', terminated };
    }
    this.syncStatus();
    const waiter = c.onDeath;
    c.onDeath = undefined;
    if (waiter) waiter(terminated);
    else this.afterDeath(c, terminated);
  }

  /**
   * What the kubelet does after a container stopped on its own or was killed for a restart. `killedInSync`: the
   * sync that killed it (a failed liveness or startup probe) also starts its successor, on the status it read
   * before the kill, whose newest exited instance is the one before it (backoff.ts restartAt).
   */
  private afterDeath(
    c: ContainerState,
    terminated: TerminatedState,
    waitingReason?: { reason: string; message: string },
    killedInSync = false,
  ): void {
    if (this.deleting || this.eviction) return;
    if (c.role === 'init' && (terminated.exitCode === 0 || this.failedButPassed(c))) {
      this.advance();
      return;
    }
    const policy = this.intent.restartPolicy;
    // A container killed for a failed probe is restarted in the killing sync unless the policy is Never,
    // whatever its exit code (kuberuntime_manager.go computePodActions shouldRestartOnFailure).
    const restart =
      c.role === 'sidecar' ||
      (c.role === 'init'
        ? policy !== 'Never'
        : policy === 'Always' || (policy === 'OnFailure' && (killedInSync || terminated.exitCode !== 0)));
    if (!restart) {
      if (c.role === 'init') this.initFailedForGood = true;
      this.syncStatus();
      return;
    }
    const seen = killedInSync ? c.lastTerminated?.finishedAt : terminated.finishedAt;
    if (waitingReason) {
      c.lastTerminated = terminated;
      c.state = { kind: 'waiting', ...waitingReason };
    }
    const backOff = this.backOffs.get(c) ?? new RestartBackOff();
    this.backOffs.set(c, backOff);
    const now = this.now();
    // The sync's start step runs a moment after the exit (killContainer returned, or PLEG saw it): doBackOff's now.
    const syncAt = now + this.reaction() * 0.2 * 1000;
    const { at, backOffSeconds } = restartAt(backOff, seen, terminated.finishedAt ?? now, syncAt);
    const delay = (at - now) / 1000;
    const generation = c.generation;
    const restartNow = () => {
      if (generation !== c.generation || this.deleting || this.eviction) return;
      c.lastTerminated = terminated;
      c.restartCount++;
      this.startContainer(c);
    };
    if (backOffSeconds === 0) {
      this.after(delay, restartNow);
      return;
    }
    const backOffMessage = `Back-off restarting failed container ${c.name} in pod ${this.name}_${this.namespace}(${this.pod.metadata?.uid ?? ''})`;
    // A real v1.26.1 node showed either Waiting CrashLoopBackOff about a second into a back-off
    // (../shared/recordings kubernetes-v1.26.1 init-fails-always) or the Terminated instance until a sync
    // fell inside the back-off (this project's run, 10 s of Terminated Error): the fake shows the former.
    this.after(this.reaction(), () => {
      if (generation !== c.generation || this.deleting || this.eviction) return;
      this.events.record('Warning', 'BackOff', backOffMessage, c.fieldPath);
      c.lastTerminated = terminated;
      c.state = {
        kind: 'waiting',
        reason: 'CrashLoopBackOff',
        message: `back-off ${backOffSeconds}s restarting failed container=${c.name} pod=${this.name}_${this.namespace}(${this.pod.metadata?.uid ?? ''})`,
      };
      this.syncStatus();
    });
    this.after(delay, restartNow);
  }

  /**
   * killContainer: Killing event, preStop (bounded by the grace period, its whole seconds
   * subtracted), then the runtime's stop: SIGTERM, SIGKILL after the remainder (at least 2 s).
   */
  private killContainer(
    c: ContainerState,
    graceSeconds: number,
    message: string,
    dead: (terminated: TerminatedState) => void,
    waitTurn?: (go: () => void) => void,
  ): void {
    if (!c.alive) return;
    c.killing = true;
    c.onDeath = dead;
    const generation = c.generation;
    const alive = () => generation === c.generation && c.alive;
    const killStart = this.now();
    this.events.record('Normal', 'Killing', message, c.fieldPath);
    const skipped =
      this.options.defects.has('prestop-skipped') ||
      (this.options.defects.has('grace-zero-prestop-skipped') && this.deletionGraceSeconds === 0);
    const preStop = skipped ? undefined : c.scenario.lifecycle.preStop;
    let hookSeconds: number | undefined;
    if (preStop) {
      hookSeconds = this.runHook(c, 'preStop', preStop, generation, (succeeded) => {
        if (!succeeded) this.events.record('Warning', 'FailedPreStopHook', 'PreStopHook failed', c.fieldPath);
      });
    }
    const schedule = killSchedule(graceSeconds, hookSeconds);
    const stop = () => {
      if (!alive()) return;
      // After waiting for its turn, the period left is what remains of the whole kill so far.
      const elapsed = (this.now() - killStart) / 1000;
      const remainder = waitTurn
        ? Math.max(graceSeconds - Math.floor(elapsed + 1e-6), MINIMUM_GRACE_SECONDS)
        : schedule.sigkillAfterSigterm;
      const early = sigkillAheadSeconds(this.options.defects);
      this.sendSigterm(c, generation);
      const timer = this.options.random.between(0, STOP_TIMER_JITTER_SECONDS);
      this.after(Math.max(0, remainder - early + timer), () => {
        if (alive()) this.containerExited(c, 137);
      });
    };
    this.after(schedule.sigtermAfter, () => {
      if (!alive()) return;
      if (waitTurn) waitTurn(stop);
      else stop();
    });
  }

  private sendSigterm(c: ContainerState, generation: number): void {
    const handling = c.scenario.behaviour.sigterm;
    const alive = () => generation === c.generation && c.alive;
    this.after(SIGNAL_SECONDS, () => {
      if (!alive()) return;
      if (handling.kind === 'default') {
        this.containerExited(c, 143);
        return;
      }
      this.log(c, 'sigterm');
      if (handling.kind === 'exit') {
        this.after(handling.afterSeconds, () => {
          if (!alive()) return;
          this.log(c, 'exit', handling.exitCode);
          this.containerExited(c, handling.exitCode);
        });
      }
    });
  }

  /** Heartbeat lines while a kill is under way: the last one bounds the SIGKILL from below. */
  private heartbeat(c: ContainerState, generation: number): void {
    if (generation !== c.generation || !c.alive) return;
    this.log(c, 'tick');
    this.after(HEARTBEAT_SECONDS, () => this.heartbeat(c, generation));
  }

  // ---- eviction (pkg/kubelet/eviction/eviction_manager.go localStorageEviction) ---------------

  private checkEphemeralStorage(c: ContainerState, writtenMi: number): void {
    this.writtenMi.set(c.name, writtenMi);
    const message = this.ephemeralStorageViolation();
    if (message === undefined) return;
    const wait = EVICTION_CHECK_SECONDS * this.options.random.between(0.5, 1);
    this.after(wait, () => {
      if (this.deleting || this.eviction) return;
      this.evict(message);
    });
  }

  /**
   * The pod's usage over PodLimits first, then each app container's own usage over its own limit
   * (eviction_manager.go podEphemeralStorageLimitEviction, containerEphemeralStorageLimitEviction).
   */
  private ephemeralStorageViolation(): string | undefined {
    const podLimit = podLimits(this.pod)['ephemeral-storage'];
    const total = [...this.writtenMi.values()].reduce((sum, mi) => sum + mi, 0);
    if (podLimit !== undefined && total > podLimit) {
      return `Pod ephemeral local storage usage exceeds the total limit of containers ${formatMi(podLimit)}. `;
    }
    for (const c of this.appContainers) {
      const limit = containerAmounts(c.spec).limits['ephemeral-storage'];
      if (limit !== undefined && (this.writtenMi.get(c.name) ?? 0) > limit) {
        return `Container ${c.name} exceeded its local ephemeral storage limit "${formatMi(limit)}". `;
      }
    }
    return undefined;
  }

  private evict(message: string): void {
    this.eviction = { message };
    this.events.record('Warning', 'Evicted', message);
    const all = [...this.initContainers, ...this.appContainers];
    for (const c of all) {
      if (!c.alive) continue;
      this.killContainer(c, 0, `Stopping container ${c.name}`, () => {
        // The runtime forgets the evicted container: the status keeps only an unknown termination.
        const lost: TerminatedState = {
          exitCode: 137,
          reason: LOST_CONTAINER_REASON,
          message: LOST_CONTAINER_MESSAGE,
        };
        c.lastTerminated = lost;
        c.restartCount = Math.max(c.restartCount, 1);
        c.state = { kind: 'terminated', terminated: lost };
        this.syncStatus();
      });
    }
    this.syncStatus();
  }

  // ---- deletion (pkg/kubelet/pod_workers.go, kuberuntime_termination_order.go) --------------

  /** A graceful delete reached the kubelet: stop app containers in parallel, then sidecars in reverse order. */
  delete(gracePeriodSeconds: number): void {
    this.after(deleteReactionSeconds(this.options.random), () => this.killPod(gracePeriodSeconds));
  }

  private killPod(gracePeriodSeconds: number): void {
    if (this.deleting) return;
    this.deleting = true;
    this.deletionGraceSeconds = gracePeriodSeconds;
    const grace = effectivePodGrace(
      gracePeriodSeconds,
      this.podGrace(),
      this.options.context.serverVersion?.() ?? LATEST_VERSION,
    );
    const apps = this.appContainers.filter((c) => c.alive);
    const sidecars = this.initContainers.filter((c) => c.alive && c.role === 'sidecar');
    const regularInits = this.initContainers.filter((c) => c.alive && c.role === 'init');
    if (this.options.losesContainersOnDelete?.()) {
      for (const c of [...apps, ...sidecars, ...regularInits]) c.lostOnExit = true;
    }
    const pending = new Set<ContainerState>([...apps, ...sidecars, ...regularInits]);
    const waiters: (() => void)[] = [];
    const settle = (c: ContainerState) => {
      pending.delete(c);
      for (const waiter of waiters.splice(0)) waiter();
      if (pending.size === 0) this.finishDelete();
    };
    if (pending.size === 0) {
      this.finishDelete();
      return;
    }
    for (const c of [...apps, ...regularInits]) {
      this.killContainer(c, grace, `Stopping container ${c.name}`, () => settle(c));
    }
    sidecars.forEach((sidecar, position) => {
      const later = sidecars.slice(position + 1);
      // A sidecar's SIGTERM waits for the app containers and the sidecars declared after it.
      const waitTurn = (go: () => void) => {
        const waitsFor = this.options.defects.has('sidecars-stopped-with-mains')
          ? later
          : [...apps, ...regularInits, ...later];
        const ready = () => !waitsFor.some((c) => pending.has(c));
        const check = () => (ready() ? go() : waiters.push(check));
        check();
      };
      this.killContainer(
        sidecar,
        grace,
        `Stopping container ${sidecar.name}`,
        () => settle(sidecar),
        waitTurn,
      );
    });
  }

  private finishDelete(): void {
    this.stopped = true;
    for (const c of [...this.initContainers, ...this.appContainers]) {
      if (!c.lostOnExit) continue;
      c.state = {
        kind: 'terminated',
        terminated: { exitCode: 137, reason: LOST_CONTAINER_REASON, message: LOST_AT_TERMINATION_MESSAGE },
      };
    }
    this.syncStatus();
    this.after(this.reaction(), () => this.options.onStopped());
  }
}

function formatMi(mi: number): string {
  return Number.isInteger(mi) ? `${mi}Mi` : `${Math.round(mi * 1024)}Ki`;
}
