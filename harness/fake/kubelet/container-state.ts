import type { V1Container } from '@kubernetes/client-node';
import type { ContainerScenario, ProbeKind, ServerProgram } from '../../../model/scenario';
import { serverProgramOf } from '../../agnhost-program';
import { hooksReachMainOutput } from './container-program';

export type ContainerRole = 'init' | 'sidecar' | 'app';

export interface TerminatedState {
  exitCode: number;
  reason: string;
  message?: string;
  /** Epoch ms; absent when the runtime lost the container (eviction). */
  startedAt?: number;
  finishedAt?: number;
  containerID?: string;
}

export type RuntimeState =
  | { kind: 'waiting'; reason: string; message?: string }
  | { kind: 'running'; startedAt: number }
  | { kind: 'terminated'; terminated: TerminatedState };

/** A probe worker's memory (pkg/kubelet/prober/worker.go lastResult, resultRun, onHold). */
export interface ProbeMemory {
  lastResult?: boolean;
  resultRun: number;
  onHold: boolean;
}

/** Everything the simulated kubelet and runtime know about one container of a pod. */
export class ContainerState {
  state: RuntimeState;
  lastTerminated?: TerminatedState;
  restartCount = 0;
  /** Bumped on every start and stop: timers of an older instance check it and do nothing. */
  generation = 0;
  /** The process exists in the runtime. */
  alive = false;
  everStarted = false;
  containerID?: string;
  postStartDone = false;
  /** The startup probe passed (or there is none) for the current instance. */
  startupPassed = false;
  /** The readiness probe's current result. */
  readinessOk = false;
  killing = false;
  /** The runtime removes this instance before the kubelet posts its termination (a pod deletion's race). */
  lostOnExit = false;
  /** Last instant a kill or exit was handled, to settle the container's fate once. */
  onDeath?: (terminated: TerminatedState) => void;
  probes = new Map<ProbeKind, ProbeMemory>();
  /** Epoch ms from which the program's servers (httpd, nc) accept connections. */
  serversUpAt = Infinity;
  /** Hook and CGI markers reach the main program's log (its pid file is right). */
  readonly hooksReachOutput: boolean;
  /** The agnhost program the container's args run (no command: the server image's entrypoint), if any. */
  readonly server: ServerProgram | undefined;

  constructor(
    readonly role: ContainerRole,
    readonly spec: V1Container,
    readonly scenario: ContainerScenario,
    readonly index: number,
  ) {
    this.state = { kind: 'waiting', reason: role === 'app' ? 'ContainerCreating' : 'PodInitializing' };
    this.hooksReachOutput = hooksReachMainOutput(spec);
    this.server = spec.command?.length ? undefined : serverProgramOf(spec.args);
  }

  get name(): string {
    return this.spec.name;
  }

  get fieldPath(): string {
    return this.role === 'app' ? `spec.containers{${this.name}}` : `spec.initContainers{${this.name}}`;
  }

  get startedAtMs(): number | undefined {
    return this.state.kind === 'running' ? this.state.startedAt : undefined;
  }

  /** An init container that exited 0 (a sidecar never completes). */
  get completed(): boolean {
    return this.role === 'init' && this.state.kind === 'terminated' && this.state.terminated.exitCode === 0;
  }
}
