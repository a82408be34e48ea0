import type { V1Status } from '@kubernetes/client-node';
import type { AdmissionDecision } from '../fake-parts';

/**
 * A 403 from an admission plugin (staging/src/k8s.io/apiserver/pkg/admission/errors.go NewForbidden),
 * naming the resource as `resource` says (default: the kind's plural, as for core kinds).
 */
export function forbidden(
  kind: string,
  name: string,
  message: string,
  warnings: string[] = [],
  resource = `${kind.toLowerCase()}s`,
): AdmissionDecision {
  const plural = resource;
  const body: V1Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `${plural} "${name}" is forbidden: ${message}`,
    reason: 'Forbidden',
    details: { name, kind: plural },
    code: 403,
  };
  return { allowed: false, status: 403, body, warnings };
}

export interface FieldError {
  field: string;
  /** The rendered value, e.g. "1". */
  value: string;
  detail: string;
}

/** A 422 from validation (staging/src/k8s.io/apimachinery/pkg/api/errors NewInvalid). */
export function invalid(kind: string, name: string, errors: FieldError[]): AdmissionDecision {
  const rendered = errors.map((e) => `${e.field}: Invalid value: "${e.value}": ${e.detail}`);
  const summary = rendered.length === 1 ? rendered[0] : `[${rendered.join(', ')}]`;
  const body: V1Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `${kind} "${name}" is invalid: ${summary}`,
    reason: 'Invalid',
    details: {
      name,
      kind,
      causes: errors.map((e) => ({
        reason: 'FieldValueInvalid',
        message: `Invalid value: "${e.value}": ${e.detail}`,
        field: e.field,
      })),
    },
    code: 422,
  };
  return { allowed: false, status: 422, body, warnings: [] };
}

/** utilerrors.NewAggregate(...).Error(): one message as is, several in brackets. */
export function aggregate(messages: string[]): string {
  return messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`;
}
