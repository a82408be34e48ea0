import type { V1ContainerStatus, V1Pod } from '@kubernetes/client-node';
import type { LogLine } from '../cluster-port';
import { showsLostInstance } from '../lost-container';

interface StoredLine extends LogLine {
  /** Which instance of the container wrote it (0 for the first, +1 per restart). */
  instance: number;
}

interface Follower {
  instance: number;
  onLine: (line: LogLine) => void;
  onEnd: (error?: Error) => void;
  ended: boolean;
}

interface ContainerLog {
  lines: StoredLine[];
  /** The instance the next appended line belongs to. */
  instance: number;
  /** containerID → instance, as the IDs appear in the pod status. */
  ids: Map<string, number>;
  followers: Set<Follower>;
  /** The status shows only the kubelet's stand-in for a removed instance: nothing to follow or read. */
  lost: boolean;
}

/** The ID the kubelet reports, or a stand-in from the restart count when a simulation sets none. */
export function containerInstanceId(status: V1ContainerStatus): string | undefined {
  if (status.containerID) return status.containerID;
  const started = status.state?.running ?? status.state?.terminated;
  return started ? `${status.name}#${status.restartCount}` : undefined;
}

/**
 * Container logs as the kubelet serves them: per container instance, so `logs -f` follows the
 * current instance and ends when it exits. The kubelet simulation appends lines without naming the
 * instance; the store assigns each line to the instance that runs at that moment, or to the next one
 * when the last has ended (lines of a starting container come before its status says Running).
 */
export class LogStore {
  /** Key: namespace/pod/container. */
  private readonly logs = new Map<string, ContainerLog>();

  append(namespace: string, pod: string, container: string, runtimeTime: number, text: string): void {
    const log = this.log(namespace, pod, container);
    const line: StoredLine = { runtimeTime, text, instance: log.instance };
    log.lines.push(line);
    for (const follower of log.followers) {
      if (follower.instance === line.instance) queueMicrotask(() => this.send(follower, line));
    }
  }

  /** Reads instance boundaries from a new pod status and ends followers of instances that exited. */
  statusChanged(namespace: string, pod: V1Pod): void {
    const statuses = [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
    for (const status of statuses) {
      const log = this.log(namespace, pod.metadata?.name ?? '', status.name);
      if (showsLostInstance(status)) {
        // The runtime removed the instance: its streams end, and the next instance starts afresh.
        if (!log.lost) log.instance += 1;
        log.lost = true;
        this.endFollowers(log, () => true);
        continue;
      }
      log.lost = false;
      const id = containerInstanceId(status);
      if (id !== undefined && !log.ids.has(id)) log.ids.set(id, log.instance);
      const current = id === undefined ? undefined : log.ids.get(id);
      if (status.state?.terminated && current === log.instance) {
        log.instance += 1;
        this.endFollowers(log, (f) => f.instance <= current);
      }
    }
  }

  /**
   * Follows the container's current instance: replays its lines, then streams new ones until it exits.
   * 'waiting' when the container has not started yet; 'terminated' when the instance has already
   * ended (the real cluster refused such a follow for a container that ended within a second, issue 10:
   * the log is then read without follow, see read()).
   */
  follow(
    namespace: string,
    pod: V1Pod,
    container: string,
    onLine: (line: LogLine) => void,
    onEnd: (error?: Error) => void,
  ): (() => void) | 'waiting' | 'terminated' {
    const log = this.log(namespace, pod.metadata?.name ?? '', container);
    if (log.lost) return 'terminated';
    const instance = this.instanceOf(log, pod, container, false);
    if (instance === undefined) return 'waiting';
    if (instance < log.instance) return 'terminated';
    const follower: Follower = { instance, onLine, onEnd, ended: false };
    for (const line of log.lines) {
      if (line.instance === instance) queueMicrotask(() => this.send(follower, line));
    }
    log.followers.add(follower);
    return () => {
      log.followers.delete(follower);
      queueMicrotask(() => this.finish(follower));
    };
  }

  /**
   * The lines of the container's current instance, or with `previous` of the one before it (kubelet
   * validateContainerLogStatus: lastState.terminated); undefined when there is no such instance.
   */
  read(namespace: string, pod: V1Pod, container: string, previous: boolean): LogLine[] | undefined {
    const log = this.log(namespace, pod.metadata?.name ?? '', container);
    if (log.lost) return undefined;
    const instance = this.instanceOf(log, pod, container, previous);
    if (instance === undefined) return undefined;
    return log.lines
      .filter((line) => line.instance === instance)
      .map((line) => ({ runtimeTime: line.runtimeTime, text: line.text }));
  }

  /** Whether the container's status shows only the kubelet's stand-in for a removed instance. */
  isLost(namespace: string, pod: string, container: string): boolean {
    return this.logs.get(`${namespace}/${pod}/${container}`)?.lost ?? false;
  }

  /** The pod is gone: its streams end and its lines are dropped. */
  podRemoved(namespace: string, pod: string): void {
    const prefix = `${namespace}/${pod}/`;
    for (const [key, log] of this.logs) {
      if (!key.startsWith(prefix)) continue;
      this.endFollowers(log, () => true);
      this.logs.delete(key);
    }
  }

  /** Containers with stored logs (for leak checks). */
  size(): number {
    return this.logs.size;
  }

  /** The store's instance number of the status's current (or previous) container instance. */
  private instanceOf(
    log: ContainerLog,
    pod: V1Pod,
    container: string,
    previous: boolean,
  ): number | undefined {
    const status = [
      ...(pod.status?.initContainerStatuses ?? []),
      ...(pod.status?.containerStatuses ?? []),
    ].find((s) => s.name === container);
    const id = status && containerInstanceId(status);
    const current = id === undefined ? undefined : log.ids.get(id);
    if (!previous) return current;
    const last = status?.lastState?.terminated?.containerID;
    if (last !== undefined) return log.ids.get(last);
    return current !== undefined && current > 0 ? current - 1 : undefined;
  }

  private log(namespace: string, pod: string, container: string): ContainerLog {
    const key = `${namespace}/${pod}/${container}`;
    let log = this.logs.get(key);
    if (!log) {
      log = { lines: [], instance: 0, ids: new Map(), followers: new Set(), lost: false };
      this.logs.set(key, log);
    }
    return log;
  }

  private endFollowers(log: ContainerLog, which: (follower: Follower) => boolean): void {
    for (const follower of [...log.followers]) {
      if (!which(follower)) continue;
      log.followers.delete(follower);
      // Queued after the lines already sent, so a stream ends only after its last line.
      queueMicrotask(() => this.finish(follower));
    }
  }

  private send(follower: Follower, line: StoredLine): void {
    if (!follower.ended) follower.onLine({ runtimeTime: line.runtimeTime, text: line.text });
  }

  private finish(follower: Follower): void {
    if (follower.ended) return;
    follower.ended = true;
    follower.onEnd();
  }
}
