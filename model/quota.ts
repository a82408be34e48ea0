import type { Capabilities } from './capabilities';
import { podLimits, podRequests, resolvePod, type ResolvedPod, type ResourceList } from './effective-request';
import type { Expectation, FieldExpectation, ModelOptions } from './expectation';
import { computePodQos } from './qos';
import { formatQuantity } from './quantities';
import { contains, equals, field } from './resources-field';
import { NAMESPACE_BASELINE, objectQuotaUsage } from './quota-objects';
import type { PodScenario, QuotaObject, QuotaScenario, QuotaScope, QuotaSpec } from './scenario';
import { atLeast } from './capabilities';

/**
 * If a quota tracks cpu or memory, every container must set the matching request/limit
 * (pkg/quota/v1/evaluator/core/pods.go validationSet).
 */
const MUST_SPECIFY = new Map<string, { list: 'requests' | 'limits'; resource: string }>([
  ['cpu', { list: 'requests', resource: 'cpu' }],
  ['memory', { list: 'requests', resource: 'memory' }],
  ['requests.cpu', { list: 'requests', resource: 'cpu' }],
  ['requests.memory', { list: 'requests', resource: 'memory' }],
  ['limits.cpu', { list: 'limits', resource: 'cpu' }],
  ['limits.memory', { list: 'limits', resource: 'memory' }],
]);

/** Compute resources and the quota keys they charge, spelled out once rather than per pod. */
const COMPUTE_KEYS = ['cpu', 'memory', 'ephemeral-storage'].map((name) => ({
  name,
  request: `requests.${name}`,
  limit: `limits.${name}`,
}));

/** What a quota scope reads of a pod. */
export interface ScopeFacts {
  /** spec.activeDeadlineSeconds ≥ 0. */
  terminating: boolean;
  bestEffort: boolean;
  /** spec.priorityClassName, absent when unset. */
  priorityClassName?: string;
  /** A pod (anti-)affinity term names namespaces or has a namespaceSelector. */
  crossNamespaceAffinity?: boolean;
}

/**
 * Whether a scope selects a pod; undefined for scopes kubeprop does not model (PriorityClass, ...).
 * Source: pkg/quota/v1/evaluator/core/pods.go podMatchesScopeFunc (isTerminating, isBestEffort).
 */
export function scopeSelects(scope: string, facts: ScopeFacts): boolean | undefined {
  switch (scope) {
    case 'Terminating':
      return facts.terminating;
    case 'NotTerminating':
      return !facts.terminating;
    case 'BestEffort':
      return facts.bestEffort;
    case 'NotBestEffort':
      return !facts.bestEffort;
    // pods.go usesCrossNamespacePodAffinity: any term with namespaces or a namespaceSelector.
    case 'CrossNamespacePodAffinity':
      return facts.crossNamespaceAffinity === true;
    default:
      return undefined;
  }
}

/** One scopeSelector requirement (a spec.scopes entry is one with operator Exists). */
export interface ScopeRequirement {
  scopeName: string;
  operator: string;
  values?: string[];
}

/** A quota spec as the API spells its scopes. */
export interface ScopedQuotaSpec {
  scopes?: string[];
  scopeSelector?: { matchExpressions?: ScopeRequirement[] };
}

/**
 * The requirements a pod must all meet: spec.scopes as Exists requirements, then the scopeSelector's
 * (staging/src/k8s.io/apiserver/pkg/quota/v1/generic/evaluator.go getScopeSelectorsFromQuota).
 */
export function quotaScopeRequirements(spec: ScopedQuotaSpec | undefined): ScopeRequirement[] {
  const scopes = (spec?.scopes ?? []).map((scopeName) => ({ scopeName, operator: 'Exists' }));
  return [...scopes, ...(spec?.scopeSelector?.matchExpressions ?? [])];
}

/**
 * Whether one requirement selects a pod; undefined for what kubeprop does not model
 * (CrossNamespacePodAffinity). PriorityClass is a label selector over {PriorityClass: <name>}, the key
 * absent without a class (pods.go podMatchesSelector): In needs the name among the values, NotIn only
 * not among them (a pod without class matches), Exists a class, DoesNotExist none. The pod-state
 * scopes take Exists only (validation.go validateScopedResourceSelectorRequirement), read as the scope.
 */
export function requirementSelects(req: ScopeRequirement, facts: ScopeFacts): boolean | undefined {
  if (req.scopeName === 'PriorityClass') {
    const name = facts.priorityClassName;
    const values = req.values ?? [];
    switch (req.operator) {
      case 'In':
        return name !== undefined && values.includes(name);
      case 'NotIn':
        return name === undefined || !values.includes(name);
      case 'Exists':
        return name !== undefined;
      case 'DoesNotExist':
        return name === undefined;
      default:
        return undefined;
    }
  }
  return req.operator === 'Exists' ? scopeSelects(req.scopeName, facts) : undefined;
}

/** Every scope and the PriorityClass requirement (by the classes' short names) select the pod. */
function podMatchesQuota(pod: PodScenario, quota: QuotaSpec, resolved: ResolvedPod): boolean {
  if (!quota.scopes.every((scope) => podMatchesScope(pod, scope, resolved))) return false;
  const selector = quota.priorityClassSelector;
  if (!selector) return true;
  const req = { scopeName: 'PriorityClass', operator: selector.operator, values: selector.values };
  const facts = { terminating: false, bestEffort: false, priorityClassName: pod.priorityClass };
  return requirementSelects(req, facts) === true;
}

/** Scope match of a scenario pod (pods.go isTerminating: activeDeadlineSeconds ≥ 0). */
export function podMatchesScope(
  pod: PodScenario,
  scope: QuotaScope,
  resolved: ResolvedPod = resolvePod(pod),
): boolean {
  const terminating = pod.activeDeadlineSeconds !== undefined && pod.activeDeadlineSeconds >= 0;
  const facts = {
    terminating,
    bestEffort: computePodQos(resolved) === 'BestEffort',
    crossNamespaceAffinity: pod.crossNamespaceAffinity !== undefined,
  };
  return scopeSelects(scope, facts) === true;
}

/**
 * Usage a live (non-terminal) pod charges, by quota key: pods, count/pods, cpu/memory/ephemeral-storage
 * (= requests.*), limits.*, requests.<extended>. Source: pods.go PodUsageFunc + podComputeUsageHelper.
 */
export function podQuotaUsage(resolved: ResolvedPod): ResourceList {
  const requests = podRequests(resolved);
  const limits = podLimits(resolved);
  const usage: ResourceList = { pods: 1, 'count/pods': 1 };
  for (const { name, request, limit } of COMPUTE_KEYS) {
    if (name in requests) {
      usage[name] = requests[name];
      usage[request] = requests[name];
    }
    if (name in limits) usage[limit] = limits[name];
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
  const missing = new Map<string, string[]>();
  for (const name of Object.keys(hard)) {
    const requirement = MUST_SPECIFY.get(name);
    if (!requirement) continue;
    const names: string[] = [];
    for (const containers of [resolved.containers, resolved.initContainers]) {
      for (const container of containers) {
        if (!(requirement.resource in container[requirement.list])) names.push(container.name);
      }
    }
    if (names.length > 0) missing.set(name, names.sort());
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
  return decideAgainstUsed(podVerdict(pod, quota, version, sidecars), quota, used);
}

/** The pod's usage, or a decision that does not depend on what the quota already has in use. */
type PodVerdict = { decided: QuotaDecision } | { decided?: undefined; usage: ResourceList };

/** Scopes and Constraints of CheckRequest: they look at the pod and the quota spec only. */
function podVerdict(
  pod: PodScenario,
  quota: QuotaSpec,
  version: Capabilities['version'],
  sidecars: boolean,
): PodVerdict {
  const resolved = resolvePod(pod, sidecars);
  if (!podMatchesQuota(pod, quota, resolved)) {
    return { decided: { admitted: true, usage: {}, matched: false } };
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
    return {
      decided: { admitted: false, kind: 'mustSpecify', messageParts: parts, because: `missing ${detail}` },
    };
  }
  return { usage: podQuotaUsage(resolved) };
}

/** The hard-limit part of CheckRequest: used + requested ≤ hard for every requested tracked resource. */
function decideAgainstUsed(verdict: PodVerdict, quota: QuotaSpec, used: ResourceList): QuotaDecision {
  if (verdict.decided) return verdict.decided;
  const { usage } = verdict;
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

/** What a step that acts on the quota itself shows (quota/lifecycle). */
interface LifecycleOutcome {
  /** spec.hard in the API's answer to an update, patch or status patch. */
  spec?: ResourceList;
  /** status.hard in the API's answer to a status patch. */
  patchedStatus?: ResourceList;
  /** status.hard once the quota controller has synced after the step. */
  syncedHard?: { hard: ResourceList; rule: string; because: string };
  listed?: boolean;
  gone?: boolean;
}

interface StepOutcome {
  decision?: QuotaDecision;
  /** A pod update: whether the pod existed (admitted and not deleted) when it was sent. */
  update?: { live: boolean };
  used: ResourceList;
  /** The quota still exists after the step (usage is judged only then). */
  exists: boolean;
  lifecycle?: LifecycleOutcome;
}

type LifecycleStep = Extract<
  QuotaScenario['steps'][number],
  { kind: 'updateQuota' | 'patchQuota' | 'patchQuotaStatus' | 'listQuotas' | 'deleteQuota' }
>;

/** A step with what depends on its pod or object alone worked out once, for both replays. */
type PreparedStep =
  | { kind: 'delete'; key: string }
  | { kind: 'update'; key: string }
  | { kind: 'create'; key: string; verdict: PodVerdict; mayEnd: boolean }
  | { kind: 'quota'; step: LifecycleStep };

/**
 * An object other than a pod: quota admission charges it to quotas without scopes only (its
 * evaluator's scope function is generic.MatchesNoScopeFunc), and it never ends on its own.
 */
function objectVerdict(object: QuotaObject, quota: QuotaSpec): PodVerdict {
  if (quota.scopes.length > 0) return { decided: { admitted: true, usage: {}, matched: false } };
  return { usage: objectQuotaUsage(object) };
}

/** Where a step's charge is kept: pods by name, other objects by kind/name. */
export function objectKey(kind: string, name: string): string {
  return `${kind}/${name}`;
}

function prepareSteps(scenario: QuotaScenario, capabilities: Capabilities): PreparedStep[] {
  return scenario.steps.map((step): PreparedStep => {
    switch (step.kind) {
      case 'delete':
        return { kind: 'delete', key: step.podName };
      case 'updatePod':
        return { kind: 'update', key: step.podName };
      case 'deleteObject':
        return { kind: 'delete', key: objectKey(step.objectKind, step.name) };
      case 'createObject':
        return {
          kind: 'create',
          key: objectKey(step.object.kind, step.object.name),
          verdict: objectVerdict(step.object, scenario.quota),
          mayEnd: false,
        };
      case 'create':
        return {
          kind: 'create',
          key: step.pod.name,
          verdict: podVerdict(step.pod, scenario.quota, capabilities.version, capabilities.sidecars),
          mayEnd: mayTerminate(step.pod),
        };
      default:
        return { kind: 'quota', step };
    }
  });
}

/** Sum of the live pods' charges for every hard key. */
function totalUsage(hard: ResourceList, charges: Map<string, ResourceList>): ResourceList {
  const used: ResourceList = {};
  for (const name of Object.keys(hard)) used[name] = 0;
  for (const charge of charges.values()) for (const name of Object.keys(charge)) used[name] += charge[name];
  return used;
}

/**
 * Replays the steps. `terminatedEarly` true assumes every pod that may terminate already has (it then
 * charges only count/pods); false assumes none has. Usage drops when a deleted pod is gone
 * (the harness waits for that and for the quota controller's recalculation before snapshotting).
 */
function replay(quota: QuotaSpec, steps: PreparedStep[], terminatedEarly: boolean): StepOutcome[] {
  const charges = new Map<string, ResourceList>();
  // quota.namespace-baseline: what the namespace holds before any step (the root CA ConfigMap, this quota).
  const baseline: ResourceList = {};
  for (const name of Object.keys(quota.hard))
    if (name in NAMESPACE_BASELINE) baseline[name] = NAMESPACE_BASELINE[name];
  charges.set('', baseline);
  const outcomes: StepOutcome[] = [];
  // What the quota has in use before the next step: the previous step's usage.
  let used = totalUsage(quota.hard, charges);
  // The quota as the API holds it: spec.hard, and status.hard, which admission enforces.
  const state = { spec: { ...quota.hard }, status: { ...quota.hard }, statusPatched: false, exists: true };
  // Pods the API holds: admitted (charged or not) and not deleted.
  const live = new Set<string>();
  for (const step of steps) {
    if (step.kind === 'update') {
      // quota.pod-update-rejected: validation rejects the update before quota admission sees it, so the
      // usage stays what it was.
      outcomes.push({ used, exists: state.exists, update: { live: live.has(step.key) } });
      continue;
    }
    if (step.kind === 'quota') {
      outcomes.push({
        used,
        exists: state.exists && step.step.kind !== 'deleteQuota',
        lifecycle: lifecycle(step.step, state),
      });
      if (step.step.kind === 'deleteQuota') state.exists = false;
      continue;
    }
    if (step.kind === 'delete') {
      live.delete(step.key);
      // quota.usage-released: a gone pod charges nothing, every resource at once (pods.go PodUsageFunc;
      // resource_quota_controller.go syncResourceQuota recomputes all of them in one pass).
      charges.delete(step.key);
      used = totalUsage(quota.hard, charges);
      // quota.status-overwritten-on-sync: the delete queues the quota (resource_quota_monitor.go), whose
      // sync writes status.hard = spec.hard over what a client patched.
      const synced = state.statusPatched
        ? {
            hard: { ...state.spec },
            rule: 'quota.status-overwritten-on-sync',
            because: 'the delete queued a sync, which copies spec.hard over the patched status.hard',
          }
        : undefined;
      state.status = { ...state.spec };
      state.statusPatched = false;
      outcomes.push({
        used,
        exists: state.exists,
        ...(synced && state.exists ? { lifecycle: { syncedHard: synced } } : {}),
      });
      continue;
    }
    if (!state.exists) {
      // quota.deleted-not-enforced: no quota, nothing to charge or exceed.
      outcomes.push({ decision: { admitted: true, usage: {}, matched: false }, used, exists: false });
      continue;
    }
    const decision = decideAgainstUsed(step.verdict, { ...quota, hard: state.status }, used);
    if (decision.admitted) live.add(step.key);
    if (decision.admitted && decision.matched) {
      const charge = { ...decision.usage };
      if (terminatedEarly && step.mayEnd) {
        for (const name of Object.keys(charge)) if (name !== 'count/pods') charge[name] = 0;
      }
      charges.set(step.key, charge);
    }
    used = totalUsage(quota.hard, charges);
    outcomes.push({ decision, used, exists: true });
  }
  return outcomes;
}

/** What a step on the quota itself shows, and how it changes the quota's state. */
function lifecycle(
  step: LifecycleStep,
  state: { spec: ResourceList; status: ResourceList; statusPatched: boolean; exists: boolean },
): LifecycleOutcome {
  switch (step.kind) {
    case 'updateQuota':
    case 'patchQuota':
      // quota.spec-change-synced: the controller's informer queues a quota whose spec.hard changed
      // (resource_quota_controller.go UpdateFunc) and its sync copies spec.hard to status.hard.
      state.spec = { ...state.spec, ...step.hard };
      state.status = { ...state.spec };
      state.statusPatched = false;
      return {
        spec: { ...state.spec },
        syncedHard: {
          hard: { ...state.spec },
          rule: 'quota.spec-change-synced',
          because: 'a spec.hard change queues a sync that copies it to status.hard',
        },
      };
    case 'patchQuotaStatus':
      // quota.status-patch-stored: the status subresource stores status.hard and leaves spec alone
      // (pkg/registry/core/resourcequota/strategy.go resourcequotaStatusStrategy); the controller ignores
      // status-only updates, so it stands until the next sync.
      state.status = { ...state.status, ...step.hard };
      state.statusPatched = true;
      return { spec: { ...state.spec }, patchedStatus: { ...state.status } };
    case 'listQuotas':
      return { listed: state.exists };
    case 'deleteQuota':
      return { gone: true };
  }
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

/**
 * What the API answers a pod update that changes a container's requests (upstream's "capture the life
 * of a pod": "Ensuring a pod cannot update its resource requirements"): pod update validation forbids
 * any spec change but images, activeDeadlineSeconds, added tolerations and terminationGracePeriodSeconds
 * (pkg/apis/core/validation/validation.go ValidatePodUpdate), 422 "pod updates may not change fields
 * other than ...", before validating admission; quota admission's pod evaluator handles creates only
 * (pkg/quota/v1/evaluator/core/pods.go Handles, v1.26), so it never sees the update. A pod that was
 * never admitted, or was deleted, is not found (404).
 */
function podUpdateFields(prefix: string, live: boolean, fields: Record<string, FieldExpectation>): void {
  const rule = 'quota.pod-update-rejected';
  const because = live
    ? 'pod update validation forbids changing requests'
    : 'the pod was rejected or deleted: nothing to update';
  fields[`${prefix}.admitted`] = equals(false, rule, because);
  fields[`${prefix}.status`] = equals(live ? 422 : 404, rule, because);
  if (live)
    fields[`${prefix}.reason`] = contains(['pod updates may not change fields other than'], rule, because);
}

/** Fields of a step on the quota itself: `.spec.<key>`, `.statusPatched.<key>`, `.hard.<key>`, `.listed`, `.gone`. */
function lifecycleFields(
  prefix: string,
  outcome: LifecycleOutcome,
  fields: Record<string, FieldExpectation>,
): void {
  for (const [name, amount] of Object.entries(outcome.spec ?? {})) {
    fields[`${prefix}.spec.${name}`] = outcome.patchedStatus
      ? equals(amount, 'quota.status-patch-stored', 'a status patch leaves spec.hard as it was')
      : equals(amount, 'quota.spec-updated', 'the API stores the new spec.hard');
  }
  for (const [name, amount] of Object.entries(outcome.patchedStatus ?? {})) {
    fields[`${prefix}.statusPatched.${name}`] = equals(
      amount,
      'quota.status-patch-stored',
      'the status subresource stores the patched status.hard',
    );
  }
  if (outcome.syncedHard) {
    const { hard, rule, because } = outcome.syncedHard;
    for (const [name, amount] of Object.entries(hard))
      fields[`${prefix}.hard.${name}`] = equals(amount, rule, because);
  }
  if (outcome.listed !== undefined)
    fields[`${prefix}.listed`] = equals(
      outcome.listed,
      'quota.listed-by-label',
      'the quota carries the label',
    );
  if (outcome.gone) fields[`${prefix}.gone`] = equals(true, 'quota.deleted', 'a deleted quota is gone');
}

/** The rule each kind of step's usage follows. */
const USAGE_RULE: Record<QuotaScenario['steps'][number]['kind'], string> = {
  create: 'quota.usage-charged',
  delete: 'quota.usage-released',
  updatePod: 'quota.pod-update-rejected',
  createObject: 'quota.object-usage',
  deleteObject: 'quota.object-released',
  // Changing the quota itself changes no usage.
  updateQuota: 'quota.object-usage',
  patchQuota: 'quota.object-usage',
  patchQuotaStatus: 'quota.object-usage',
  listQuotas: 'quota.object-usage',
  deleteQuota: 'quota.object-usage',
};

/**
 * The rule a step's usage follows: a custom resource's count is charged and released like any object's,
 * by the generic object count evaluator (rule quota.custom-resource-count, model/quota-objects.ts).
 */
function usageRule(step: QuotaScenario['steps'][number]): string {
  const custom =
    (step.kind === 'createObject' && step.object.kind === 'CustomResource') ||
    (step.kind === 'deleteObject' && step.objectKind === 'CustomResource');
  return custom ? 'quota.custom-resource-count' : USAGE_RULE[step.kind];
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
  const steps = prepareSteps(scenario, capabilities);
  const late = replay(scenario.quota, steps, false);
  const early = replay(scenario.quota, steps, true);
  // Every step expects every hard key: its reason is built once per key, not per step.
  const keys = Object.keys(scenario.quota.hard).map((name) => ({
    name,
    because: `effective usage of live pods for ${name}`,
  }));
  const usageField = (prefix: string, index: number): void => {
    const rule = usageRule(scenario.steps[index]);
    for (const { name, because } of keys) {
      const a = late[index].used[name];
      const b = early[index].used[name];
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
  scenario.steps.forEach((step, index) => {
    const prefix = `step${index + 1}`;
    const decision = late[index].decision;
    const other = early[index].decision;
    const gone = (step.kind === 'create' || step.kind === 'createObject') && !late[index].exists;
    if (gone) {
      fields[`${prefix}.admitted`] = equals(true, 'quota.deleted-not-enforced', 'the quota was deleted');
    } else if (decision && other && decision.admitted === other.admitted) {
      // Both replays agree on the outcome; the message is compared only when it is the same in both.
      const sameMessage = decision.admitted || (!other.admitted && sameParts(decision, other));
      decisionFields(prefix, decision, fields, sameMessage);
    }
    const update = late[index].update;
    if (update) podUpdateFields(prefix, update.live, fields);
    const outcome = late[index].lifecycle;
    if (outcome) lifecycleFields(prefix, outcome, fields);
    if (late[index].exists) usageField(prefix, index);
  });
  const last = scenario.steps.length - 1;
  if (last >= 0 && late[last].exists) usageField('afterSteps', last);
  return { family: 'quota', fields };
}
