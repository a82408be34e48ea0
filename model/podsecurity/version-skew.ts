import type { ContainerSecurity } from '../scenario';
import type { PodSecuritySubject, SecuredContainer } from './check';

type SeccompType = NonNullable<ContainerSecurity['seccompProfile']>;

/**
 * The alpha annotation a seccompProfile field was copied to (pkg/api/pod/util.go
 * SeccompAnnotationForField); scenarios' Localhost profiles are all named "testing"
 * (generators/manifests/security-context.ts).
 */
function annotationForField(type: SeccompType): string {
  if (type === 'RuntimeDefault') return 'runtime/default';
  return type === 'Localhost' ? 'localhost/testing' : 'unconfined';
}

/**
 * The field an alpha annotation is copied to (pkg/registry/core/pod/strategy.go
 * seccompFieldForAnnotation): unconfined, runtime/default or docker/default, localhost/<file>; any
 * other value (validation rejects it anyway) is not copied.
 */
function fieldForAnnotation(annotation: string): SeccompType | undefined {
  if (annotation === 'unconfined') return 'Unconfined';
  if (annotation === 'runtime/default' || annotation === 'docker/default') return 'RuntimeDefault';
  return annotation.startsWith('localhost/') && annotation.length > 'localhost/'.length
    ? 'Localhost'
    : undefined;
}

/** Servers before 1.25 also copy a field to its missing annotation (removed by kubernetes PR #109819). */
const FIELD_TO_ANNOTATION_BEFORE_MINOR = 25;
/** Servers before 1.27 copy an annotation to its missing field (removed by kubernetes PR #114947). */
const ANNOTATION_TO_FIELD_BEFORE_MINOR = 27;

interface SeccompSettings {
  seccompProfile?: SeccompType;
  seccompAnnotation?: string;
}

/** One pod or container's seccomp field and annotation after the server's sync. */
function synced<T extends SeccompSettings>(settings: T, serverMinor: number): T {
  const { seccompProfile: field, seccompAnnotation: annotation } = settings;
  if (field !== undefined && annotation === undefined && serverMinor < FIELD_TO_ANNOTATION_BEFORE_MINOR)
    return { ...settings, seccompAnnotation: annotationForField(field) };
  if (annotation !== undefined && field === undefined && serverMinor < ANNOTATION_TO_FIELD_BEFORE_MINOR) {
    const copied = fieldForAnnotation(annotation);
    return copied ? { ...settings, seccompProfile: copied } : settings;
  }
  return settings;
}

function syncedContainer(container: SecuredContainer, serverMinor: number): SecuredContainer {
  return container.security ? { ...container, security: synced(container.security, serverMinor) } : container;
}

/**
 * The pod Pod Security admission sees: the API server's strategy runs before validating admission
 * (apiserver registry/generic/registry/store.go Create: rest.BeforeCreate, then createValidation), and
 * its PrepareForCreate syncs the seccomp alpha annotations with the seccompProfile fields, per pod and
 * per container, where only one of the two is set (pkg/registry/core/pod/strategy.go
 * applySeccompVersionSkew): both ways on servers 1.19–1.24, annotation to field on 1.25–1.26, not at
 * all from 1.27. The checks then read the synced pod: the v1.0 seccomp check the annotations, the
 * v1.19 checks the fields.
 */
export function admittedSubject(pod: PodSecuritySubject, serverMinor: number): PodSecuritySubject {
  if (serverMinor >= ANNOTATION_TO_FIELD_BEFORE_MINOR) return pod;
  return {
    ...pod,
    security: pod.security ? synced(pod.security, serverMinor) : pod.security,
    initContainers: pod.initContainers.map((c) => syncedContainer(c, serverMinor)),
    containers: pod.containers.map((c) => syncedContainer(c, serverMinor)),
  };
}
