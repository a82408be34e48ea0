// @ts-nocheck
import type { Trace } from '../../model/trace';

/** When the harness asked to create the pod (epoch ms), or undefined. */
export function createdAt(trace: Trace, podName: string): number | undefined {
  const result = trace.find(
    (entry) =>
      entry.kind === 'actionResult' && entry.action === 'create' && entry.target === podName && entry.ok,
  );
  if (result) return result.t;
  return trace.find((entry) => entry.kind === 'action' && entry.action === 'create')?.t;
}

/** When the harness asked to delete the pod (epoch ms), and with which grace period. */
export function deleteAction(
  trace: Trace,
  podName: string,
): { t: number; gracePeriodSeconds?: number } | undefined {
  const entry = trace.find((e) => e.kind === 'action' && e.action === 'delete' && e.target === podName);
  return entry && entry.kind === 'action'
    ? { t: entry.t, gracePeriodSeconds: entry.gracePeriodSeconds }
    : undefined;
}
