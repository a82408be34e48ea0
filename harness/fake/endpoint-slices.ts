import type { V1Endpoint, V1EndpointSlice, V1Pod, V1Service } from '@kubernetes/client-node';

function selects(selector: Record<string, string> | undefined, pod: V1Pod): boolean {
  if (!selector || Object.keys(selector).length === 0) return false;
  const labels = pod.metadata?.labels ?? {};
  return Object.entries(selector).every(([key, value]) => labels[key] === value);
}

function isReady(pod: V1Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function isTerminal(pod: V1Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/**
 * The endpoints the EndpointSlice controller publishes for a Service. A terminating pod stays
 * listed with ready false, serving = its readiness, terminating true
 * (staging/src/k8s.io/endpointslice/utils.go podToEndpoint; pkg/controller/endpointslice).
 */
export function endpointsFor(service: V1Service, pods: V1Pod[]): V1Endpoint[] {
  return pods
    .filter((pod) => selects(service.spec?.selector, pod) && !isTerminal(pod) && pod.status?.podIP)
    .map((pod): V1Endpoint => {
      const terminating = pod.metadata?.deletionTimestamp !== undefined;
      const ready = isReady(pod);
      return {
        addresses: [pod.status?.podIP ?? ''],
        conditions: { ready: ready && !terminating, serving: ready, terminating },
        targetRef: {
          kind: 'Pod',
          namespace: pod.metadata?.namespace,
          name: pod.metadata?.name,
          uid: pod.metadata?.uid,
        },
        nodeName: pod.spec?.nodeName,
      };
    })
    .sort((a, b) => (a.targetRef?.name ?? '').localeCompare(b.targetRef?.name ?? ''));
}

/** The one slice kubeprop's small Services need, named after the Service as the controller does. */
export function endpointSliceFor(service: V1Service, pods: V1Pod[]): V1EndpointSlice {
  const name = service.metadata?.name ?? '';
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    addressType: 'IPv4',
    metadata: {
      name: `${name}-fake`,
      namespace: service.metadata?.namespace,
      labels: { 'kubernetes.io/service-name': name },
    },
    endpoints: endpointsFor(service, pods),
    ports: (service.spec?.ports ?? []).map((p) => ({
      name: p.name,
      port: p.port,
      protocol: p.protocol ?? 'TCP',
    })),
  };
}
