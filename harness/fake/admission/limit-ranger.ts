import type { V1Container, V1LimitRange, V1LimitRangeItem, V1Pod } from '@kubernetes/client-node';
import type { ManagedObject } from '../../cluster-port';
import type { DefectSet } from '../defects';
import type { AdmissionContext, AdmissionDecision, FakeAdmission } from '../fake-parts';
import { quantityValue } from '../kubelet/quantity';
import { aggregate, type FieldError, forbidden, invalid } from './api-status';

export const LIMIT_RANGER_ANNOTATION = 'kubernetes.io/limit-ranger';

type ResourceText = Record<string, string>;

/**
 * LimitRange object defaults for Container items: max defaults the limit, the limit defaults the
 * request, min defaults the request (pkg/apis/core/v1/defaults.go SetDefaults_LimitRangeItem).
 */
export function defaultedItem(item: V1LimitRangeItem): V1LimitRangeItem {
  if (item.type !== 'Container') return item;
  const limit: ResourceText = { ...(item.max ?? {}), ...(item._default ?? {}) };
  const request: ResourceText = { ...(item.min ?? {}), ...limit, ...(item.defaultRequest ?? {}) };
  return { ...item, _default: limit, defaultRequest: request };
}

/** The item without some resources (a seeded defect: the LimitRanger ignores them). */
function withoutResources(item: V1LimitRangeItem, names: string[]): V1LimitRangeItem {
  if (names.length === 0) return item;
  const strip = (list: ResourceText | undefined): ResourceText | undefined =>
    list && Object.fromEntries(Object.entries(list).filter(([name]) => !names.includes(name)));
  return {
    ...item,
    min: strip(item.min),
    max: strip(item.max),
    _default: strip(item._default),
    defaultRequest: strip(item.defaultRequest),
    maxLimitRequestRatio: strip(item.maxLimitRequestRatio),
  };
}

/** The API's own defaulting before admission: a limit without a request sets the request (SetDefaults_Pod). */
function withRequestsFromLimits(container: V1Container): V1Container {
  const limits = container.resources?.limits ?? {};
  const requests = { ...limits, ...(container.resources?.requests ?? {}) };
  return { ...container, resources: { ...container.resources, limits: { ...limits }, requests } };
}

/** mergePodResourceRequirements: defaults for app containers, with the annotation naming what was set. */
function applyDefaults(pod: V1Pod, items: V1LimitRangeItem[]): V1Pod {
  const defaultLimits: ResourceText = {};
  const defaultRequests: ResourceText = {};
  for (const item of items.filter((i) => i.type === 'Container')) {
    Object.assign(defaultRequests, item.defaultRequest ?? {});
    Object.assign(defaultLimits, item._default ?? {});
  }
  const notes: string[] = [];
  const containers = (pod.spec?.containers ?? []).map((container) => {
    const limits = { ...(container.resources?.limits ?? {}) };
    const requests = { ...(container.resources?.requests ?? {}) };
    const setLimits = Object.keys(defaultLimits).filter((k) => !(k in limits));
    const setRequests = Object.keys(defaultRequests).filter((k) => !(k in requests));
    for (const k of setLimits) limits[k] = defaultLimits[k];
    for (const k of setRequests) requests[k] = defaultRequests[k];
    if (setRequests.length > 0)
      notes.push(`${setRequests.sort().join(', ')} request for container ${container.name}`);
    if (setLimits.length > 0)
      notes.push(`${setLimits.sort().join(', ')} limit for container ${container.name}`);
    return { ...container, resources: { ...container.resources, limits, requests } };
  });
  const annotations = { ...(pod.metadata?.annotations ?? {}) };
  if (notes.length > 0) annotations[LIMIT_RANGER_ANNOTATION] = `LimitRanger plugin set: ${notes.join('; ')}`;
  return {
    ...pod,
    metadata: { ...pod.metadata, annotations },
    spec: { ...pod.spec, containers },
  };
}

function formatRatio(ratio: number): string {
  return ratio.toFixed(6);
}

/** minConstraint, maxConstraint, limitRequestRatioConstraint for one container and resource. */
function containerViolations(container: V1Container, item: V1LimitRangeItem): string[] {
  const requests = container.resources?.requests ?? {};
  const limits = container.resources?.limits ?? {};
  const errors: string[] = [];
  for (const [resource, enforced] of Object.entries(item.min ?? {}).sort()) {
    const min = quantityValue(enforced);
    if (!(resource in requests)) {
      errors.push(`minimum ${resource} usage per Container is ${enforced}.  No request is specified`);
    } else if (quantityValue(requests[resource]) < min) {
      errors.push(
        `minimum ${resource} usage per Container is ${enforced}, but request is ${requests[resource]}`,
      );
    } else if (resource in limits && quantityValue(limits[resource]) < min) {
      errors.push(`minimum ${resource} usage per Container is ${enforced}, but limit is ${limits[resource]}`);
    }
  }
  for (const [resource, enforced] of Object.entries(item.max ?? {}).sort()) {
    const max = quantityValue(enforced);
    if (!(resource in limits)) {
      errors.push(`maximum ${resource} usage per Container is ${enforced}.  No limit is specified`);
    } else if (quantityValue(limits[resource]) > max) {
      errors.push(`maximum ${resource} usage per Container is ${enforced}, but limit is ${limits[resource]}`);
    } else if (resource in requests && quantityValue(requests[resource]) > max) {
      errors.push(
        `maximum ${resource} usage per Container is ${enforced}, but request is ${requests[resource]}`,
      );
    }
  }
  for (const [resource, enforced] of Object.entries(item.maxLimitRequestRatio ?? {}).sort()) {
    const request = resource in requests ? quantityValue(requests[resource]) : 0;
    const limit = resource in limits ? quantityValue(limits[resource]) : 0;
    const prefix = `${resource} max limit to request ratio per Container is ${enforced}`;
    if (request === 0) errors.push(`${prefix}, but no request is specified or request is 0`);
    else if (limit === 0) errors.push(`${prefix}, but no limit is specified or limit is 0`);
    else if (limit / request > quantityValue(enforced) + 1e-9) {
      errors.push(`${prefix}, but provided ratio is ${formatRatio(limit / request)}`);
    }
  }
  return errors;
}

/** Requests above limits after defaults (pkg/apis/core/validation/validation.go ValidateResourceRequirements). */
function requestsOverLimits(pod: V1Pod): FieldError[] {
  const errors: FieldError[] = [];
  const check = (containers: V1Container[] | undefined, path: string) =>
    (containers ?? []).forEach((container, i) => {
      const requests = container.resources?.requests ?? {};
      const limits = container.resources?.limits ?? {};
      for (const [resource, request] of Object.entries(requests).sort()) {
        if (resource in limits && quantityValue(request) > quantityValue(limits[resource])) {
          errors.push({
            field: `spec.${path}[${i}].resources.requests`,
            value: request,
            detail: `must be less than or equal to ${resource} limit`,
          });
        }
      }
    });
  check(pod.spec?.containers, 'containers');
  check(pod.spec?.initContainers, 'initContainers');
  return errors;
}

/**
 * The LimitRanger admission plugin: defaults first, then min / max / ratio of app containers
 * (plugin/pkg/admission/limitranger/admission.go PodLimitFunc).
 */
export function limitRangerAdmission(defects: DefectSet): FakeAdmission {
  return {
    name: 'LimitRanger',
    admit(namespace: string, object: ManagedObject, context: AdmissionContext): AdmissionDecision {
      if (object.kind !== 'Pod') return { allowed: true, object, warnings: [] };
      const ranges = context
        .objects(namespace)
        .filter((o): o is { kind: 'LimitRange' } & V1LimitRange => o.kind === 'LimitRange');
      // The API's defaulting (requests from limits) comes before any admission plugin, LimitRange or not.
      let pod: { kind: 'Pod' } & V1Pod = {
        ...object,
        spec: {
          ...object.spec,
          containers: (object.spec?.containers ?? []).map(withRequestsFromLimits),
          initContainers: object.spec?.initContainers?.map(withRequestsFromLimits),
        },
      };
      if (ranges.length === 0) return { allowed: true, object: pod, warnings: [] };
      const errors: string[] = [];
      const ignored = defects.has('limitrange-ephemeral-ignored') ? ['ephemeral-storage'] : [];
      const ranged = ranges.map((range) =>
        (range.spec?.limits ?? []).map((item) => withoutResources(defaultedItem(item), ignored)),
      );
      for (const items of ranged) {
        if (!defects.has('limitrange-defaults-skipped')) pod = { ...applyDefaults(pod, items), kind: 'Pod' };
      }
      // Object validation runs between mutating and validating admission: a default limit under a
      // set request fails it (422) before LimitRanger's constraints are checked.
      const overLimit = requestsOverLimits(pod);
      if (overLimit.length > 0) return invalid('Pod', object.metadata?.name ?? '', overLimit);
      for (const items of ranged) {
        for (const item of items.filter((i) => i.type === 'Container')) {
          for (const container of pod.spec?.containers ?? [])
            errors.push(...containerViolations(container, item));
        }
      }
      if (errors.length > 0) return forbidden('Pod', object.metadata?.name ?? '', aggregate(errors));
      return { allowed: true, object: pod, warnings: [] };
    },
  };
}
