import type { ContainerScenario, PodScenario, ResourceAmounts } from './scenario';

/** Resource name → amount in the canonical unit (cpu millicores, memory/ephemeral-storage Mi, counts). */
export type ResourceList = Record<string, number>;

/** A container's requirements as the API stores them (after defaulting and admission mutation). */
export interface ResolvedContainer {
  name: string;
  /** Restartable init container (sidecar); always false for app containers. */
  sidecar: boolean;
  requests: ResourceList;
  limits: ResourceList;
}

export interface ResolvedPod {
  initContainers: ResolvedContainer[];
  containers: ResolvedContainer[];
  overhead: ResourceList;
}

/** ResourceAmounts → ResourceList under the API's resource names. */
export function toResourceList(amounts: ResourceAmounts | undefined): ResourceList {
  const list: ResourceList = {};
  if (!amounts) return list;
  if (amounts.cpuMilli !== undefined) list.cpu = amounts.cpuMilli;
  if (amounts.memoryMi !== undefined) list.memory = amounts.memoryMi;
  if (amounts.ephemeralStorageMi !== undefined) list['ephemeral-storage'] = amounts.ephemeralStorageMi;
  if (amounts.extended) for (const name of Object.keys(amounts.extended)) list[name] = amounts.extended[name];
  return list;
}

/** A limit without a request defaults the request (pkg/apis/core/v1/defaults.go SetDefaults_Pod). */
export function defaultRequestsFromLimits(requests: ResourceList, limits: ResourceList): ResourceList {
  const result = { ...requests };
  for (const name of Object.keys(limits)) {
    if (!(name in result)) result[name] = limits[name];
  }
  return result;
}

function resolveContainer(
  container: ContainerScenario,
  isInit: boolean,
  sidecars: boolean,
): ResolvedContainer {
  const limits = toResourceList(container.resources.limits);
  return {
    name: container.name,
    sidecar: isInit && sidecars && container.restartPolicy === 'Always',
    requests: defaultRequestsFromLimits(toResourceList(container.resources.requests), limits),
    limits,
  };
}

/**
 * The pod as stored after API defaulting. `sidecars` false models a server without restartable init
 * containers, where restartPolicy on an init container is dropped (capabilities.sidecars).
 */
export function resolvePod(pod: PodScenario, sidecars = true): ResolvedPod {
  return {
    initContainers: pod.initContainers.map((c) => resolveContainer(c, true, sidecars)),
    containers: pod.containers.map((c) => resolveContainer(c, false, false)),
    overhead: toResourceList(pod.overhead),
  };
}

function addInto(target: ResourceList, source: ResourceList): void {
  for (const name of Object.keys(source)) target[name] = (target[name] ?? 0) + source[name];
}

function maxInto(target: ResourceList, source: ResourceList): void {
  for (const name of Object.keys(source)) {
    if (!(name in target) || source[name] > target[name]) target[name] = source[name];
  }
}

/**
 * max(sum of app containers + all sidecars, each init container + the sidecars declared before it).
 * Source: staging/src/k8s.io/component-helpers/resource/helpers.go aggregateContainerResourcesByFn.
 */
function aggregate(pod: ResolvedPod, pick: (c: ResolvedContainer) => ResourceList): ResourceList {
  const result: ResourceList = {};
  for (const container of pod.containers) addInto(result, pick(container));
  const sidecarsSoFar: ResourceList = {};
  const initPeak: ResourceList = {};
  for (const container of pod.initContainers) {
    if (container.sidecar) {
      addInto(result, pick(container));
      addInto(sidecarsSoFar, pick(container));
      maxInto(initPeak, sidecarsSoFar);
    } else {
      const combined: ResourceList = {};
      addInto(combined, pick(container));
      addInto(combined, sidecarsSoFar);
      maxInto(initPeak, combined);
    }
  }
  maxInto(result, initPeak);
  return result;
}

/** Effective pod request, overhead included (helpers.go PodRequests); what the scheduler and quota use. */
export function podRequests(pod: ResolvedPod): ResourceList {
  const result = aggregate(pod, (c) => c.requests);
  addInto(result, pod.overhead);
  return result;
}

/** Effective pod limit; overhead is added only to limits that are set and non-zero (helpers.go PodLimits). */
export function podLimits(pod: ResolvedPod): ResourceList {
  const result = aggregate(pod, (c) => c.limits);
  for (const [name, value] of Object.entries(pod.overhead)) {
    if (name in result && result[name] > 0) result[name] += value;
  }
  return result;
}

export function allContainers(pod: ResolvedPod): ResolvedContainer[] {
  return [...pod.containers, ...pod.initContainers];
}
