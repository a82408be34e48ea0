// @ts-nocheck
import type { V1Namespace, V1Pod } from '@kubernetes/client-node';
import type { ManagedObject } from '../../../../harness/cluster-port';
import type { AdmissionContext } from '../../../../harness/fake/fake-parts';

/** An in-memory namespace for admission tests. */
export function admissionContext(
  objects: ManagedObject[] = [],
  pods: V1Pod[] = [],
  labels: Record<string, string> = {},
): AdmissionContext {
  const namespace: V1Namespace = { metadata: { name: 'ns', labels } };
  return {
    namespace: (name) => (name === 'ns' ? namespace : undefined),
    objects: () => objects,
    pods: () => pods,
  };
}

export function pod(
  name: string,
  containers: { name: string; requests?: Record<string, string>; limits?: Record<string, string> }[],
  init: typeof containers = [],
): { kind: 'Pod' } & V1Pod {
  const toContainer = (c: (typeof containers)[number]) => ({
    name: c.name,
    image: 'busybox',
    resources: { requests: c.requests, limits: c.limits },
  });
  return {
    kind: 'Pod',
    metadata: { name, namespace: 'ns' },
    spec: { containers: containers.map(toContainer), initContainers: init.map(toContainer) },
  };
}
