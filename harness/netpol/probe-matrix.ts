import { getMaxListeners, setMaxListeners } from 'node:events';
import { probeContainer } from '../../generators/manifests/networkpolicy';
import { cellName, type NetpolCell, type PodId } from '../../model/networkpolicy/topology';
import type { TraceEntry } from '../../model/trace';
import { systemClock, type Clock } from '../clock';
import type { ClusterPort } from '../cluster-port';
import { probeCommand, probeConnected } from './probe-command';
import { probeGap } from './probe-record';

/** Where a topology pod runs: its model id ("x/a"), real namespace and name, and IP. */
export interface ProbeTarget {
  id: PodId;
  namespace: string;
  pod: string;
  ip: string;
}

export interface ProbeMatrixOptions {
  signal: AbortSignal;
  /** Extra attempts for a cell that was denied (enforcement of allow rules can lag on new pods). */
  retries: number;
  /** Probes in flight at once. */
  concurrency?: number;
  /** Pause before re-probing a denied cell. */
  retryDelayMs?: number;
  clock?: Clock;
}

const DEFAULT_CONCURRENCY = 16;
/** Long enough for a CNI to program a just-created pod (kube-network-policies #171). */
const DEFAULT_RETRY_DELAY_MS = 1000;

/** Runs tasks one after another per key (a busybox nc UDP server serves one peer at a time). */
class KeyedQueue {
  private readonly tails = new Map<string, Promise<void>>();

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(task);
    this.tails.set(
      key,
      result.then(
        () => undefined,
        () => undefined,
      ),
    );
    return result;
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Probes every cell from its source pod (ClusterPort.exec) and returns the trace: one
 * `reachability` entry per attempt (a denied cell is retried up to `retries` times; the last
 * attempt is the result), or a probe `gap` when the exec itself failed. Rejects with the signal's
 * reason when aborted.
 */
export async function probeMatrix(
  port: ClusterPort,
  topology: readonly ProbeTarget[],
  cells: readonly NetpolCell[],
  options: ProbeMatrixOptions,
): Promise<TraceEntry[]> {
  const clock = options.clock ?? systemClock;
  const byId = new Map(topology.map((target) => [target.id, target]));
  const udpQueue = new KeyedQueue();
  const trace: TraceEntry[] = [];

  const attempt = async (cell: NetpolCell, from: ProbeTarget, to: ProbeTarget): Promise<boolean> => {
    const run = (): ReturnType<ClusterPort['exec']> =>
      port.exec(
        from.namespace,
        from.pod,
        probeContainer(cell.protocol),
        probeCommand(to.ip, cell.port, cell.protocol),
      );
    const result = cell.protocol === 'UDP' ? await udpQueue.run(`${to.id}:${cell.port}`, run) : await run();
    const connected = probeConnected(cell.protocol, result);
    trace.push({
      kind: 'reachability',
      t: clock.now(),
      from: cell.from,
      to: cell.to,
      port: cell.port,
      protocol: cell.protocol,
      connected,
    });
    return connected;
  };

  const probeCell = async (cell: NetpolCell): Promise<void> => {
    const from = byId.get(cell.from);
    const to = byId.get(cell.to);
    if (from === undefined || to === undefined) {
      trace.push(probeGap(clock.now(), cellName(cell), `no running pod for ${from ? cell.to : cell.from}`));
      return;
    }
    for (let tries = 0; tries <= options.retries; tries += 1) {
      options.signal.throwIfAborted();
      if (tries > 0) await clock.sleep(options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS, options.signal);
      try {
        if (await attempt(cell, from, to)) return;
      } catch (error) {
        options.signal.throwIfAborted();
        trace.push(probeGap(clock.now(), cellName(cell), message(error)));
        return;
      }
    }
  };

  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cells.length) {
      const cell = cells[next];
      next += 1;
      await probeCell(cell);
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, cells.length));
  // Every worker may wait out a re-probe delay on the signal at once: expected listeners, not a leak.
  setMaxListeners(getMaxListeners(options.signal) + workers, options.signal);
  await Promise.all(Array.from({ length: workers }, worker));
  return trace;
}
