// @ts-nocheck
import type { V1Container, V1Pod } from '@kubernetes/client-node';
import type { ManagedObject } from '../../cluster-port';
import type { AdmissionDecision, FakeAdmission } from '../fake-parts';
import { type FieldError, invalid } from './api-status';

/** Extended resources: fully qualified, outside kubernetes.io, not a quota key (pkg/apis/core/helper IsExtendedResourceName). */
export function isExtendedResource(name: string): boolean {
  return name.includes('/') && !name.startsWith('kubernetes.io/') && !name.startsWith('requests.');
}

function containerErrors(container: V1Container, path: string): FieldError[] {
  const errors: FieldError[] = [];
  const requests = container.resources?.requests ?? {};
  const limits = container.resources?.limits ?? {};
  for (const [resource, request] of Object.entries(requests).sort()) {
    if (!isExtendedResource(resource)) continue;
    if (!(resource in limits)) {
      errors.push({
        field: `${path}.resources.limits`,
        value: request,
        detail: 'Limit must be set for non overcommitable resources',
      });
    } else if (limits[resource] !== request) {
      errors.push({
        field: `${path}.resources.requests`,
        value: request,
        detail: `must be equal to ${resource} limit`,
      });
    }
  }
  return errors;
}

/**
 * Validation of extended resources: not overcommittable, so a request must equal its limit
 * (pkg/apis/core/validation/validation.go ValidateResourceRequirements).
 */
export function validateExtendedResources(pod: V1Pod): FieldError[] {
  return [
    ...(pod.spec?.containers ?? []).flatMap((c, i) => containerErrors(c, `spec.containers[${i}]`)),
    ...(pod.spec?.initContainers ?? []).flatMap((c, i) => containerErrors(c, `spec.initContainers[${i}]`)),
  ];
}

export const extendedResourceValidation: FakeAdmission = {
  name: 'Validation',
  admit(_namespace: string, object: ManagedObject): AdmissionDecision {
    if (object.kind !== 'Pod') return { allowed: true, object, warnings: [] };
    const errors = validateExtendedResources(object);
    if (errors.length === 0) return { allowed: true, object, warnings: [] };
    return invalid('Pod', object.metadata?.name ?? '', errors);
  },
};
