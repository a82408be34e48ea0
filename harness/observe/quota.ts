import type { V1Pod, V1ResourceQuota } from '@kubernetes/client-node';
import type { Observation, Observed, TimelineEntry } from '../../model/observation';
import { parseInUnitOf } from '../../model/quantities';
import { quotaScopeRequirements } from '../../model/quota';
import { scenarioQuotaText } from '../../model/quota-objects';
import type { QuotaScenario, QuotaStep } from '../../model/scenario';
import { tracksObjectCount } from '../quota-object-counts';
import type { Trace } from '../../model/trace';
import { countsAgree, expectedPodCounts, POD_COUNT_KEYS, tracksPodCount } from '../quota-pod-counts';
import { missing, statusMessage, targetsPod, text, value, type ActionResult } from './resources-trace';

/** What a step acts on as the trace names it: a pod by name, another object as kind/name. */
function stepTarget(step: QuotaStep): string {
  switch (step.kind) {
    case 'create':
      return step.pod.name;
    case 'delete':
    case 'updatePod':
      return step.podName;
    case 'createObject':
      return `${step.object.kind}/${step.object.name}`;
    case 'deleteObject':
      return `${step.objectKind}/${step.name}`;
    // The quota itself (the list's target is its label selector, matched by action alone).
    default:
      return 'ResourceQuota/';
  }
}

/** The action the harness records for a step (harness/run-case.ts). */
function stepAction(step: QuotaStep): string {
  switch (step.kind) {
    case 'create':
    case 'createObject':
      return 'create';
    case 'updateQuota':
      return 'updateQuota';
    case 'patchQuota':
      return 'patchQuota';
    case 'patchQuotaStatus':
      return step.viaUpdate ? 'updateStatusQuota' : 'patchStatusQuota';
    case 'listQuotas':
      return 'listQuotas';
    case 'updatePod':
      return 'updatePod';
    default:
      return 'delete';
  }
}

function matchesStep(entry: ActionResult, step: QuotaStep, quotaName: string): boolean {
  if (entry.action !== stepAction(step)) return false;
  if (step.kind === 'listQuotas') return true;
  const target = stepTarget(step);
  return target === 'ResourceQuota/'
    ? entry.target === `ResourceQuota/${quotaName}`
    : targetsPod(entry.target, target);
}

/** `prefix.<what>.<key>` for every key of a quantity list read back from the API. */
function amountFields(
  prefix: string,
  list: Record<string, string> | undefined,
  fields: Record<string, Observed>,
): void {
  for (const [key, raw] of Object.entries(list ?? {})) {
    const parsed = parseInUnitOf(key, raw);
    fields[`${prefix}.${key}`] = parsed === undefined ? missing(`unparsable ${raw}`) : value(parsed);
  }
}

/** Fields of a step on the quota itself, and status.hard after any step (model/quota.ts lifecycleFields). */
function lifecycleObservation(
  prefix: string,
  step: QuotaStep,
  result: ActionResult,
  window: Snapshot[],
  between: Trace,
  quotaName: string,
  fields: Record<string, Observed>,
): void {
  const answer = result.object as V1ResourceQuota | undefined;
  if (step.kind === 'updateQuota' || step.kind === 'patchQuota' || step.kind === 'patchQuotaStatus') {
    amountFields(`${prefix}.spec`, answer?.spec?.hard, fields);
  }
  if (step.kind === 'patchQuotaStatus') amountFields(`${prefix}.statusPatched`, answer?.status?.hard, fields);
  if (step.kind === 'listQuotas') {
    const names = (result.object as { names?: string[] } | undefined)?.names ?? [];
    fields[`${prefix}.listed`] = value(names.some((n) => n.endsWith(`/${quotaName}`)));
  }
  if (step.kind === 'deleteQuota') {
    const gone = between.some((e) => e.kind === 'waitDone' && e.what === `ResourceQuota ${quotaName} gone`);
    fields[`${prefix}.gone`] = value(gone);
  }
  const last = window.at(-1)?.quota.status?.hard;
  if (last) amountFields(`${prefix}.hard`, last, fields);
}

/** Index in the trace of each step's result, matched in order (a pod name may be created twice). */
function stepResults(trace: Trace, scenario: QuotaScenario): (number | undefined)[] {
  let cursor = 0;
  return scenario.steps.map((step) => {
    for (let i = cursor; i < trace.length; i++) {
      const entry = trace[i];
      if (entry.kind === 'actionResult' && matchesStep(entry, step, scenario.quota.name)) {
        cursor = i + 1;
        return i;
      }
    }
    return undefined;
  });
}

interface Snapshot {
  /** Index in the trace. */
  i: number;
  t: number;
  quota: V1ResourceQuota;
  /** Its pod counts equal the pods the watch showed at that moment (harness/quota-pod-counts.ts). */
  caughtUp: boolean;
}

/** A quantity list with its keys as scenarios name them. */
function scenarioKeys(list: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!list) return undefined;
  return Object.fromEntries(Object.entries(list).map(([key, amount]) => [scenarioQuotaText(key), amount]));
}

/**
 * A quota as the API returned it with its keys as scenarios name them: the case's custom resource is
 * counted under its own plural (generators/manifests/custom-resource.ts), judged as
 * CUSTOM_RESOURCE_COUNT_KEY.
 */
function withScenarioKeys(quota: V1ResourceQuota): V1ResourceQuota {
  return {
    ...quota,
    ...(quota.spec ? { spec: { ...quota.spec, hard: scenarioKeys(quota.spec.hard) } } : {}),
    ...(quota.status
      ? { status: { hard: scenarioKeys(quota.status.hard), used: scenarioKeys(quota.status.used) } }
      : {}),
  };
}

/** The quota's snapshots, each marked with whether its controller had caught up with the watched pods. */
function quotaSnapshots(trace: Trace, scenario: QuotaScenario): Snapshot[] {
  const pods = new Map<string, V1Pod>();
  const snapshots: Snapshot[] = [];
  const hard = scenario.quota.hard;
  trace.forEach((entry, i) => {
    if (entry.kind === 'podWatch') {
      const name = entry.object.metadata?.name ?? '';
      if (entry.type === 'DELETED') pods.delete(name);
      else pods.set(name, entry.object);
    } else if (entry.kind === 'quota' && entry.object.metadata?.name === scenario.quota.name) {
      // The snapshot's own spec: the requirements as the API holds them (PriorityClass values are real names).
      const counted = { hard, requirements: quotaScopeRequirements(entry.object.spec) };
      const expected = expectedPodCounts(counted, [...pods.values()]);
      const caughtUp = tracksPodCount(counted) && countsAgree(entry.object.status?.used, expected);
      snapshots.push({ i, t: entry.t, quota: withScenarioKeys(entry.object), caughtUp });
    }
  });
  return snapshots;
}

function usageField(name: string, snapshot: V1ResourceQuota | undefined, why: string): Observed {
  const raw = snapshot?.status?.used?.[name];
  const parsed = raw === undefined ? undefined : parseInUnitOf(name, raw);
  if (parsed !== undefined) return value(parsed);
  return missing(snapshot ? `status.used has no ${name}` : why);
}

/**
 * The snapshot whose compute usage is current: the last one whose pod counts show the controller had
 * caught up (countsAgree explains why). With no pod count tracked only admission's charges can be
 * trusted (it adds synchronously), so the last snapshot serves until the first delete, and none after.
 */
function currentSnapshot(
  window: Snapshot[],
  tracksCount: boolean,
  afterDelete: boolean,
): { snapshot?: Snapshot; why: string } {
  if (window.length === 0) return { why: 'no quota snapshot' };
  if (tracksCount) {
    const snapshot = window.filter((s) => s.caughtUp).at(-1);
    return { snapshot, why: 'no snapshot whose pod counts show the quota controller caught up' };
  }
  if (afterDelete)
    return { why: 'no pod count tracked to show the quota controller caught up after a delete' };
  return { snapshot: window.at(-1), why: '' };
}

/** Usage after a step from its window of snapshots: pod counts from the last, compute from the current one. */
function usageFields(
  prefix: string,
  window: Snapshot[],
  scenario: QuotaScenario,
  afterDelete: boolean,
  fields: Record<string, Observed>,
): void {
  const last = window.at(-1)?.quota;
  const tracksCount = tracksPodCount({ hard: scenario.quota.hard, requirements: [] });
  // With an object count tracked, the step's snapshot follows the harness's wait for every count to
  // equal what the API lists (harness/quota-object-counts.ts): it is current, or, when the wait ran out
  // after a delete, the stale usage that is the observation.
  const current = tracksObjectCount(scenario.quota.hard)
    ? { snapshot: window.at(-1), why: 'no quota snapshot' }
    : currentSnapshot(window, tracksCount, afterDelete);
  for (const name of Object.keys(scenario.quota.hard)) {
    fields[`${prefix}.used.${name}`] = (POD_COUNT_KEYS as readonly string[]).includes(name)
      ? usageField(name, last, 'no quota snapshot')
      : usageField(name, current.snapshot?.quota, current.why);
  }
}

/**
 * Reduces a quota case: per step the create result (admitted, HTTP status, message) and the usage in
 * the quota snapshots taken after that step and before the next one (pod counts from the last, compute
 * usage from the last one the controller had caught up in); `afterSteps` likewise after the final
 * step; `quota.initialised` is whether the quota's status was seen filled (a snapshot with status.hard,
 * or the harness's wait for it) before the first step.
 */
export function observeQuota(trace: Trace, scenario: QuotaScenario): Observation {
  const fields: Record<string, Observed> = {};
  const timeline: TimelineEntry[] = [];
  const quotaName = scenario.quota.name;
  const indexes = stepResults(trace, scenario);
  const firstDelete = scenario.steps.findIndex((step) => step.kind === 'delete');
  const deletedBy = (n: number): boolean => firstDelete >= 0 && firstDelete <= n;
  const snapshots = quotaSnapshots(trace, scenario);
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
      if (step.kind === 'create' || step.kind === 'createObject' || step.kind === 'updatePod')
        fields[`${prefix}.admitted`] = missing('step not in trace');
      usageFields(prefix, [], scenario, false, fields);
      return;
    }
    const result = trace[index] as ActionResult;
    const target = stepTarget(step);
    timeline.push({
      at: result.t,
      what: `${prefix} ${result.action}${result.ok ? '' : ' rejected'}`,
      pod: target,
      source: 'client',
    });
    if (step.kind === 'create' || step.kind === 'createObject' || step.kind === 'updatePod') {
      fields[`${prefix}.admitted`] = value(result.ok);
      if (!result.ok) {
        fields[`${prefix}.status`] =
          result.status === undefined ? missing('no HTTP status') : value(result.status);
        // The denial names the case's own custom resource count: judged under the scenario's name.
        fields[`${prefix}.reason`] = text(scenarioQuotaText(statusMessage(result)));
      }
    }
    const next = indexes.slice(n + 1).find((i) => i !== undefined) ?? trace.length;
    const window = snapshots.filter((s) => s.i > index && s.i < next);
    usageFields(prefix, window, scenario, deletedBy(n), fields);
    lifecycleObservation(prefix, step, result, window, trace.slice(index, next), quotaName, fields);
  });
  const lastIndex = indexes.at(-1);
  const final = lastIndex === undefined ? [] : snapshots.filter((s) => s.i > lastIndex);
  usageFields('afterSteps', final, scenario, deletedBy(scenario.steps.length - 1), fields);
  return { fields, timeline, anchors: {} };
}
