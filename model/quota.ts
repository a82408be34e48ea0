import type { Capabilities } from './capabilities';
import { podLimits, podRequests, resolvePod, type ResolvedPod, type ResourceList } from './effective-request';
import type { Expectation, FieldExpectation, ModelOptions } from './expectation';
import { computePodQos } from './qos';
import { formatQuantity } from './quantities';
import { contains, equals, field } from './resources-field';
import type { PodScenario, QuotaScenario, QuotaScope, QuotaSpec } from './scenario';
import { atLeast } from './capabilities';

/**
 * If a quota tracks cpu or memory, every container must set the matching request/limit
 * (pkg/quota/v1/evaluator/core/pods.go validationSet).
 */
const MUST_SPECIFY = ['cpu', 'memory', 'requests.cpu', 'requests.memory', 'limits.cpu', 'limits.memory'];

/** Scope match. Source: pkg/quota/v1/evaluator/core/pods.go podMatchesScopeFunc (isTerminating, isBestEffort). */
export function podMatchesScope(
  pod: PodScenario,
  scope: QuotaScope,
  resolved: ResolvedPod = resolvePod(pod),
): boolean {
  const terminating = pod.activeDeadlineSeconds !== undefined && pod.activeDeadlineSeconds >= 0;
  const bestEffort = computePodQos(resolved) === 'BestEffort';
  switch (scope) {
    case 'Terminating':
      return terminating;
    case 'NotTerminating':
      return !terminating;
    case 'BestEffort':
      return bestEffort;
    case 'NotBestEffort':
      return !bestEffort;
  }
}

/**
 * Usage a live (non-terminal) pod charges, by quota key: pods, count/pods, cpu/memory/ephemeral-storage
 * (= requests.*), limits.*, requests.<extended>. Source: pods.go PodUsageFunc + podComputeUsageHelper.
 */
export function podQuotaUsage(resolved: ResolvedPod): ResourceList {
  const requests = podRequests(resolved);
  const limits = podLimits(resolved);
  const usage: ResourceList = { pods: 1, 'count/pods': 1 };
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    if (name in requests) {
      usage[name] = requests[name];
      usage[`requests.${name}`] = requests[name];
    }
    if (name in limits) usage[`limits.${name}`] = limits[name];
  }
  for (const [name, value] of Object.entries(requests)) {
    if (name.includes('/')) usage[`requests.${name}`] = value;
  }
  return usage;
}

/** Container names missing each required resource (pods.go Constraints / enforcePodContainerConstraints). */
export function missingRequirements(
  resolved: ResolvedPod,
  hard: Record<string, number>,
): Map<string, string[]> {
  const required = Object.keys(hard).filter((name) => MUST_SPECIFY.includes(name));
  const missing = new Map<string, string[]>();
  for (const container of [...resolved.containers, ...resolved.initContainers]) {
    const has = (name: string): boolean => {
      if (name.startsWith('limits.')) return name.slice('limits.'.length) in container.limits;
      return name.replace(/^requests\./, '') in container.requests;
    };
    for (const name of required.filter((n) => !has(n))) {
      missing.set(name, [...(missing.get(name) ?? []), container.name].sort());
    }
  }
  return missing;
}

export type QuotaDecision =
  | { admitted: true; usage: ResourceList; matched: boolean }
  | { admitted: false; kind: 'mustSpecify' | 'exceeded'; messageParts: string[]; because: string };

function prettyPrint(list: ResourceList, names: string[]): string {
  return names.map((name) => `${name}=${formatQuantity(name, list[name] ?? 0)}`).join(',');
}

/**
 * Admission of one pod against one quota whose status is known. Source:
 * staging/src/k8s.io/apiserver/pkg/admission/plugin/resourcequota/controller.go CheckRequest:
 * scopes select the pod; Constraints first ("failed quota: q: must specify ..."); then used + requested
 * must stay ≤ hard for every requested tracked resource (equality admitted), else "exceeded quota".
 */
export function quotaDecision(
  pod: PodScenario,
  quota: QuotaSpec,
  used: ResourceList,
  version: Capabilities['version'],
  sidecars = true,
): QuotaDecision {
  const resolved = resolvePod(pod, sidecars);
  const usage = podQuotaUsage(resolved);
  if (!quota.scopes.every((scope) => podMatchesScope(pod, scope, resolved))) {
    return { admitted: true, usage: {}, matched: false };
  }
  const missing = missingRequirements(resolved, quota.hard);
  if (missing.size > 0) {
    const detail = [...missing.keys()]
      .sort()
      .map((name) => `${name} for: ${(missing.get(name) ?? []).join(',')}`)
      .join('; ');
    // The per-container form is what v1.26 printed (recorded); older releases only share the prefix.
    const parts = atLeast(version, 26)
      ? [`failed quota: ${quota.name}: must specify ${detail}`]
      : [`failed quota: ${quota.name}`, 'must specify'];
    return { admitted: false, kind: 'mustSpecify', messageParts: parts, because: `missing ${detail}` };
  }
  const requested = Object.keys(usage).filter((name) => name in quota.hard && usage[name] !== 0);
  const exceeded = requested.filter((name) => (used[name] ?? 0) + usage[name] > quota.hard[name]).sort();
  if (exceeded.length > 0) {
    const parts = [
      `exceeded quota: ${quota.name}`,
      `requested: ${prettyPrint(usage, exceeded)}`,
      `used: ${prettyPrint(used, exceeded)}`,
      `limited: ${prettyPrint(quota.hard, exceeded)}`,
    ];
    return {
      admitted: false,
      kind: 'exceeded',
      messageParts: parts,
      because: `over hard for ${exceeded.join(',')}`,
    };
  }
  const charged: ResourceList = {};
  for (const name of Object.keys(quota.hard)) if (name in usage) charged[name] = usage[name];
  return { admitted: true, usage: charged, matched: true };
}

/**
 * An activeDeadlineSeconds this long outlasts any case (budgets keep a case to minutes): the pod is
 * Terminating for the quota scopes but is not failed by the deadline while observed.
 */
export const LONG_DEADLINE_SECONDS = 3600;

/** A pod may reach a terminal phase on its own, after which only count/pods still charges it. */
export function mayTerminate(pod: PodScenario): boolean {
  // pkg/kubelet/active_deadline.go: the kubelet fails the pod once the deadline has passed.
  if (pod.activeDeadlineSeconds !== undefined && pod.activeDeadlineSeconds < LONG_DEADLINE_SECONDS)
    return true;
  if (pod.restartPolicy === 'Always') return false;
  return pod.containers.every(
    (c) =>
      c.behaviour.exitAfter !== undefined &&
      (pod.restartPolicy === 'Never' || c.behaviour.exitAfter.exitCode === 0),
  );
}

interface StepOutcome {
  decision?: QuotaDecision;
  used: ResourceList;
}

/**
 * Replays the steps. `terminatedEarly` true assumes every pod that may terminate already has (it then
 * charges only count/pods); false assumes none has. Usage drops when a deleted pod is gone
 * (the harness waits for that and for the quota controller's recalculation before snapshotting).
 */
function replay(
  scenario: QuotaScenario,
  capabilities: Capabilities,
  terminatedEarly: boolean,
): StepOutcome[] {
  const { quota } = scenario;
  const charges = new Map<string, ResourceList>();
  const outcomes: StepOutcome[] = [];
  const total = (): ResourceList => {
    const used: ResourceList = {};
    for (const name of Object.keys(quota.hard)) used[name] = 0;
    for (const charge of charges.values()) for (const [name, v] of Object.entries(charge)) used[name] += v;
    return used;
  };
  for (const step of scenario.steps) {
    if (step.kind === 'delete') {
      charges.delete(step.podName);
      outcomes.push({ used: total() });
      continue;
    }
    const decision = quotaDecision(step.pod, quota, total(), capabilities.version, capabilities.sidecars);
    if (decision.admitted && decision.matched) {
      const charge = { ...decision.usage };
      if (terminatedEarly && mayTerminate(step.pod)) {
        for (const name of Object.keys(charge)) if (name !== 'count/pods') charge[name] = 0;
      }
      charges.set(step.pod.name, charge);
    }
    outcomes.push({ decision, used: total() });
  }
  return outcomes;
}

function sameParts(a: QuotaDecision, b: QuotaDecision): boolean {
  return !a.admitted && !b.admitted && a.messageParts.join('\n') === b.messageParts.join('\n');
}

function decisionFields(
  prefix: string,
  decision: QuotaDecision,
  fields: Record<string, FieldExpectation>,
  withMessage: boolean,
): void {
  if (decision.admitted) {
    const because = decision.matched
      ? 'within hard (equality allowed)'
      : 'quota scopes do not select the pod';
    fields[`${prefix}.admitted`] = equals(true, 'quota.within-hard-admitted', because);
    return;
  }
  const rule = decision.kind === 'mustSpecify' ? 'quota.must-specify-rejected' : 'quota.exceeded-rejected';
  fields[`${prefix}.admitted`] = equals(false, rule, decision.because);
  fields[`${prefix}.status`] = equals(403, rule, 'quota admission answers Forbidden');
  if (withMessage) fields[`${prefix}.reason`] = contains(decision.messageParts, rule, decision.because);
}

/** Expectations per step (`stepN.admitted`, `stepN.reason`, `stepN.used.<key>`) and `afterSteps.used.<key>`. */
export function expectQuota(
  scenario: QuotaScenario,
  capabilities: Capabilities,
  _options: ModelOptions,
): Expectation {
  const fields: Record<string, FieldExpectation> = {};
  fields['quota.initialised'] = equals(
    true,
    'quota.initialised-before-enforced',
    'admission needs status.hard/used filled by the quota controller first',
  );
  const late = replay(scenario, capabilities, false);
  const early = replay(scenario, capabilities, true);
  const usageField = (prefix: string, index: number): void => {
    for (const name of Object.keys(scenario.quota.hard)) {
      const a = late[index].used[name];
      const b = early[index].used[name];
      const rule = scenario.steps[index].kind === 'delete' ? 'quota.usage-released' : 'quota.usage-charged';
      const because = `effective usage of live pods for ${name}`;
      fields[`${prefix}.used.${name}`] =
        a === b
          ? equals(a, rule, because)
          : field(
              { kind: 'range', min: Math.min(a, b), max: Math.max(a, b) },
              rule,
              `${because}; pods may end`,
            );
    }
  };
  scenario.steps.forEach((_step, index) => {
    const prefix = `step${index + 1}`;
    const decision = late[index].decision;
    const other = early[index].decision;
    if (decision && other && decision.admitted === other.admitted) {
      // Both replays agree on the outcome; the message is compared only when it is the same in both.
      const sameMessage = decision.admitted || (!other.admitted && sameParts(decision, other));
      decisionFields(prefix, decision, fields, sameMessage);
    }
    usageField(prefix, index);
  });
  if (scenario.steps.length > 0) usageField('afterSteps', scenario.steps.length - 1);
  return { family: 'quota', fields };
}
