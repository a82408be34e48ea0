// @ts-nocheck
import type { V1Service, V1ServicePort } from '@kubernetes/client-node';
import type { PodScenario } from '../../model/scenario';
import type { ManifestOptions } from './manifest-options';

/** Port served when the pod declares none: endpoints still follow readiness. */
const FALLBACK_PORT = 8080;

/** A ClusterIP Service selecting the pod by its own labels, so its EndpointSlice follows the pod's readiness. */
export function serviceManifest(pod: PodScenario, options: ManifestOptions): { kind: 'Service' } & V1Service {
  const declared = [...pod.initContainers, ...pod.containers].flatMap((c) => c.ports);
  const ports: V1ServicePort[] =
    declared.length > 0
      ? declared.map((p) => ({
          name: p.name,
          port: p.containerPort,
          targetPort: p.containerPort,
          protocol: 'TCP',
        }))
      : [{ name: 'main', port: FALLBACK_PORT, targetPort: FALLBACK_PORT, protocol: 'TCP' }];
  const selector = Object.keys(pod.labels).length > 0 ? { ...pod.labels } : { ...options.labels };
  return {
    apiVersion: 'v1',
    kind: 'Service',
    // A Service name is a DNS-1035 label (starts with a letter): "svc-" makes sure.
    metadata: { name: `svc-${pod.name}`, namespace: options.namespace, labels: { ...options.labels } },
    spec: { type: 'ClusterIP', selector, ports },
  };
}
