import type { Capabilities } from './capabilities';
import { resolvePod, type ResolvedContainer, type ResolvedPod, type ResourceList } from './effective-request';
import type { Expectation, FieldExpectation, ModelOptions } from './expectation';
import { formatMilli, formatQuantity } from './quantities';
import { contains, equals } from './resources-field';
import type { LimitRangeItem, LimitRangeScenario, LimitRangeSpec } from './scenario';

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

/**
 * A Container item as stored: a missing default limit takes max, a missing default request takes the
 * default limit, then min. Source: pkg/apis/core/v1/defaults.go SetDefaults_LimitRangeItem.
 */
export function defaultedItem(
  item: LimitRangeItem,
): Required<Omit<LimitRangeItem, 'type'>> & { type: 'Container' } {
  const defaults: ResourceList = { ...(item.default ?? {}) };
  for (const [name, value] of Object.entries(item.max ?? {})) if (!(name in defaults)) defaults[name] = value;
  const defaultRequest: ResourceList = { ...(item.defaultRequest ?? {}) };
  for (const [name, value] of Object.entries(defaults))
    if (!(name in defaultRequest)) defaultRequest[name] = value;
  for (const [name, value] of Object.entries(item.min ?? {}))
    if (!(name in defaultRequest)) defaultRequest[name] = value;
  return {
    type: 'Container',
    default: defaults,
    defaultRequest,
    min: item.min ?? {},
    max: item.max ?? {},
    maxLimitRequestRatio: item.maxLimitRequestRatio ?? {},
  };
}

export interface LimitRangeMutation {
  pod: ResolvedPod;
  /** Value of the kubernetes.io/limit-ranger annotation, or null when nothing was defaulted. */
  annotation: string | null;
}

function mergeContainer(
  container: ResolvedContainer,
  defaults: ResourceList,
  defaultRequests: ResourceList,
  label: string,
  notes: string[],
): ResolvedContainer {
  const limits = { ...container.limits };
  const requests = { ...container.requests };
  const setLimits = Object.keys(defaults).filter((name) => !(name in limits));
  const setRequests = Object.keys(defaultRequests).filter((name) => !(name in requests));
  setLimits.forEach((name) => (limits[name] = defaults[name]));
  setRequests.forEach((name) => (requests[name] = defaultRequests[name]));
  if (setRequests.length > 0)
    notes.push(`${setRequests.sort().join(', ')} request for ${label} ${container.name}`);
  if (setLimits.length > 0) notes.push(`${setLimits.sort().join(', ')} limit for ${label} ${container.name}`);
  return { ...container, limits, requests };
}

/**
 * Defaults applied by the LimitRanger: missing limits get `default`, missing requests get
 * `defaultRequest`, app containers first, then init containers, and the pod is annotated.
 * Source: plugin/pkg/admission/limitranger/admission.go mergePodResourceRequirements.
 */
export function applyLimitRangeDefaults(pod: ResolvedPod, limitRange: LimitRangeSpec): LimitRangeMutation {
  const defaults: ResourceList = {};
  const defaultRequests: ResourceList = {};
  for (const item of limitRange.limits.map(defaultedItem)) {
    Object.assign(defaults, item.default);
    Object.assign(defaultRequests, item.defaultRequest);
  }
  const notes: string[] = [];
  const containers = pod.containers.map((c) =>
    mergeContainer(c, defaults, defaultRequests, 'container', notes),
  );
  const initContainers = pod.initContainers.map((c) =>
    mergeContainer(c, defaults, defaultRequests, 'init container', notes),
  );
  return {
    pod: { ...pod, containers, initContainers },
    annotation: notes.length > 0 ? `LimitRanger plugin set: ${notes.join('; ')}` : null,
  };
}

/** One violation: the message without its trailing period (v1.26 prints none, older releases one). */
function minViolation(name: string, min: number, c: ResolvedContainer): string | undefined {
  const enforced = formatQuantity(name, min);
  if (!(name in c.requests))
    return `minimum ${name} usage per Container is ${enforced}.  No request is specified`;
  if (c.requests[name] < min) {
    return `minimum ${name} usage per Container is ${enforced}, but request is ${formatQuantity(name, c.requests[name])}`;
  }
  if (name in c.limits && c.limits[name] < min) {
    return `minimum ${name} usage per Container is ${enforced}, but limit is ${formatQuantity(name, c.limits[name])}`;
  }
  return undefined;
}

function maxViolation(name: string, max: number, c: ResolvedContainer): string | undefined {
  const enforced = formatQuantity(name, max);
  if (!(name in c.limits))
    return `maximum ${name} usage per Container is ${enforced}.  No limit is specified`;
  if (c.limits[name] > max) {
    return `maximum ${name} usage per Container is ${enforced}, but limit is ${formatQuantity(name, c.limits[name])}`;
  }
  if (name in c.requests && c.requests[name] > max) {
    return `maximum ${name} usage per Container is ${enforced}, but request is ${formatQuantity(name, c.requests[name])}`;
  }
  return undefined;
}

function ratioViolation(name: string, ratio: number, c: ResolvedContainer): string | undefined {
  const enforced = formatMilli(ratio * 1000);
  const request = c.requests[name] ?? 0;
  const limit = c.limits[name] ?? 0;
  const prefix = `${name} max limit to request ratio per Container is ${enforced}`;
  if (request === 0) return `${prefix}, but no request is specified or request is 0`;
  if (limit === 0) return `${prefix}, but no limit is specified or limit is 0`;
  const observed = limit / request;
  return observed > ratio ? `${prefix}, but provided ratio is ${observed.toFixed(6)}` : undefined;
}

/**
 * Min, max and maxLimitRequestRatio of every Container item against every container (app, then init).
 * Source: plugin/pkg/admission/limitranger/admission.go PodValidateLimitFunc, minConstraint,
 * maxConstraint, limitRequestRatioConstraint. Messages are lower-case (all targeted releases).
 */
export function limitRangeViolations(pod: ResolvedPod, limitRange: LimitRangeSpec): string[] {
  const violations: string[] = [];
  for (const item of limitRange.limits.map(defaultedItem)) {
    for (const container of [...pod.containers, ...pod.initContainers]) {
      for (const [name, min] of Object.entries(item.min)) {
        const v = minViolation(name, min, container);
        if (v) violations.push(v);
      }
      for (const [name, max] of Object.entries(item.max)) {
        const v = maxViolation(name, max, container);
        if (v) violations.push(v);
      }
      for (const [name, ratio] of Object.entries(item.maxLimitRequestRatio)) {
        const v = ratioViolation(name, ratio, container);
        if (v) violations.push(v);
      }
    }
  }
  return violations;
}

const REQUIREMENT_KEYS = ['cpu', 'memory', 'ephemeral-storage'] as const;

/**
 * A defaulted limit below an explicit request makes the pod invalid (422) before the LimitRanger
 * validates. Source: pkg/apis/core/validation/validation.go ValidateResourceRequirements.
 */
export function requestAboveLimit(pod: ResolvedPod): string | undefined {
  for (const container of [...pod.containers, ...pod.initContainers]) {
    for (const [name, request] of Object.entries(container.requests)) {
      if (name in container.limits && request > container.limits[name])
        return `must be less than or equal to ${name} limit`;
    }
  }
  return undefined;
}

/** Expectations: admitted or rejected with each violation, the annotation, and defaulted amounts. */
export function expectLimitRange(
  scenario: LimitRangeScenario,
  capabilities: Capabilities,
  _options: ModelOptions,
): Expectation {
  const p = scenario.pod.name;
  const fields: Record<string, FieldExpectation> = {};
  const stored = resolvePod(scenario.pod, capabilities.sidecars);
  // API defaulting (requests from limits) happens at decode, before the LimitRanger runs.
  const mutation = applyLimitRangeDefaults(stored, scenario.limitRange);
  const invalid = requestAboveLimit(mutation.pod);
  if (invalid) {
    fields[`${p}.admitted`] = equals(false, 'limitrange.default-limit-below-request', invalid);
    fields[`${p}.status`] = equals(
      422,
      'limitrange.default-limit-below-request',
      'pod validation runs after defaults',
    );
    fields[`${p}.reason`] = contains(
      [invalid],
      'limitrange.default-limit-below-request',
      'a default limit under the request',
    );
    return { family: 'limitrange', fields };
  }
  const violations = limitRangeViolations(mutation.pod, scenario.limitRange);
  if (violations.length > 0) {
    const because = `${violations.length} constraint(s) violated after defaults`;
    fields[`${p}.admitted`] = equals(false, 'limitrange.constraint-rejected', because);
    fields[`${p}.status`] = equals(403, 'limitrange.constraint-rejected', 'LimitRanger answers Forbidden');
    fields[`${p}.reason`] = contains(violations, 'limitrange.constraint-rejected', because);
    return { family: 'limitrange', fields };
  }
  fields[`${p}.admitted`] = equals(
    true,
    'limitrange.constraint-rejected',
    'within min/max/ratio after defaults',
  );
  fields[`${p}.limitRangerAnnotation`] = equals(
    mutation.annotation,
    'limitrange.defaults-annotated',
    mutation.annotation === null ? 'nothing defaulted' : 'defaults applied',
  );
  for (const container of [...mutation.pod.containers, ...mutation.pod.initContainers]) {
    for (const kind of ['requests', 'limits'] as const) {
      for (const name of REQUIREMENT_KEYS) {
        const value = container[kind][name];
        fields[`${p}.${container.name}.${kind}.${name}`] = equals(
          value ?? null,
          'limitrange.defaults-applied',
          value === undefined ? 'not set and no default' : `${kind} ${name} after defaults`,
        );
      }
    }
  }
  return { family: 'limitrange', fields };
}

/** A LimitRange item's min as one comparable text: `name=value` in canonical units, sorted ("" when none). */
export function minText(min: Record<string, number> | undefined): string {
  return Object.entries(min ?? {})
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${value}`)
    .join(',');
}

/** The pod's fields as expectLimitRange gives them, re-ruled and explained as coming after a change. */
function afterChange(
  scenario: LimitRangeScenario,
  capabilities: Capabilities,
  options: ModelOptions,
  when: string,
): Record<string, FieldExpectation> {
  const fields = expectLimitRange(scenario, capabilities, options).fields;
  return Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [
      name,
      { ...field, rule: 'limitrange.changes-apply', because: `${when}: ${field.because}` },
    ]),
  );
}

/**
 * Upstream's e2e "should list, patch and delete a LimitRange by collection" (test/e2e/scheduling/
 * limit_range.go), with a pod admitted after each step:
 * - listed across namespaces by label: the LimitRange and its copy (listLimitRangeForAllNamespaces);
 * - the strategic merge patch answers with the state label "patched" and the new min (the test's
 *   assertions; spec.limits has no merge key, so it is replaced);
 * - the delete by collection removes the patched one only in its own namespace: none left there with
 *   the label, the copy still listed across namespaces;
 * - a pod admitted after the create gets the created spec's defaults and constraints, after the patch
 *   the patched spec's, after the delete none (admission.go GetLimitRanges reads the LimitRanges in
 *   force at admission).
 */
export function expectLimitRangeLifecycle(
  scenario: LimitRangeScenario,
  capabilities: Capabilities,
  options: ModelOptions,
): Expectation {
  const lifecycle = scenario.lifecycle;
  if (!lifecycle) return expectLimitRange(scenario, capabilities, options);
  const copies = lifecycle.copyInOtherNamespace ? 1 : 0;
  const fields: Record<string, FieldExpectation> = {
    ...expectLimitRange(scenario, capabilities, options).fields,
    ...afterChange(
      { ...scenario, limitRange: lifecycle.patched, pod: lifecycle.afterPatch },
      capabilities,
      options,
      'after the patch',
    ),
    ...afterChange(
      { ...scenario, limitRange: { name: scenario.limitRange.name, limits: [] }, pod: lifecycle.afterDelete },
      capabilities,
      options,
      'after the delete, no LimitRange',
    ),
  };
  const rule = 'limitrange.api-lifecycle';
  fields['limitRange.listedAcrossNamespaces'] = equals(
    1 + copies,
    rule,
    copies ? 'the LimitRange and its copy in the second namespace' : 'the LimitRange, no copy',
  );
  fields['limitRange.patchedStateLabel'] = equals('patched', rule, 'the patch sets the state label');
  fields['limitRange.patchedMin'] = equals(
    minText(lifecycle.patched.limits[0]?.min),
    rule,
    'the patch replaces spec.limits: its min is the new one',
  );
  fields['limitRange.patchedLeftInNamespace'] = equals(
    0,
    rule,
    'the delete by collection removed every LimitRange labelled patched in the namespace',
  );
  fields['limitRange.listedAcrossNamespacesAfterDelete'] = equals(
    copies,
    rule,
    copies ? 'the copy in the other namespace was not selected' : 'nothing left',
  );
  return { family: 'limitrange', fields };
}
