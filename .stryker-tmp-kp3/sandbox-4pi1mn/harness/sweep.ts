// @ts-nocheck
import { KEEP_FINALIZER, MANAGED_BY_LABEL, MANAGED_BY_VALUE, RUN_ID_LABEL } from '../model/labels';
import { systemClock, type Clock } from './clock';
import type { ClusterPort } from './cluster-port';

export interface SweepOptions {
  /** Only this run's namespaces; all of kubeprop's when absent. */
  runId?: string;
  clock?: Clock;
  /** How long to wait for namespaces to finish terminating. */
  deadlineMs?: number;
  pollMs?: number;
}

export interface SweepReport {
  /** Namespaces whose deletion was requested. */
  deleted: string[];
  /** Pods whose kubeprop finalizer was removed. */
  released: string[];
  /** Namespaces still present at the deadline (e.g. a finalizer that is not kubeprop's). */
  remaining: string[];
}

/** Namespace termination runs pod graceful deletion (up to 30 s by default) plus the controller's work. */
export const DEFAULT_SWEEP_DEADLINE_MS = 120_000;
export const DEFAULT_SWEEP_POLL_MS = 1_000;

export function managedSelector(runId?: string): string {
  const selector = `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}`;
  return runId === undefined ? selector : `${selector},${RUN_ID_LABEL}=${runId}`;
}

/**
 * Deletes kubeprop's namespaces, and only those: selected by label, then each one's labels checked
 * again here, so nothing unlabelled is ever touched. Kubeprop's pod finalizers are removed first so
 * termination is not blocked, then the sweep waits (bounded) until the namespaces are gone.
 */
export async function sweep(port: ClusterPort, options: SweepOptions = {}): Promise<SweepReport> {
  const clock = options.clock ?? systemClock;
  const deadline = clock.now() + (options.deadlineMs ?? DEFAULT_SWEEP_DEADLINE_MS);
  const pollMs = options.pollMs ?? DEFAULT_SWEEP_POLL_MS;
  const namespaces = (await port.listNamespaces(managedSelector(options.runId))).filter((namespace) => {
    const labels = namespace.metadata?.labels ?? {};
    return (
      labels[MANAGED_BY_LABEL] === MANAGED_BY_VALUE &&
      (options.runId === undefined || labels[RUN_ID_LABEL] === options.runId)
    );
  });
  const names = namespaces.map((namespace) => namespace.metadata?.name ?? '').filter((name) => name !== '');
  const released: string[] = [];
  for (const name of names) {
    const pods = await port.listPods(name);
    for (const pod of pods.items) {
      const podName = pod.metadata?.name;
      if (podName && pod.metadata?.finalizers?.includes(KEEP_FINALIZER)) {
        await port.releasePod(name, podName);
        released.push(`${name}/${podName}`);
      }
    }
    await port.deleteNamespace(name);
  }
  let remaining = names;
  while (remaining.length > 0) {
    const present = await Promise.all(
      remaining.map(async (name) => (await port.readNamespace(name)) !== undefined),
    );
    remaining = remaining.filter((_name, index) => present[index]);
    if (remaining.length === 0 || clock.now() >= deadline) break;
    await clock.sleep(Math.min(pollMs, Math.max(0, deadline - clock.now())));
  }
  return { deleted: names, released, remaining };
}
