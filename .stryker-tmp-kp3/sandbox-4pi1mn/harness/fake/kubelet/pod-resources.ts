// @ts-nocheck
import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { canonicalAmount } from './quantity';

/** Per-resource amounts in canonical units (cpu millicores, memory Mi, counts). */
export type Amounts = Record<string, number>;

export interface ContainerAmounts {
  requests: Amounts;
  limits: Amounts;
}

function amounts(list: Record<string, string> | undefined): Amounts {
  const result: Amounts = {};
  for (const [name, value] of Object.entries(list ?? {})) result[name] = canonicalAmount(name, value);
  return result;
}

/**
 * A container's requests and limits; a limit without a request defaults the request
 * (pkg/apis/core/v1/defaults.go SetDefaults_Pod).
 */
export function containerAmounts(container: V1Container): ContainerAmounts {
  const limits = amounts(container.resources?.limits);
  const requests = { ...limits, ...amounts(container.resources?.requests) };
  return { requests, limits };
}

function add(into: Amounts, from: Amounts): void {
  for (const [name, value] of Object.entries(from)) into[name] = (into[name] ?? 0) + value;
}

function maxInto(into: Amounts, from: Amounts): void {
  for (const [name, value] of Object.entries(from)) into[name] = Math.max(into[name] ?? 0, value);
}

function isSidecar(container: V1Container): boolean {
  return container.restartPolicy === 'Always';
}

/**
 * Effective pod request or limit: max(sum of app containers and sidecars, each init container plus
 * the sidecars started before it), plus overhead
 * (staging/src/k8s.io/component-helpers/resource/helpers.go PodRequests / PodLimits).
 */
function effective(pod: V1Pod, pick: (c: ContainerAmounts) => Amounts): Amounts {
  const total: Amounts = {};
  for (const container of pod.spec?.containers ?? []) add(total, pick(containerAmounts(container)));
  const sidecarsSoFar: Amounts = {};
  const initPeak: Amounts = {};
  for (const container of pod.spec?.initContainers ?? []) {
    const own = pick(containerAmounts(container));
    if (isSidecar(container)) {
      add(sidecarsSoFar, own);
      add(total, own);
      maxInto(initPeak, sidecarsSoFar);
    } else {
      const step = { ...sidecarsSoFar };
      add(step, own);
      maxInto(initPeak, step);
    }
  }
  maxInto(total, initPeak);
  add(total, amounts(pod.spec?.overhead));
  return total;
}

export function podRequests(pod: V1Pod): Amounts {
  return effective(pod, (c) => c.requests);
}

export function podLimits(pod: V1Pod): Amounts {
  return effective(pod, (c) => c.limits);
}

export type QosClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

/** QoS class from cpu and memory of all containers (pkg/apis/core/v1/helper/qos/qos.go GetPodQOS). */
export function qosClass(pod: V1Pod, ignoreRequests = false): QosClass {
  const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
  let anySet = false;
  let guaranteed = true;
  for (const container of containers) {
    const { requests, limits } = containerAmounts(container);
    for (const resource of ['cpu', 'memory']) {
      const request = ignoreRequests ? limits[resource] : requests[resource];
      const limit = limits[resource];
      if ((request ?? 0) > 0 || (limit ?? 0) > 0) anySet = true;
      if (limit === undefined || request !== limit) guaranteed = false;
    }
  }
  if (!anySet) return 'BestEffort';
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
