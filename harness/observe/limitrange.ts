import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { LIMIT_RANGER_ANNOTATION } from '../../model/limitrange';
import type { Observation, Observed, TimelineEntry } from '../../model/observation';
import { parseInUnitOf } from '../../model/quantities';
import type { LimitRangeScenario } from '../../model/scenario';
import type { Trace } from '../../model/trace';
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

/**
 * Reduces a LimitRange case: the create result, and from the stored pod (the create response or the
 * first watch event) the kubernetes.io/limit-ranger annotation and every container's cpu/memory/ephemeral-storage
 * requests and limits in canonical units (null when unset).
 */
export function observeLimitRange(trace: Trace, scenario: LimitRangeScenario): Observation {
  const name = scenario.pod.name;
  const fields: Record<string, Observed> = {};
  const timeline: TimelineEntry[] = [];
  const result = admissionFields(trace, name, fields, timeline);
  if (!result?.ok) return { fields, timeline, anchors: {} };
  const stored: V1Pod | undefined = podStates(trace, name)[0]?.pod;
  if (!stored) {
    fields[`${name}.limitRangerAnnotation`] = missing('stored pod not in trace');
    return { fields, timeline, anchors: {} };
  }
  fields[`${name}.limitRangerAnnotation`] = value(
    stored.metadata?.annotations?.[LIMIT_RANGER_ANNOTATION] ?? null,
  );
  for (const container of [...(stored.spec?.containers ?? []), ...(stored.spec?.initContainers ?? [])]) {
    requirementFields(name, container, fields);
  }
  return { fields, timeline, anchors: {} };
}
