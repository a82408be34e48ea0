// @ts-nocheck
import type { V1Container, V1LimitRange, V1LimitRangeItem, V1Pod } from '@kubernetes/client-node';
import type { ManagedObject } from '../../cluster-port';
import type { DefectSet } from '../defects';
import type { AdmissionContext, AdmissionDecision, FakeAdmission } from '../fake-parts';
import { parseQuantity } from '../kubelet/quantity';
import { aggregate, forbidden } from './api-status';

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
    const min = parseQuantity(enforced);
    if (!(resource in requests)) {
      errors.push(`Minimum ${resource} usage per Container is ${enforced}.  No request is specified.`);
    } else if (parseQuantity(requests[resource]) < min) {
      errors.push(
        `Minimum ${resource} usage per Container is ${enforced}, but request is ${requests[resource]}.`,
      );
    } else if (resource in limits && parseQuantity(limits[resource]) < min) {
      errors.push(
        `Minimum ${resource} usage per Container is ${enforced}, but limit is ${limits[resource]}.`,
      );
    }
  }
  for (const [resource, enforced] of Object.entries(item.max ?? {}).sort()) {
    const max = parseQuantity(enforced);
    if (!(resource in limits)) {
      errors.push(`Maximum ${resource} usage per Container is ${enforced}.  No limit is specified.`);
    } else if (parseQuantity(limits[resource]) > max) {
      errors.push(
        `Maximum ${resource} usage per Container is ${enforced}, but limit is ${limits[resource]}.`,
      );
    } else if (resource in requests && parseQuantity(requests[resource]) > max) {
      errors.push(
        `Maximum ${resource} usage per Container is ${enforced}, but request is ${requests[resource]}.`,
      );
    }
  }
  for (const [resource, enforced] of Object.entries(item.maxLimitRequestRatio ?? {}).sort()) {
    const request = resource in requests ? parseQuantity(requests[resource]) : 0;
    const limit = resource in limits ? parseQuantity(limits[resource]) : 0;
    const prefix = `${resource} max limit to request ratio per Container is ${enforced}`;
    if (request === 0) errors.push(`${prefix}, but no request is specified or request is 0.`);
    else if (limit === 0) errors.push(`${prefix}, but no limit is specified or limit is 0.`);
    else if (limit / request > parseQuantity(enforced) + 1e-9) {
      errors.push(`${prefix}, but provided ratio is ${formatRatio(limit / request)}.`);
    }
  }
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
      if (ranges.length === 0) return { allowed: true, object, warnings: [] };
      let pod: V1Pod = {
        ...object,
        spec: {
          ...object.spec,
          containers: (object.spec?.containers ?? []).map(withRequestsFromLimits),
          initContainers: object.spec?.initContainers?.map(withRequestsFromLimits),
        },
      };
      const errors: string[] = [];
      for (const range of ranges) {
        const items = (range.spec?.limits ?? []).map(defaultedItem);
        if (!defects.has('limitrange-defaults-skipped')) pod = applyDefaults(pod, items);
        for (const item of items.filter((i) => i.type === 'Container')) {
          for (const container of pod.spec?.containers ?? [])
            errors.push(...containerViolations(container, item));
        }
      }
      if (errors.length > 0) return forbidden('Pod', object.metadata?.name ?? '', aggregate(errors));
      return { allowed: true, object: { ...pod, kind: 'Pod' }, warnings: [] };
    },
  };
}
