import { allContainers, type ResolvedPod } from './effective-request';

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** Only cpu and memory decide the class (qos.go supportedQoSComputeResources). */
const QOS_RESOURCES = ['cpu', 'memory'] as const;

/**
 * status.qosClass. Source: pkg/apis/core/v1/helper/qos/qos.go ComputePodQOS (GetPodQOS before 1.28):
 * zero amounts are ignored; BestEffort when nothing is set; Guaranteed when every container (init
 * included) has cpu and memory limits and the summed requests equal the summed limits; else Burstable.
 */
export function computePodQos(pod: ResolvedPod): QosClass {
  const requests: Record<string, number> = {};
  const limits: Record<string, number> = {};
  let guaranteed = true;
  for (const container of allContainers(pod)) {
    for (const name of QOS_RESOURCES) {
      const request = container.requests[name] ?? 0;
      if (request > 0) requests[name] = (requests[name] ?? 0) + request;
      const limit = container.limits[name] ?? 0;
      if (limit > 0) limits[name] = (limits[name] ?? 0) + limit;
    }
    if (!QOS_RESOURCES.every((name) => (container.limits[name] ?? 0) > 0)) guaranteed = false;
  }
  const requestNames = Object.keys(requests);
  if (requestNames.length === 0 && Object.keys(limits).length === 0) return 'BestEffort';
  if (
    guaranteed &&
    requestNames.every((name) => limits[name] === requests[name]) &&
    requestNames.length === Object.keys(limits).length
  ) {
    return 'Guaranteed';
  }
  return 'Burstable';
}
