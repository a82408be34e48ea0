import type { V1PriorityClass } from '@kubernetes/client-node';

/**
 * The cluster-wide name of a PriorityClass a case creates: the case's namespace name (unique to the run
 * and the case) and the short name, so no two cases or runs share one.
 */
export function priorityClassName(namespace: string, short: string): string {
  return `${namespace}-${short}`;
}

/** Priority values of the short names (any values do: quota selects by name, not value). */
const VALUES: Record<string, number> = { high: 1000, low: 100 };

/** A PriorityClass a case creates (and its cleanup deletes), labelled as kubeprop's. */
export function priorityClassManifest(
  namespace: string,
  short: string,
  labels: Record<string, string>,
): V1PriorityClass {
  return {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name: priorityClassName(namespace, short), labels: { ...labels } },
    value: VALUES[short] ?? 10,
    preemptionPolicy: 'Never',
  };
}
