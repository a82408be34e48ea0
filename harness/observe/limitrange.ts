import type { V1Container, V1LimitRange, V1Pod } from '@kubernetes/client-node';
import { LIMITRANGE_STATE_LABEL } from '../../generators/manifests/limitrange-lifecycle';
import { LIMIT_RANGER_ANNOTATION } from '../../model/limitrange';
import type { Observation, Observed, TimelineEntry } from '../../model/observation';
import { parseInUnitOf } from '../../model/quantities';
import type { LimitRangeScenario } from '../../model/scenario';
import type { Trace, TraceEntry } from '../../model/trace';
import { admissionFields, missing, podStates, value } from './resources-trace';

const KEYS = ['cpu', 'memory', 'ephemeral-storage'] as const;

function requirementFields(pod: string, container: V1Container, fields: Record<string, Observed>): void {
  for (const kind of ['requests', 'limits'] as const) {
    for (const name of KEYS) {
      const raw = container.resources?.[kind]?.[name];
      const parsed = raw === undefined ? null : (parseInUnitOf(name, raw) ?? null);
      fields[`${pod}.${container.name}.${kind}.${name}`] = value(parsed);
    }
  }
}

/** The create's result and, for an admitted pod, its annotation and every container's requirements. */
function podFields(
  trace: Trace,
  name: string,
  fields: Record<string, Observed>,
  timeline: TimelineEntry[],
): void {
  const result = admissionFields(trace, name, fields, timeline);
  if (!result?.ok) return;
  const stored: V1Pod | undefined = podStates(trace, name)[0]?.pod;
  if (!stored) {
    fields[`${name}.limitRangerAnnotation`] = missing('stored pod not in trace');
    return;
  }
  fields[`${name}.limitRangerAnnotation`] = value(
    stored.metadata?.annotations?.[LIMIT_RANGER_ANNOTATION] ?? null,
  );
  for (const container of [...(stored.spec?.containers ?? []), ...(stored.spec?.initContainers ?? [])]) {
    requirementFields(name, container, fields);
  }
}

/**
 * Reduces a LimitRange case: the create result, and from the stored pod (the create response or the
 * first watch event) the kubernetes.io/limit-ranger annotation and every container's cpu, memory and
 * ephemeral-storage requests and limits in canonical units (null when unset).
 */
export function observeLimitRange(trace: Trace, scenario: LimitRangeScenario): Observation {
  const fields: Record<string, Observed> = {};
  const timeline: TimelineEntry[] = [];
  podFields(trace, scenario.pod.name, fields, timeline);
  return { fields, timeline, anchors: {} };
}

/** The result the trace holds for an action and target (the last one: a retried call's answer). */
function resultOf(trace: Trace, action: string, target: (t: string) => boolean): unknown {
  const results = trace.filter(
    (e): e is Extract<TraceEntry, { kind: 'actionResult' }> =>
      e.kind === 'actionResult' && e.action === action && target(e.target) && e.ok,
  );
  return results[results.length - 1]?.object;
}

function listedCount(trace: Trace, what: string): Observed {
  const listed = resultOf(trace, 'listLimitRanges', (t) => t === what);
  return Array.isArray(listed) ? value(listed.length) : missing(`list "${what}" not in trace`);
}

/** The patched object's min, in canonical units, as model/limitrange.ts minText writes it. */
function patchedMin(patched: V1LimitRange): string {
  const min = patched.spec?.limits?.[0]?.min ?? {};
  return Object.entries(min)
    .map(([name, text]) => [name, parseInUnitOf(name, text)] as const)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, amount]) => `${name}=${amount ?? '?'}`)
    .join(',');
}

/**
 * Reduces a lifecycle case (suites/limitrange/lifecycle.property.ts): each pod as observeLimitRange
 * does, the lists' counts, and the patched LimitRange as the API returned it.
 */
export function observeLimitRangeLifecycle(trace: Trace, scenario: LimitRangeScenario): Observation {
  const fields: Record<string, Observed> = {};
  const timeline: TimelineEntry[] = [];
  const lifecycle = scenario.lifecycle;
  for (const pod of lifecycle ? [scenario.pod, lifecycle.afterPatch, lifecycle.afterDelete] : [scenario.pod])
    podFields(trace, pod.name, fields, timeline);
  fields['limitRange.listedAcrossNamespaces'] = listedCount(trace, 'created');
  fields['limitRange.patchedLeftInNamespace'] = listedCount(trace, 'patchedLeft');
  fields['limitRange.listedAcrossNamespacesAfterDelete'] = listedCount(trace, 'afterDelete');
  const patched = resultOf(trace, 'patch', (t) => t.startsWith('LimitRange/')) as V1LimitRange | undefined;
  fields['limitRange.patchedStateLabel'] = patched
    ? value(patched.metadata?.labels?.[LIMITRANGE_STATE_LABEL] ?? null)
    : missing('patch result not in trace');
  fields['limitRange.patchedMin'] = patched
    ? value(patchedMin(patched))
    : missing('patch result not in trace');
  return { fields, timeline, anchors: {} };
}
