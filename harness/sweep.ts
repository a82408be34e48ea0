import { KEEP_FINALIZER, MANAGED_BY_LABEL, MANAGED_BY_VALUE, RUN_ID_LABEL } from '../model/labels';
import type { V1ObjectMeta } from '@kubernetes/client-node';
import { systemClock, type Clock } from './clock';
import type { ClusterPort } from './cluster-port';

export interface SweepOptions {
  /** Only this run's namespaces and cluster-wide objects; all of kubeprop's when absent. */
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
  /** CustomResourceDefinitions whose deletion was requested (their custom resources go with them). */
  customResourceDefinitions: string[];
  /** PriorityClasses deleted. */
  priorityClasses: string[];
}

/** Namespace termination runs pod graceful deletion (up to 30 s by default) plus the controller's work. */
export const DEFAULT_SWEEP_DEADLINE_MS = 120_000;
export const DEFAULT_SWEEP_POLL_MS = 1_000;

export function managedSelector(runId?: string): string {
  const selector = `${MANAGED_BY_LABEL}=${MANAGED_BY_VALUE}`;
  return runId === undefined ? selector : `${selector},${RUN_ID_LABEL}=${runId}`;
}

/** The names of the listed objects whose own labels are kubeprop's (and the run's), whatever the server matched. */
function managedNames(objects: readonly { metadata?: V1ObjectMeta }[], runId: string | undefined): string[] {
  return objects
    .filter((object) => {
      const labels = object.metadata?.labels ?? {};
      return (
        labels[MANAGED_BY_LABEL] === MANAGED_BY_VALUE &&
        (runId === undefined || labels[RUN_ID_LABEL] === runId)
      );
    })
    .map((object) => object.metadata?.name ?? '')
    .filter((name) => name !== '');
}

/**
 * Deletes kubeprop's namespaces and the cluster-wide objects its cases create (CustomResourceDefinitions
 * of quota/custom-resource, PriorityClasses of quota/priority-class), and only those: selected by label,
 * then each one's labels checked again here, so nothing unlabelled is ever touched. Kubeprop's pod
 * finalizers are removed first so termination is not blocked, then the sweep waits (bounded) until the
 * namespaces are gone; a CRD goes by itself once its finalizer has deleted its custom resources.
 */
export async function sweep(port: ClusterPort, options: SweepOptions = {}): Promise<SweepReport> {
  const clock = options.clock ?? systemClock;
  const deadline = clock.now() + (options.deadlineMs ?? DEFAULT_SWEEP_DEADLINE_MS);
  const pollMs = options.pollMs ?? DEFAULT_SWEEP_POLL_MS;
  const selector = managedSelector(options.runId);
  const names = managedNames(await port.listNamespaces(selector), options.runId);
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
  const customResourceDefinitions = managedNames(
    await port.listCustomResourceDefinitions(selector),
    options.runId,
  );
  for (const name of customResourceDefinitions) await port.deleteCustomResourceDefinition(name);
  const priorityClasses = managedNames(await port.listPriorityClasses(selector), options.runId);
  for (const name of priorityClasses) await port.deletePriorityClass(name);
  let remaining = names;
  while (remaining.length > 0) {
    const present = await Promise.all(
      remaining.map(async (name) => (await port.readNamespace(name)) !== undefined),
    );
    remaining = remaining.filter((_name, index) => present[index]);
    if (remaining.length === 0 || clock.now() >= deadline) break;
    await clock.sleep(Math.min(pollMs, Math.max(0, deadline - clock.now())));
  }
  return { deleted: names, released, remaining, customResourceDefinitions, priorityClasses };
}
