// @ts-nocheck
import type { V1Pod } from '@kubernetes/client-node';
import type { Observation, Observed, TimelineEntry } from '../../model/observation';
import type { ResourcesScenario } from '../../model/scenario';
import type { Trace } from '../../model/trace';
import { admissionFields, missing, podStates, text, value } from './resources-trace';

function condition(pod: V1Pod, type: string) {
  return pod.status?.conditions?.find((c) => c.type === type);
}

function scheduledFields(
  states: V1Pod[],
  trace: Trace,
  name: string,
  fields: Record<string, Observed>,
): void {
  const scheduled = states.some((p) => p.spec?.nodeName || condition(p, 'PodScheduled')?.status === 'True');
  const unschedulable = states
    .map((p) => condition(p, 'PodScheduled'))
    .filter((c) => c?.reason === 'Unschedulable');
  const eventMessage = trace
    .flatMap((e) => (e.kind === 'event' ? [e.event] : []))
    .find((e) => e.reason === 'FailedScheduling' && e.involvedObject?.name === name)?.message;
  fields[`${name}.scheduled`] = scheduled
    ? value(true)
    : unschedulable.length > 0 || eventMessage
      ? value(false)
      : missing('neither scheduled nor reported unschedulable');
  const message = unschedulable.at(-1)?.message ?? eventMessage;
  fields[`${name}.schedulingMessage`] = message
    ? text(message)
    : missing('no Unschedulable condition or event');
}

function containerFields(
  states: V1Pod[],
  pod: string,
  container: string,
  fields: Record<string, Observed>,
): void {
  const statuses = states.flatMap((p) =>
    [...(p.status?.containerStatuses ?? []), ...(p.status?.initContainerStatuses ?? [])].filter(
      (s) => s.name === container,
    ),
  );
  if (statuses.length === 0) {
    fields[`${pod}.${container}.oomKilled`] = missing('container never reported');
    fields[`${pod}.${container}.restartCount`] = missing('container never reported');
    return;
  }
  const oom = statuses.some(
    (s) => s.state?.terminated?.reason === 'OOMKilled' || s.lastState?.terminated?.reason === 'OOMKilled',
  );
  const ran = statuses.some((s) => s.state?.running || s.state?.terminated || s.lastState?.terminated);
  fields[`${pod}.${container}.oomKilled`] = oom || ran ? value(oom) : missing('container never ran');
  fields[`${pod}.${container}.restartCount`] = value(Math.max(...statuses.map((s) => s.restartCount ?? 0)));
}

/**
 * Reduces a resources case: admission, status.qosClass, scheduling (PodScheduled condition, or a
 * FailedScheduling event naming the pod), OOM kills and restarts per container, eviction.
 */
export function observeResources(trace: Trace, scenario: ResourcesScenario): Observation {
  const name = scenario.pod.name;
  const fields: Record<string, Observed> = {};
  const timeline: TimelineEntry[] = [];
  const result = admissionFields(trace, name, fields, timeline);
  const states = podStates(trace, name);
  const pods = states.map((s) => s.pod);
  if (!result?.ok || pods.length === 0) return { fields, timeline, anchors: {} };
  const qos = pods.map((p) => p.status?.qosClass).filter((q) => q !== undefined);
  fields[`${name}.qosClass`] =
    qos.length > 0 ? value(qos.at(-1) ?? null) : missing('no status.qosClass seen');
  scheduledFields(pods, trace, name, fields);
  for (const container of [...scenario.pod.initContainers, ...scenario.pod.containers]) {
    containerFields(pods, name, container.name, fields);
  }
  const phases = pods.map((p) => p.status?.phase).filter((p) => p !== undefined);
  fields[`${name}.phase`] = phases.length > 0 ? value(phases.at(-1) ?? null) : missing('no phase seen');
  const evicted = states.find((s) => s.pod.status?.reason === 'Evicted');
  fields[`${name}.evicted`] = value(evicted !== undefined);
  fields[`${name}.statusReason`] = value(pods.at(-1)?.status?.reason ?? null);
  const message = evicted?.pod.status?.message ?? pods.at(-1)?.status?.message;
  fields[`${name}.statusMessage`] = message ? text(message) : missing('no status.message');
  if (evicted) timeline.push({ at: evicted.t, what: 'evicted', pod: name, source: 'api' });
  return { fields, timeline, anchors: {} };
}
