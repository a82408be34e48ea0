import type { V1ResourceQuota } from '@kubernetes/client-node';
import type { Observation, Observed, TimelineEntry } from '../../model/observation';
import { parseInUnitOf } from '../../model/quantities';
import type { QuotaScenario } from '../../model/scenario';
import type { Trace } from '../../model/trace';
import { missing, statusMessage, targetsPod, text, value, type ActionResult } from './resources-trace';

/** Index in the trace of each step's result, matched in order (a pod name may be created twice). */
function stepResults(trace: Trace, scenario: QuotaScenario): (number | undefined)[] {
  let cursor = 0;
  return scenario.steps.map((step) => {
    const action = step.kind === 'create' ? 'create' : 'delete';
    const target = step.kind === 'create' ? step.pod.name : step.podName;
    for (let i = cursor; i < trace.length; i++) {
      const entry = trace[i];
      if (entry.kind === 'actionResult' && entry.action === action && targetsPod(entry.target, target)) {
        cursor = i + 1;
        return i;
      }
    }
    return undefined;
  });
}

function usageFields(
  prefix: string,
  snapshot: V1ResourceQuota | undefined,
  scenario: QuotaScenario,
  fields: Record<string, Observed>,
): void {
  for (const name of Object.keys(scenario.quota.hard)) {
    const raw = snapshot?.status?.used?.[name];
    const parsed = raw === undefined ? undefined : parseInUnitOf(name, raw);
    fields[`${prefix}.used.${name}`] =
      parsed === undefined
        ? missing(snapshot ? `status.used has no ${name}` : 'no quota snapshot')
        : value(parsed);
  }
}

/**
 * Reduces a quota case: per step the create result (admitted, HTTP status, message) and the last
 * quota snapshot taken after that step and before the next one; `afterSteps` is the last snapshot
 * after the final step; `quota.initialised` is whether the quota's status was seen filled (a snapshot
 * with status.hard, or the harness's wait for it) before the first step.
 */
export function observeQuota(trace: Trace, scenario: QuotaScenario): Observation {
  const fields: Record<string, Observed> = {};
  const timeline: TimelineEntry[] = [];
  const quotaName = scenario.quota.name;
  const indexes = stepResults(trace, scenario);
  const snapshots = trace.flatMap((e, i) =>
    e.kind === 'quota' && e.object.metadata?.name === quotaName ? [{ i, t: e.t, quota: e.object }] : [],
  );
  const firstStep = indexes.find((i) => i !== undefined) ?? trace.length;
  const filledEarly =
    snapshots.some((s) => s.i < firstStep && s.quota.status?.hard !== undefined) ||
    trace.slice(0, firstStep).some((e) => e.kind === 'waitDone' && e.what.includes(`quota ${quotaName}`));
  fields['quota.initialised'] = filledEarly
    ? value(true)
    : missing('no sign the quota status was filled first');
  snapshots.forEach((s) => timeline.push({ at: s.t, what: 'quota-snapshot', source: 'api' }));

  indexes.forEach((index, n) => {
    const prefix = `step${n + 1}`;
    const step = scenario.steps[n];
    if (index === undefined) {
      if (step.kind === 'create') fields[`${prefix}.admitted`] = missing('step not in trace');
      usageFields(prefix, undefined, scenario, fields);
      return;
    }
    const result = trace[index] as ActionResult;
    const target = step.kind === 'create' ? step.pod.name : step.podName;
    timeline.push({
      at: result.t,
      what: `${prefix} ${result.action}${result.ok ? '' : ' rejected'}`,
      pod: target,
      source: 'client',
    });
    if (step.kind === 'create') {
      fields[`${prefix}.admitted`] = value(result.ok);
      if (!result.ok) {
        fields[`${prefix}.status`] =
          result.status === undefined ? missing('no HTTP status') : value(result.status);
        fields[`${prefix}.reason`] = text(statusMessage(result));
      }
    }
    const next = indexes.slice(n + 1).find((i) => i !== undefined) ?? trace.length;
    const snapshot = snapshots.filter((s) => s.i > index && s.i < next).at(-1);
    usageFields(prefix, snapshot?.quota, scenario, fields);
  });
  const lastIndex = indexes.at(-1);
  const final = lastIndex === undefined ? undefined : snapshots.filter((s) => s.i > lastIndex).at(-1);
  usageFields('afterSteps', final?.quota, scenario, fields);
  return { fields, timeline, anchors: {} };
}
