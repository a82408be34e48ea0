import type { ManagedObject } from '../../../harness/cluster-port';
import { KEEP_FINALIZER } from '../../../model/labels';

type PodObject = Extract<ManagedObject, { kind: 'Pod' }>;

/** A one-container pod as the harness would create it (optionally with kubeprop's finalizer). */
export function testPod(
  name: string,
  options: { grace?: number; keep?: boolean; labels?: Record<string, string> } = {},
): PodObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      labels: options.labels ?? { app: name },
      ...(options.keep ? { finalizers: [KEEP_FINALIZER] } : {}),
    },
    spec: {
      terminationGracePeriodSeconds: options.grace,
      containers: [{ name: 'main', image: 'busybox:1.36' }],
    },
  };
}

export function testService(
  name: string,
  selector: Record<string, string>,
): Extract<ManagedObject, { kind: 'Service' }> {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name },
    spec: { selector, ports: [{ name: 'http', port: 80, protocol: 'TCP' }] },
  };
}
