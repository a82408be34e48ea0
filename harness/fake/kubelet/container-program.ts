import type { V1Container } from '@kubernetes/client-node';
import type { ContainerBehaviour, ProbeHandler, ProbeKind, ServerProgram } from '../../../model/scenario';
import { agnhostAnswer, agnhostGrpcStatus, httpProbe } from './agnhost';
import { PID_FILE_WRITE, probeCommand, probeHttpPath } from '../../container-program';
import { expandContainerCommandAndArgs } from './command-expansion';
import { NO_EXEC_LAG, type ExecLag } from './jitter';

/**
 * Whether hooks and CGI scripts can write into the main program's stdout: they find it through the pid
 * the program writes (PID_FILE_WRITE), and the shell runs the command as the kubelet expanded it, so
 * a `$$` sent unescaped reaches the shell as `$` and the pid file holds "$" (`can't create
 * /proc/$/fd/1`, ../shared/recordings/kubeprop-runs). A container without command or args runs only its
 * intent (test pods), which the fake takes as written.
 */
export function hooksReachMainOutput(container: V1Container): boolean {
  if (!container.command?.length && !container.args?.length) return true;
  const { command, args } = expandContainerCommandAndArgs(container);
  return [...command, ...args].some((text) => text.split('\n').includes(PID_FILE_WRITE));
}

/**
 * The container program's signals as functions of the seconds since the container started: what a
 * probe handler would find in the container at that moment.
 */
export function signalOn(behaviour: ContainerBehaviour, kind: ProbeKind, sinceStart: number): boolean {
  switch (kind) {
    case 'readiness':
      return (
        behaviour.readyAfterSeconds !== undefined &&
        sinceStart >= behaviour.readyAfterSeconds &&
        !(behaviour.unreadyAfterSeconds !== undefined && sinceStart >= behaviour.unreadyAfterSeconds)
      );
    case 'liveness':
      return !(
        behaviour.unhealthyAfterSeconds !== undefined && sinceStart >= behaviour.unhealthyAfterSeconds
      );
    case 'startup':
      return behaviour.startupAfterSeconds === undefined || sinceStart >= behaviour.startupAfterSeconds;
  }
}

export interface ProbeOutcome {
  success: boolean;
  /** The prober's failure text for the Unhealthy event (after "<Kind> probe failed: "). */
  failure: string;
  /** A success with a ProbeWarning event, its text (after "<Kind> probe warning: "). */
  warning?: string;
  /** The probe's GET ended the server program with this exit code (agnhost netexec /shutdown). */
  exit?: number;
}

/** The server program a serverHttpGet probe reaches, and how long it has run. */
export interface ServerCall {
  program: ServerProgram | undefined;
  sinceStart: number;
  /** The seeded defect `redirect-followed-offhost`: the prober follows redirects to other hosts. */
  followNonLocal: boolean;
  /** The seeded defect `grpc-health-status-ignored`: any answer of a health server counts as success. */
  grpcStatusIgnored?: boolean;
}

const SIGNAL_FILE: Record<ProbeKind, string> = {
  readiness: '/tmp/ready',
  liveness: '/tmp/alive',
  startup: '/tmp/started',
};

/** Whether an exec command outlasts the runtime's timeout, both measured from the kubelet's call with their lags. */
function execTimedOut(hangSeconds: number, timeoutSeconds: number, lag: ExecLag): boolean {
  return hangSeconds + lag.command >= timeoutSeconds + lag.deadline;
}

/**
 * How long one probe attempt runs before the prober has its result: an exec command's hang and its lag,
 * cut at timeoutSeconds (and its lag) unless timeouts are ignored (pkg/probe/exec/exec.go; ExecProbeTimeout); a gRPC dial to a
 * port nothing serves retries until timeoutSeconds (pkg/probe/grpc/grpc.go dials WithBlock); HTTP and TCP
 * answer at once here.
 */
export function probeAttemptSeconds(
  handler: ProbeHandler,
  timeoutSeconds: number,
  execTimeouts: boolean,
  lag: ExecLag = NO_EXEC_LAG,
  grpcServed = false,
): number {
  switch (handler.kind) {
    case 'exec': {
      const ends = (handler.hangSeconds ?? 0) + lag.command;
      return execTimeouts ? Math.min(ends, timeoutSeconds + lag.deadline) : ends;
    }
    case 'grpc':
      // A health server answers at once; with none the dial retries until the timeout.
      return grpcServed ? 0 : timeoutSeconds;
    case 'httpGet':
    case 'tcpSocket':
    case 'serverHttpGet':
      return 0;
  }
}

/**
 * One probe attempt, judged when it ends: exec succeeds on exit 0 and fails when it outlasts timeoutSeconds
 * (unless timeouts are ignored: then the command's exit status counts whatever it took); HTTP succeeds for
 * 200 <= status < 400; TCP on connect; gRPC never, as nothing serves health in the container
 * (pkg/probe/exec, pkg/probe/http/http.go, pkg/probe/tcp, pkg/probe/grpc).
 */
export function runProbeHandler(
  handler: ProbeHandler,
  kind: ProbeKind,
  signal: boolean,
  timeoutSeconds: number,
  podIP: string,
  execTimeouts: boolean,
  lag: ExecLag = NO_EXEC_LAG,
  listening = true,
  server?: ServerCall,
): ProbeOutcome {
  switch (handler.kind) {
    case 'exec':
      if (execTimeouts && execTimedOut(handler.hangSeconds ?? 0, timeoutSeconds, lag)) {
        // The CRI client's wording for a DeadlineExceeded ExecSync (cri-client remote_runtime.go ExecSync).
        return {
          success: false,
          failure: `command ${JSON.stringify(probeCommand(kind, handler).join(' '))} timed out`,
        };
      }
      return {
        success: signal,
        failure: `cat: can't open '${SIGNAL_FILE[kind]}': No such file or directory\n`,
      };
    case 'httpGet': {
      // Before the program's httpd listens the kubelet's GET is refused (prober http.go wraps the dial error).
      if (!listening) {
        const url = `http://${podIP}:${handler.port}${probeHttpPath(kind)}`;
        return {
          success: false,
          failure: `Get "${url}": dial tcp ${podIP}:${handler.port}: connect: connection refused`,
        };
      }
      const status = signal ? handler.okStatus : handler.failStatus;
      return {
        success: status >= 200 && status < 400,
        failure: `HTTP probe failed with statuscode: ${status}`,
      };
    }
    case 'tcpSocket':
      return {
        success: signal && listening,
        failure: `dial tcp ${podIP}:${handler.port}: connect: connection refused`,
      };
    case 'grpc': {
      // agnhost grpc-health-checking, where the container runs it (pkg/probe/grpc/grpc.go: only SERVING succeeds).
      const status =
        listening && server?.program
          ? agnhostGrpcStatus(server.program, handler.port, server.sinceStart)
          : undefined;
      if (status !== undefined && !server?.grpcStatusIgnored) {
        return { success: status === 'SERVING', failure: `service unhealthy (responded with "${status}")` };
      }
      if (status !== undefined) return { success: true, failure: '' };
      return {
        success: false,
        failure: `timeout: failed to connect service "${podIP}:${handler.port}" within ${timeoutSeconds}s`,
      };
    }
    case 'serverHttpGet': {
      // Only the pod's own address answers, and only while its server program listens.
      const program = listening ? server?.program : undefined;
      const result = httpProbe(
        (host, port, target) =>
          host === podIP && program
            ? agnhostAnswer(program, port, target, server?.sinceStart ?? 0)
            : undefined,
        podIP,
        handler.port,
        handler.path,
        server?.followNonLocal,
      );
      return {
        success: result.result !== 'failure',
        failure: result.output,
        ...(result.result === 'warning' ? { warning: result.output } : {}),
        ...(result.exit === undefined ? {} : { exit: result.exit }),
      };
    }
  }
}
