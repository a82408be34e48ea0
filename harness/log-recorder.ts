import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import { ClusterError } from './cluster-error';
import type { Clock } from './clock';
import type { ClusterPort, LogLine, WatchHandle } from './cluster-port';
import { showsLostInstance } from './lost-container';
import { withRetry } from './retry';

export interface LogRecorderOptions {
  port: ClusterPort;
  namespace: string;
  clock: Clock;
  signal: AbortSignal;
  onLine: (pod: string, container: string, line: LogLine) => void;
  onGap: (what: string) => void;
  maxAttempts?: number;
  random?: () => number;
}

/** The runtime's ID of a container instance, or a stand-in from its restart count when none is set. */
function instanceId(status: V1ContainerStatus): string | undefined {
  if (status.containerID) return status.containerID;
  const started = status.state?.running ?? status.state?.terminated;
  return started ? `${status.name}#${status.restartCount}` : undefined;
}

/**
 * Streams every container instance's log (with runtime timestamps) from the moment the pod watch
 * shows it started: `logs -f` follows one instance and ends when it exits, so each new container
 * ID (a restart) gets a stream of its own. Lines are deduplicated per container by (runtime time,
 * text), so overlapping streams of one instance never double a line.
 */
export class LogRecorder {
  /** pod/container/instance → stream state. */
  private readonly followed = new Map<string, WatchHandle | undefined>();
  private readonly seen = new Map<string, Set<string>>();
  private readonly opening = new Set<Promise<void>>();
  private stopped = false;

  constructor(private readonly options: LogRecorderOptions) {}

  /** Opens streams for container instances of this pod not followed yet. */
  podSeen(pod: V1Pod): void {
    if (this.stopped) return;
    const name = pod.metadata?.name ?? '';
    const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
    for (const status of statuses) {
      if (showsLostInstance(status)) {
        this.lost(name, status.name);
        continue;
      }
      const id = instanceId(status);
      if (id === undefined) continue;
      const key = `${name}/${status.name}/${id}`;
      if (this.followed.has(key)) continue;
      this.followed.set(key, undefined);
      const opening = this.open(key, name, status.name).finally(() => this.opening.delete(opening));
      this.opening.add(opening);
    }
  }

  /**
   * The kubelet's stand-in for an instance the runtime removed has no log to stream: the instance it
   * stands for was followed under its own ID, and only when none was is its log missing from the record.
   */
  private lost(pod: string, container: string): void {
    const prefix = `${pod}/${container}/`;
    if ([...this.followed.keys()].some((key) => key.startsWith(prefix))) return;
    const key = `${prefix}lost`;
    if (this.followed.has(key)) return;
    this.followed.set(key, undefined);
    this.options.onGap(
      `log of ${pod}/${container} lost: the kubelet no longer knows the container (ContainerStatusUnknown)`,
    );
  }

  /** Stops all streams (lines already delivered stay recorded). */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.allSettled([...this.opening]);
    for (const handle of this.followed.values()) handle?.stop();
  }

  /** Passes a line on once per container, however many streams or reads deliver it. */
  private deliverer(pod: string, container: string): (line: LogLine) => void {
    const dedupeKey = `${pod}/${container}`;
    let seen = this.seen.get(dedupeKey);
    if (!seen) {
      seen = new Set();
      this.seen.set(dedupeKey, seen);
    }
    const lines = seen;
    return (line) => {
      const id = `${line.runtimeTime}|${line.text}`;
      if (lines.has(id)) return;
      lines.add(id);
      this.options.onLine(pod, container, line);
    };
  }

  private retrying<T>(operation: () => Promise<T>): Promise<T> {
    return withRetry(operation, {
      clock: this.options.clock,
      signal: this.options.signal,
      maxAttempts: this.options.maxAttempts,
      random: this.options.random,
    });
  }

  /**
   * An instance that ended before its stream attached (the kubelet refuses the follow with 400
   * "container ... is terminated"): its log is read once without follow, and as the previous instance
   * in case it has restarted since. False when neither read succeeded.
   */
  private async readEnded(
    pod: string,
    container: string,
    deliver: (line: LogLine) => void,
  ): Promise<boolean> {
    const { port, namespace } = this.options;
    let read = false;
    for (const previous of [false, true]) {
      try {
        const lines = await this.retrying(() => port.readLogs(namespace, pod, container, previous));
        for (const line of lines) deliver(line);
        read = true;
      } catch {
        // No previous instance is the ordinary case: what the other read gave stands.
      }
    }
    return read;
  }

  private async open(key: string, pod: string, container: string): Promise<void> {
    const { port, namespace } = this.options;
    const deliver = this.deliverer(pod, container);
    try {
      const handle = await this.retrying(() =>
        port.streamLogs(namespace, pod, container, deliver, (error) => {
          if (error && !this.stopped) this.options.onGap(`log of ${pod}/${container} cut: ${error.message}`);
        }),
      );
      if (this.stopped) handle.stop();
      else this.followed.set(key, handle);
    } catch (error) {
      if (this.stopped || this.options.signal.aborted) return;
      const refused = error instanceof ClusterError && error.status === 400;
      if (refused && (await this.readEnded(pod, container, deliver))) return;
      // The pod went away before its log could be read: nothing of this instance can be recorded.
      const gone = error instanceof ClusterError && error.kind === 'notFound';
      const reason = error instanceof Error ? error.message : String(error);
      this.options.onGap(`log of ${pod}/${container} not streamed${gone ? ' (pod gone)' : ''}: ${reason}`);
    }
  }
}
