import type { V1Pod, V1Status } from '@kubernetes/client-node';
import type { Observed, TimelineEntry } from '../../model/observation';
import type { Trace, TraceEntry } from '../../model/trace';

/** Small readers over a trace shared by the resources, quota, LimitRange and Pod Security reducers. */

export type ActionResult = Extract<TraceEntry, { kind: 'actionResult' }>;

export function missing(reason: string): Observed {
  return { kind: 'missing', reason };
}

export function value(v: string | number | boolean | null): Observed {
  return { kind: 'value', value: v };
}

export function text(t: string): Observed {
  return { kind: 'text', text: t };
}

/**
 * Whether an action's target names the pod `name`: the harness writes "Pod/<name>" for creates
 * (harness/run-case.ts targetOf), the recordings and deletes the bare name.
 */
export function targetsPod(target: string | undefined, name: string): boolean {
  return target === name || target === `Pod/${name}`;
}

/** The results of creating `name`, in trace order. */
export function createResults(trace: Trace, name: string): ActionResult[] {
  return trace.filter(
    (e): e is ActionResult =>
      e.kind === 'actionResult' && e.action === 'create' && targetsPod(e.target, name),
  );
}

function asPod(object: unknown): V1Pod | undefined {
  const candidate = object as V1Pod | undefined;
  return candidate?.spec?.containers !== undefined ? candidate : undefined;
}

/** Every version of the pod the trace holds (create result, watch events, snapshots), in order. */
export function podStates(trace: Trace, name: string): { t: number; pod: V1Pod }[] {
  const states: { t: number; pod: V1Pod }[] = [];
  for (const entry of trace) {
    const pod =
      entry.kind === 'podWatch' || entry.kind === 'podSnapshot'
        ? entry.object
        : entry.kind === 'actionResult' && entry.action === 'create' && targetsPod(entry.target, name)
          ? asPod(entry.object)
          : undefined;
    if (pod?.metadata?.name === name) states.push({ t: entry.t, pod });
  }
  return states;
}

/** The Status message of a rejected call. */
export function statusMessage(result: ActionResult): string {
  const body: V1Status | undefined = result.body;
  return body?.message ?? '';
}

/** admitted / status / reason of the last create of `name`, and a timeline entry for it. */
export function admissionFields(
  trace: Trace,
  name: string,
  fields: Record<string, Observed>,
  timeline: TimelineEntry[],
): ActionResult | undefined {
  const result = createResults(trace, name).at(-1);
  if (!result) {
    fields[`${name}.admitted`] = missing(`no create result for ${name}`);
    return undefined;
  }
  fields[`${name}.admitted`] = value(result.ok);
  timeline.push({ at: result.t, what: result.ok ? 'created' : 'rejected', pod: name, source: 'client' });
  if (!result.ok) {
    fields[`${name}.status`] = result.status === undefined ? missing('no HTTP status') : value(result.status);
    fields[`${name}.reason`] = text(statusMessage(result));
  }
  return result;
}
