// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
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
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    const list: ResourceList = {};
    if (stryMutAct_9fa48("3") ? false : stryMutAct_9fa48("2") ? true : stryMutAct_9fa48("1") ? amounts : (stryCov_9fa48("1", "2", "3"), !amounts)) return list;
    if (stryMutAct_9fa48("6") ? amounts.cpuMilli === undefined : stryMutAct_9fa48("5") ? false : stryMutAct_9fa48("4") ? true : (stryCov_9fa48("4", "5", "6"), amounts.cpuMilli !== undefined)) list.cpu = amounts.cpuMilli;
    if (stryMutAct_9fa48("9") ? amounts.memoryMi === undefined : stryMutAct_9fa48("8") ? false : stryMutAct_9fa48("7") ? true : (stryCov_9fa48("7", "8", "9"), amounts.memoryMi !== undefined)) list.memory = amounts.memoryMi;
    if (stryMutAct_9fa48("12") ? amounts.ephemeralStorageMi === undefined : stryMutAct_9fa48("11") ? false : stryMutAct_9fa48("10") ? true : (stryCov_9fa48("10", "11", "12"), amounts.ephemeralStorageMi !== undefined)) list[stryMutAct_9fa48("13") ? "" : (stryCov_9fa48("13"), 'ephemeral-storage')] = amounts.ephemeralStorageMi;
    for (const [name, count] of Object.entries(stryMutAct_9fa48("14") ? amounts.extended && {} : (stryCov_9fa48("14"), amounts.extended ?? {}))) list[name] = count;
    return list;
  }
}

/** A limit without a request defaults the request (pkg/apis/core/v1/defaults.go SetDefaults_Pod). */
export function defaultRequestsFromLimits(requests: ResourceList, limits: ResourceList): ResourceList {
  if (stryMutAct_9fa48("15")) {
    {}
  } else {
    stryCov_9fa48("15");
    const result = stryMutAct_9fa48("16") ? {} : (stryCov_9fa48("16"), {
      ...requests
    });
    for (const [name, value] of Object.entries(limits)) {
      if (stryMutAct_9fa48("17")) {
        {}
      } else {
        stryCov_9fa48("17");
        if (stryMutAct_9fa48("20") ? false : stryMutAct_9fa48("19") ? true : stryMutAct_9fa48("18") ? name in result : (stryCov_9fa48("18", "19", "20"), !(name in result))) result[name] = value;
      }
    }
    return result;
  }
}
function resolveContainer(container: ContainerScenario, isInit: boolean, sidecars: boolean): ResolvedContainer {
  if (stryMutAct_9fa48("21")) {
    {}
  } else {
    stryCov_9fa48("21");
    const limits = toResourceList(container.resources.limits);
    return stryMutAct_9fa48("22") ? {} : (stryCov_9fa48("22"), {
      name: container.name,
      sidecar: stryMutAct_9fa48("25") ? isInit && sidecars || container.restartPolicy === 'Always' : stryMutAct_9fa48("24") ? false : stryMutAct_9fa48("23") ? true : (stryCov_9fa48("23", "24", "25"), (stryMutAct_9fa48("27") ? isInit || sidecars : stryMutAct_9fa48("26") ? true : (stryCov_9fa48("26", "27"), isInit && sidecars)) && (stryMutAct_9fa48("29") ? container.restartPolicy !== 'Always' : stryMutAct_9fa48("28") ? true : (stryCov_9fa48("28", "29"), container.restartPolicy === (stryMutAct_9fa48("30") ? "" : (stryCov_9fa48("30"), 'Always'))))),
      requests: defaultRequestsFromLimits(toResourceList(container.resources.requests), limits),
      limits
    });
  }
}

/**
 * The pod as stored after API defaulting. `sidecars` false models a server without restartable init
 * containers, where restartPolicy on an init container is dropped (capabilities.sidecars).
 */
export function resolvePod(pod: PodScenario, sidecars = stryMutAct_9fa48("31") ? false : (stryCov_9fa48("31"), true)): ResolvedPod {
  if (stryMutAct_9fa48("32")) {
    {}
  } else {
    stryCov_9fa48("32");
    return stryMutAct_9fa48("33") ? {} : (stryCov_9fa48("33"), {
      initContainers: pod.initContainers.map(stryMutAct_9fa48("34") ? () => undefined : (stryCov_9fa48("34"), c => resolveContainer(c, stryMutAct_9fa48("35") ? false : (stryCov_9fa48("35"), true), sidecars))),
      containers: pod.containers.map(stryMutAct_9fa48("36") ? () => undefined : (stryCov_9fa48("36"), c => resolveContainer(c, stryMutAct_9fa48("37") ? true : (stryCov_9fa48("37"), false), stryMutAct_9fa48("38") ? true : (stryCov_9fa48("38"), false)))),
      overhead: toResourceList(pod.overhead)
    });
  }
}
function addInto(target: ResourceList, source: ResourceList): void {
  if (stryMutAct_9fa48("39")) {
    {}
  } else {
    stryCov_9fa48("39");
    for (const [name, value] of Object.entries(source)) target[name] = stryMutAct_9fa48("40") ? (target[name] ?? 0) - value : (stryCov_9fa48("40"), (stryMutAct_9fa48("41") ? target[name] && 0 : (stryCov_9fa48("41"), target[name] ?? 0)) + value);
  }
}
function maxInto(target: ResourceList, source: ResourceList): void {
  if (stryMutAct_9fa48("42")) {
    {}
  } else {
    stryCov_9fa48("42");
    for (const [name, value] of Object.entries(source)) {
      if (stryMutAct_9fa48("43")) {
        {}
      } else {
        stryCov_9fa48("43");
        if (stryMutAct_9fa48("46") ? !(name in target) && value > target[name] : stryMutAct_9fa48("45") ? false : stryMutAct_9fa48("44") ? true : (stryCov_9fa48("44", "45", "46"), (stryMutAct_9fa48("47") ? name in target : (stryCov_9fa48("47"), !(name in target))) || (stryMutAct_9fa48("50") ? value <= target[name] : stryMutAct_9fa48("49") ? value >= target[name] : stryMutAct_9fa48("48") ? false : (stryCov_9fa48("48", "49", "50"), value > target[name])))) target[name] = value;
      }
    }
  }
}

/**
 * max(sum of app containers + all sidecars, each init container + the sidecars declared before it).
 * Source: staging/src/k8s.io/component-helpers/resource/helpers.go aggregateContainerResourcesByFn.
 */
function aggregate(pod: ResolvedPod, pick: (c: ResolvedContainer) => ResourceList): ResourceList {
  if (stryMutAct_9fa48("51")) {
    {}
  } else {
    stryCov_9fa48("51");
    const result: ResourceList = {};
    for (const container of pod.containers) addInto(result, pick(container));
    const sidecarsSoFar: ResourceList = {};
    const initPeak: ResourceList = {};
    for (const container of pod.initContainers) {
      if (stryMutAct_9fa48("52")) {
        {}
      } else {
        stryCov_9fa48("52");
        if (stryMutAct_9fa48("54") ? false : stryMutAct_9fa48("53") ? true : (stryCov_9fa48("53", "54"), container.sidecar)) {
          if (stryMutAct_9fa48("55")) {
            {}
          } else {
            stryCov_9fa48("55");
            addInto(result, pick(container));
            addInto(sidecarsSoFar, pick(container));
            maxInto(initPeak, sidecarsSoFar);
          }
        } else {
          if (stryMutAct_9fa48("56")) {
            {}
          } else {
            stryCov_9fa48("56");
            const combined: ResourceList = {};
            addInto(combined, pick(container));
            addInto(combined, sidecarsSoFar);
            maxInto(initPeak, combined);
          }
        }
      }
    }
    maxInto(result, initPeak);
    return result;
  }
}

/** Effective pod request, overhead included (helpers.go PodRequests); what the scheduler and quota use. */
export function podRequests(pod: ResolvedPod): ResourceList {
  if (stryMutAct_9fa48("57")) {
    {}
  } else {
    stryCov_9fa48("57");
    const result = aggregate(pod, stryMutAct_9fa48("58") ? () => undefined : (stryCov_9fa48("58"), c => c.requests));
    addInto(result, pod.overhead);
    return result;
  }
}

/** Effective pod limit; overhead is added only to limits that are set and non-zero (helpers.go PodLimits). */
export function podLimits(pod: ResolvedPod): ResourceList {
  if (stryMutAct_9fa48("59")) {
    {}
  } else {
    stryCov_9fa48("59");
    const result = aggregate(pod, stryMutAct_9fa48("60") ? () => undefined : (stryCov_9fa48("60"), c => c.limits));
    for (const [name, value] of Object.entries(pod.overhead)) {
      if (stryMutAct_9fa48("61")) {
        {}
      } else {
        stryCov_9fa48("61");
        if (stryMutAct_9fa48("64") ? name in result || result[name] > 0 : stryMutAct_9fa48("63") ? false : stryMutAct_9fa48("62") ? true : (stryCov_9fa48("62", "63", "64"), name in result && (stryMutAct_9fa48("67") ? result[name] <= 0 : stryMutAct_9fa48("66") ? result[name] >= 0 : stryMutAct_9fa48("65") ? true : (stryCov_9fa48("65", "66", "67"), result[name] > 0)))) stryMutAct_9fa48("68") ? result[name] -= value : (stryCov_9fa48("68"), result[name] += value);
      }
    }
    return result;
  }
}
export function allContainers(pod: ResolvedPod): ResolvedContainer[] {
  if (stryMutAct_9fa48("69")) {
    {}
  } else {
    stryCov_9fa48("69");
    return stryMutAct_9fa48("70") ? [] : (stryCov_9fa48("70"), [...pod.containers, ...pod.initContainers]);
  }
}