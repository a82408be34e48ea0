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
import type { Capabilities } from './capabilities';
import { resolvePod, type ResolvedContainer, type ResolvedPod, type ResourceList } from './effective-request';
import type { Expectation, FieldExpectation, ModelOptions } from './expectation';
import { formatMilli, formatQuantity } from './quantities';
import { contains, equals } from './resources-field';
import type { LimitRangeItem, LimitRangeScenario, LimitRangeSpec } from './scenario';
export const LIMIT_RANGER_ANNOTATION = stryMutAct_9fa48("71") ? "" : (stryCov_9fa48("71"), 'kubernetes.io/limit-ranger');

/**
 * A Container item as stored: a missing default limit takes max, a missing default request takes the
 * default limit, then min. Source: pkg/apis/core/v1/defaults.go SetDefaults_LimitRangeItem.
 */
export function defaultedItem(item: LimitRangeItem): Required<Omit<LimitRangeItem, 'type'>> & {
  type: 'Container';
} {
  if (stryMutAct_9fa48("72")) {
    {}
  } else {
    stryCov_9fa48("72");
    const defaults: ResourceList = stryMutAct_9fa48("73") ? {} : (stryCov_9fa48("73"), {
      ...(stryMutAct_9fa48("74") ? item.default && {} : (stryCov_9fa48("74"), item.default ?? {}))
    });
    for (const [name, value] of Object.entries(stryMutAct_9fa48("75") ? item.max && {} : (stryCov_9fa48("75"), item.max ?? {}))) if (stryMutAct_9fa48("78") ? false : stryMutAct_9fa48("77") ? true : stryMutAct_9fa48("76") ? name in defaults : (stryCov_9fa48("76", "77", "78"), !(name in defaults))) defaults[name] = value;
    const defaultRequest: ResourceList = stryMutAct_9fa48("79") ? {} : (stryCov_9fa48("79"), {
      ...(stryMutAct_9fa48("80") ? item.defaultRequest && {} : (stryCov_9fa48("80"), item.defaultRequest ?? {}))
    });
    for (const [name, value] of Object.entries(defaults)) if (stryMutAct_9fa48("83") ? false : stryMutAct_9fa48("82") ? true : stryMutAct_9fa48("81") ? name in defaultRequest : (stryCov_9fa48("81", "82", "83"), !(name in defaultRequest))) defaultRequest[name] = value;
    for (const [name, value] of Object.entries(stryMutAct_9fa48("84") ? item.min && {} : (stryCov_9fa48("84"), item.min ?? {}))) if (stryMutAct_9fa48("87") ? false : stryMutAct_9fa48("86") ? true : stryMutAct_9fa48("85") ? name in defaultRequest : (stryCov_9fa48("85", "86", "87"), !(name in defaultRequest))) defaultRequest[name] = value;
    return stryMutAct_9fa48("88") ? {} : (stryCov_9fa48("88"), {
      type: stryMutAct_9fa48("89") ? "" : (stryCov_9fa48("89"), 'Container'),
      default: defaults,
      defaultRequest,
      min: stryMutAct_9fa48("90") ? item.min && {} : (stryCov_9fa48("90"), item.min ?? {}),
      max: stryMutAct_9fa48("91") ? item.max && {} : (stryCov_9fa48("91"), item.max ?? {}),
      maxLimitRequestRatio: stryMutAct_9fa48("92") ? item.maxLimitRequestRatio && {} : (stryCov_9fa48("92"), item.maxLimitRequestRatio ?? {})
    });
  }
}
export interface LimitRangeMutation {
  pod: ResolvedPod;
  /** Value of the kubernetes.io/limit-ranger annotation, or null when nothing was defaulted. */
  annotation: string | null;
}
function mergeContainer(container: ResolvedContainer, defaults: ResourceList, defaultRequests: ResourceList, label: string, notes: string[]): ResolvedContainer {
  if (stryMutAct_9fa48("93")) {
    {}
  } else {
    stryCov_9fa48("93");
    const limits = stryMutAct_9fa48("94") ? {} : (stryCov_9fa48("94"), {
      ...container.limits
    });
    const requests = stryMutAct_9fa48("95") ? {} : (stryCov_9fa48("95"), {
      ...container.requests
    });
    const setLimits = stryMutAct_9fa48("96") ? Object.keys(defaults) : (stryCov_9fa48("96"), Object.keys(defaults).filter(stryMutAct_9fa48("97") ? () => undefined : (stryCov_9fa48("97"), name => stryMutAct_9fa48("98") ? name in limits : (stryCov_9fa48("98"), !(name in limits)))));
    const setRequests = stryMutAct_9fa48("99") ? Object.keys(defaultRequests) : (stryCov_9fa48("99"), Object.keys(defaultRequests).filter(stryMutAct_9fa48("100") ? () => undefined : (stryCov_9fa48("100"), name => stryMutAct_9fa48("101") ? name in requests : (stryCov_9fa48("101"), !(name in requests)))));
    setLimits.forEach(stryMutAct_9fa48("102") ? () => undefined : (stryCov_9fa48("102"), name => limits[name] = defaults[name]));
    setRequests.forEach(stryMutAct_9fa48("103") ? () => undefined : (stryCov_9fa48("103"), name => requests[name] = defaultRequests[name]));
    if (stryMutAct_9fa48("107") ? setRequests.length <= 0 : stryMutAct_9fa48("106") ? setRequests.length >= 0 : stryMutAct_9fa48("105") ? false : stryMutAct_9fa48("104") ? true : (stryCov_9fa48("104", "105", "106", "107"), setRequests.length > 0)) notes.push(stryMutAct_9fa48("108") ? `` : (stryCov_9fa48("108"), `${stryMutAct_9fa48("109") ? setRequests.join(', ') : (stryCov_9fa48("109"), setRequests.sort().join(stryMutAct_9fa48("110") ? "" : (stryCov_9fa48("110"), ', ')))} request for ${label} ${container.name}`));
    if (stryMutAct_9fa48("114") ? setLimits.length <= 0 : stryMutAct_9fa48("113") ? setLimits.length >= 0 : stryMutAct_9fa48("112") ? false : stryMutAct_9fa48("111") ? true : (stryCov_9fa48("111", "112", "113", "114"), setLimits.length > 0)) notes.push(stryMutAct_9fa48("115") ? `` : (stryCov_9fa48("115"), `${stryMutAct_9fa48("116") ? setLimits.join(', ') : (stryCov_9fa48("116"), setLimits.sort().join(stryMutAct_9fa48("117") ? "" : (stryCov_9fa48("117"), ', ')))} limit for ${label} ${container.name}`));
    return stryMutAct_9fa48("118") ? {} : (stryCov_9fa48("118"), {
      ...container,
      limits,
      requests
    });
  }
}

/**
 * Defaults applied by the LimitRanger: missing limits get `default`, missing requests get
 * `defaultRequest`, app containers first, then init containers, and the pod is annotated.
 * Source: plugin/pkg/admission/limitranger/admission.go mergePodResourceRequirements.
 */
export function applyLimitRangeDefaults(pod: ResolvedPod, limitRange: LimitRangeSpec): LimitRangeMutation {
  if (stryMutAct_9fa48("119")) {
    {}
  } else {
    stryCov_9fa48("119");
    const defaults: ResourceList = {};
    const defaultRequests: ResourceList = {};
    for (const item of limitRange.limits.map(defaultedItem)) {
      if (stryMutAct_9fa48("120")) {
        {}
      } else {
        stryCov_9fa48("120");
        Object.assign(defaults, item.default);
        Object.assign(defaultRequests, item.defaultRequest);
      }
    }
    const notes: string[] = stryMutAct_9fa48("121") ? ["Stryker was here"] : (stryCov_9fa48("121"), []);
    const containers = pod.containers.map(stryMutAct_9fa48("122") ? () => undefined : (stryCov_9fa48("122"), c => mergeContainer(c, defaults, defaultRequests, stryMutAct_9fa48("123") ? "" : (stryCov_9fa48("123"), 'container'), notes)));
    const initContainers = pod.initContainers.map(stryMutAct_9fa48("124") ? () => undefined : (stryCov_9fa48("124"), c => mergeContainer(c, defaults, defaultRequests, stryMutAct_9fa48("125") ? "" : (stryCov_9fa48("125"), 'init container'), notes)));
    return stryMutAct_9fa48("126") ? {} : (stryCov_9fa48("126"), {
      pod: stryMutAct_9fa48("127") ? {} : (stryCov_9fa48("127"), {
        ...pod,
        containers,
        initContainers
      }),
      annotation: (stryMutAct_9fa48("131") ? notes.length <= 0 : stryMutAct_9fa48("130") ? notes.length >= 0 : stryMutAct_9fa48("129") ? false : stryMutAct_9fa48("128") ? true : (stryCov_9fa48("128", "129", "130", "131"), notes.length > 0)) ? stryMutAct_9fa48("132") ? `` : (stryCov_9fa48("132"), `LimitRanger plugin set: ${notes.join(stryMutAct_9fa48("133") ? "" : (stryCov_9fa48("133"), '; '))}`) : null
    });
  }
}

/** One violation: the message without its trailing period (v1.26 prints none, older releases one). */
function minViolation(name: string, min: number, c: ResolvedContainer): string | undefined {
  if (stryMutAct_9fa48("134")) {
    {}
  } else {
    stryCov_9fa48("134");
    const enforced = formatQuantity(name, min);
    if (stryMutAct_9fa48("137") ? false : stryMutAct_9fa48("136") ? true : stryMutAct_9fa48("135") ? name in c.requests : (stryCov_9fa48("135", "136", "137"), !(name in c.requests))) return stryMutAct_9fa48("138") ? `` : (stryCov_9fa48("138"), `minimum ${name} usage per Container is ${enforced}.  No request is specified`);
    if (stryMutAct_9fa48("142") ? c.requests[name] >= min : stryMutAct_9fa48("141") ? c.requests[name] <= min : stryMutAct_9fa48("140") ? false : stryMutAct_9fa48("139") ? true : (stryCov_9fa48("139", "140", "141", "142"), c.requests[name] < min)) {
      if (stryMutAct_9fa48("143")) {
        {}
      } else {
        stryCov_9fa48("143");
        return stryMutAct_9fa48("144") ? `` : (stryCov_9fa48("144"), `minimum ${name} usage per Container is ${enforced}, but request is ${formatQuantity(name, c.requests[name])}`);
      }
    }
    if (stryMutAct_9fa48("147") ? name in c.limits || c.limits[name] < min : stryMutAct_9fa48("146") ? false : stryMutAct_9fa48("145") ? true : (stryCov_9fa48("145", "146", "147"), name in c.limits && (stryMutAct_9fa48("150") ? c.limits[name] >= min : stryMutAct_9fa48("149") ? c.limits[name] <= min : stryMutAct_9fa48("148") ? true : (stryCov_9fa48("148", "149", "150"), c.limits[name] < min)))) {
      if (stryMutAct_9fa48("151")) {
        {}
      } else {
        stryCov_9fa48("151");
        return stryMutAct_9fa48("152") ? `` : (stryCov_9fa48("152"), `minimum ${name} usage per Container is ${enforced}, but limit is ${formatQuantity(name, c.limits[name])}`);
      }
    }
    return undefined;
  }
}
function maxViolation(name: string, max: number, c: ResolvedContainer): string | undefined {
  if (stryMutAct_9fa48("153")) {
    {}
  } else {
    stryCov_9fa48("153");
    const enforced = formatQuantity(name, max);
    if (stryMutAct_9fa48("156") ? false : stryMutAct_9fa48("155") ? true : stryMutAct_9fa48("154") ? name in c.limits : (stryCov_9fa48("154", "155", "156"), !(name in c.limits))) return stryMutAct_9fa48("157") ? `` : (stryCov_9fa48("157"), `maximum ${name} usage per Container is ${enforced}.  No limit is specified`);
    if (stryMutAct_9fa48("161") ? c.limits[name] <= max : stryMutAct_9fa48("160") ? c.limits[name] >= max : stryMutAct_9fa48("159") ? false : stryMutAct_9fa48("158") ? true : (stryCov_9fa48("158", "159", "160", "161"), c.limits[name] > max)) {
      if (stryMutAct_9fa48("162")) {
        {}
      } else {
        stryCov_9fa48("162");
        return stryMutAct_9fa48("163") ? `` : (stryCov_9fa48("163"), `maximum ${name} usage per Container is ${enforced}, but limit is ${formatQuantity(name, c.limits[name])}`);
      }
    }
    if (stryMutAct_9fa48("166") ? name in c.requests || c.requests[name] > max : stryMutAct_9fa48("165") ? false : stryMutAct_9fa48("164") ? true : (stryCov_9fa48("164", "165", "166"), name in c.requests && (stryMutAct_9fa48("169") ? c.requests[name] <= max : stryMutAct_9fa48("168") ? c.requests[name] >= max : stryMutAct_9fa48("167") ? true : (stryCov_9fa48("167", "168", "169"), c.requests[name] > max)))) {
      if (stryMutAct_9fa48("170")) {
        {}
      } else {
        stryCov_9fa48("170");
        return stryMutAct_9fa48("171") ? `` : (stryCov_9fa48("171"), `maximum ${name} usage per Container is ${enforced}, but request is ${formatQuantity(name, c.requests[name])}`);
      }
    }
    return undefined;
  }
}
function ratioViolation(name: string, ratio: number, c: ResolvedContainer): string | undefined {
  if (stryMutAct_9fa48("172")) {
    {}
  } else {
    stryCov_9fa48("172");
    const enforced = formatMilli(stryMutAct_9fa48("173") ? ratio / 1000 : (stryCov_9fa48("173"), ratio * 1000));
    const request = stryMutAct_9fa48("174") ? c.requests[name] && 0 : (stryCov_9fa48("174"), c.requests[name] ?? 0);
    const limit = stryMutAct_9fa48("175") ? c.limits[name] && 0 : (stryCov_9fa48("175"), c.limits[name] ?? 0);
    const prefix = stryMutAct_9fa48("176") ? `` : (stryCov_9fa48("176"), `${name} max limit to request ratio per Container is ${enforced}`);
    if (stryMutAct_9fa48("179") ? request !== 0 : stryMutAct_9fa48("178") ? false : stryMutAct_9fa48("177") ? true : (stryCov_9fa48("177", "178", "179"), request === 0)) return stryMutAct_9fa48("180") ? `` : (stryCov_9fa48("180"), `${prefix}, but no request is specified or request is 0`);
    if (stryMutAct_9fa48("183") ? limit !== 0 : stryMutAct_9fa48("182") ? false : stryMutAct_9fa48("181") ? true : (stryCov_9fa48("181", "182", "183"), limit === 0)) return stryMutAct_9fa48("184") ? `` : (stryCov_9fa48("184"), `${prefix}, but no limit is specified or limit is 0`);
    const observed = stryMutAct_9fa48("185") ? limit * request : (stryCov_9fa48("185"), limit / request);
    return (stryMutAct_9fa48("189") ? observed <= ratio : stryMutAct_9fa48("188") ? observed >= ratio : stryMutAct_9fa48("187") ? false : stryMutAct_9fa48("186") ? true : (stryCov_9fa48("186", "187", "188", "189"), observed > ratio)) ? stryMutAct_9fa48("190") ? `` : (stryCov_9fa48("190"), `${prefix}, but provided ratio is ${observed.toFixed(6)}`) : undefined;
  }
}

/**
 * Min, max and maxLimitRequestRatio of every Container item against every container (app, then init).
 * Source: plugin/pkg/admission/limitranger/admission.go PodValidateLimitFunc, minConstraint,
 * maxConstraint, limitRequestRatioConstraint. Messages are lower-case (all targeted releases).
 */
export function limitRangeViolations(pod: ResolvedPod, limitRange: LimitRangeSpec): string[] {
  if (stryMutAct_9fa48("191")) {
    {}
  } else {
    stryCov_9fa48("191");
    const violations: string[] = stryMutAct_9fa48("192") ? ["Stryker was here"] : (stryCov_9fa48("192"), []);
    for (const item of limitRange.limits.map(defaultedItem)) {
      if (stryMutAct_9fa48("193")) {
        {}
      } else {
        stryCov_9fa48("193");
        for (const container of stryMutAct_9fa48("194") ? [] : (stryCov_9fa48("194"), [...pod.containers, ...pod.initContainers])) {
          if (stryMutAct_9fa48("195")) {
            {}
          } else {
            stryCov_9fa48("195");
            for (const [name, min] of Object.entries(item.min)) {
              if (stryMutAct_9fa48("196")) {
                {}
              } else {
                stryCov_9fa48("196");
                const v = minViolation(name, min, container);
                if (stryMutAct_9fa48("198") ? false : stryMutAct_9fa48("197") ? true : (stryCov_9fa48("197", "198"), v)) violations.push(v);
              }
            }
            for (const [name, max] of Object.entries(item.max)) {
              if (stryMutAct_9fa48("199")) {
                {}
              } else {
                stryCov_9fa48("199");
                const v = maxViolation(name, max, container);
                if (stryMutAct_9fa48("201") ? false : stryMutAct_9fa48("200") ? true : (stryCov_9fa48("200", "201"), v)) violations.push(v);
              }
            }
            for (const [name, ratio] of Object.entries(item.maxLimitRequestRatio)) {
              if (stryMutAct_9fa48("202")) {
                {}
              } else {
                stryCov_9fa48("202");
                const v = ratioViolation(name, ratio, container);
                if (stryMutAct_9fa48("204") ? false : stryMutAct_9fa48("203") ? true : (stryCov_9fa48("203", "204"), v)) violations.push(v);
              }
            }
          }
        }
      }
    }
    return violations;
  }
}
const REQUIREMENT_KEYS = ['cpu', 'memory'] as const;

/**
 * A defaulted limit below an explicit request makes the pod invalid (422) before the LimitRanger
 * validates. Source: pkg/apis/core/validation/validation.go ValidateResourceRequirements.
 */
export function requestAboveLimit(pod: ResolvedPod): string | undefined {
  if (stryMutAct_9fa48("205")) {
    {}
  } else {
    stryCov_9fa48("205");
    for (const container of stryMutAct_9fa48("206") ? [] : (stryCov_9fa48("206"), [...pod.containers, ...pod.initContainers])) {
      if (stryMutAct_9fa48("207")) {
        {}
      } else {
        stryCov_9fa48("207");
        for (const [name, request] of Object.entries(container.requests)) {
          if (stryMutAct_9fa48("208")) {
            {}
          } else {
            stryCov_9fa48("208");
            if (stryMutAct_9fa48("211") ? name in container.limits || request > container.limits[name] : stryMutAct_9fa48("210") ? false : stryMutAct_9fa48("209") ? true : (stryCov_9fa48("209", "210", "211"), name in container.limits && (stryMutAct_9fa48("214") ? request <= container.limits[name] : stryMutAct_9fa48("213") ? request >= container.limits[name] : stryMutAct_9fa48("212") ? true : (stryCov_9fa48("212", "213", "214"), request > container.limits[name])))) return stryMutAct_9fa48("215") ? `` : (stryCov_9fa48("215"), `must be less than or equal to ${name} limit`);
          }
        }
      }
    }
    return undefined;
  }
}

/** Expectations: admitted or rejected with each violation, the annotation, and defaulted amounts. */
export function expectLimitRange(scenario: LimitRangeScenario, capabilities: Capabilities, _options: ModelOptions): Expectation {
  if (stryMutAct_9fa48("216")) {
    {}
  } else {
    stryCov_9fa48("216");
    const p = scenario.pod.name;
    const fields: Record<string, FieldExpectation> = {};
    const stored = resolvePod(scenario.pod, capabilities.sidecars);
    // API defaulting (requests from limits) happens at decode, before the LimitRanger runs.
    const mutation = applyLimitRangeDefaults(stored, scenario.limitRange);
    const invalid = requestAboveLimit(mutation.pod);
    if (stryMutAct_9fa48("218") ? false : stryMutAct_9fa48("217") ? true : (stryCov_9fa48("217", "218"), invalid)) {
      if (stryMutAct_9fa48("219")) {
        {}
      } else {
        stryCov_9fa48("219");
        fields[stryMutAct_9fa48("220") ? `` : (stryCov_9fa48("220"), `${p}.admitted`)] = equals(stryMutAct_9fa48("221") ? true : (stryCov_9fa48("221"), false), stryMutAct_9fa48("222") ? "" : (stryCov_9fa48("222"), 'limitrange.default-limit-below-request'), invalid);
        fields[stryMutAct_9fa48("223") ? `` : (stryCov_9fa48("223"), `${p}.status`)] = equals(422, stryMutAct_9fa48("224") ? "" : (stryCov_9fa48("224"), 'limitrange.default-limit-below-request'), stryMutAct_9fa48("225") ? "" : (stryCov_9fa48("225"), 'pod validation runs after defaults'));
        fields[stryMutAct_9fa48("226") ? `` : (stryCov_9fa48("226"), `${p}.reason`)] = contains(stryMutAct_9fa48("227") ? [] : (stryCov_9fa48("227"), [invalid]), stryMutAct_9fa48("228") ? "" : (stryCov_9fa48("228"), 'limitrange.default-limit-below-request'), stryMutAct_9fa48("229") ? "" : (stryCov_9fa48("229"), 'a default limit under the request'));
        return stryMutAct_9fa48("230") ? {} : (stryCov_9fa48("230"), {
          family: stryMutAct_9fa48("231") ? "" : (stryCov_9fa48("231"), 'limitrange'),
          fields
        });
      }
    }
    const violations = limitRangeViolations(mutation.pod, scenario.limitRange);
    if (stryMutAct_9fa48("235") ? violations.length <= 0 : stryMutAct_9fa48("234") ? violations.length >= 0 : stryMutAct_9fa48("233") ? false : stryMutAct_9fa48("232") ? true : (stryCov_9fa48("232", "233", "234", "235"), violations.length > 0)) {
      if (stryMutAct_9fa48("236")) {
        {}
      } else {
        stryCov_9fa48("236");
        const because = stryMutAct_9fa48("237") ? `` : (stryCov_9fa48("237"), `${violations.length} constraint(s) violated after defaults`);
        fields[stryMutAct_9fa48("238") ? `` : (stryCov_9fa48("238"), `${p}.admitted`)] = equals(stryMutAct_9fa48("239") ? true : (stryCov_9fa48("239"), false), stryMutAct_9fa48("240") ? "" : (stryCov_9fa48("240"), 'limitrange.constraint-rejected'), because);
        fields[stryMutAct_9fa48("241") ? `` : (stryCov_9fa48("241"), `${p}.status`)] = equals(403, stryMutAct_9fa48("242") ? "" : (stryCov_9fa48("242"), 'limitrange.constraint-rejected'), stryMutAct_9fa48("243") ? "" : (stryCov_9fa48("243"), 'LimitRanger answers Forbidden'));
        fields[stryMutAct_9fa48("244") ? `` : (stryCov_9fa48("244"), `${p}.reason`)] = contains(violations, stryMutAct_9fa48("245") ? "" : (stryCov_9fa48("245"), 'limitrange.constraint-rejected'), because);
        return stryMutAct_9fa48("246") ? {} : (stryCov_9fa48("246"), {
          family: stryMutAct_9fa48("247") ? "" : (stryCov_9fa48("247"), 'limitrange'),
          fields
        });
      }
    }
    fields[stryMutAct_9fa48("248") ? `` : (stryCov_9fa48("248"), `${p}.admitted`)] = equals(stryMutAct_9fa48("249") ? false : (stryCov_9fa48("249"), true), stryMutAct_9fa48("250") ? "" : (stryCov_9fa48("250"), 'limitrange.constraint-rejected'), stryMutAct_9fa48("251") ? "" : (stryCov_9fa48("251"), 'within min/max/ratio after defaults'));
    fields[stryMutAct_9fa48("252") ? `` : (stryCov_9fa48("252"), `${p}.limitRangerAnnotation`)] = equals(mutation.annotation, stryMutAct_9fa48("253") ? "" : (stryCov_9fa48("253"), 'limitrange.defaults-annotated'), (stryMutAct_9fa48("256") ? mutation.annotation !== null : stryMutAct_9fa48("255") ? false : stryMutAct_9fa48("254") ? true : (stryCov_9fa48("254", "255", "256"), mutation.annotation === null)) ? stryMutAct_9fa48("257") ? "" : (stryCov_9fa48("257"), 'nothing defaulted') : stryMutAct_9fa48("258") ? "" : (stryCov_9fa48("258"), 'defaults applied'));
    for (const container of stryMutAct_9fa48("259") ? [] : (stryCov_9fa48("259"), [...mutation.pod.containers, ...mutation.pod.initContainers])) {
      if (stryMutAct_9fa48("260")) {
        {}
      } else {
        stryCov_9fa48("260");
        for (const kind of ['requests', 'limits'] as const) {
          if (stryMutAct_9fa48("261")) {
            {}
          } else {
            stryCov_9fa48("261");
            for (const name of REQUIREMENT_KEYS) {
              if (stryMutAct_9fa48("262")) {
                {}
              } else {
                stryCov_9fa48("262");
                const value = container[kind][name];
                fields[stryMutAct_9fa48("263") ? `` : (stryCov_9fa48("263"), `${p}.${container.name}.${kind}.${name}`)] = equals(stryMutAct_9fa48("264") ? value && null : (stryCov_9fa48("264"), value ?? null), stryMutAct_9fa48("265") ? "" : (stryCov_9fa48("265"), 'limitrange.defaults-applied'), (stryMutAct_9fa48("268") ? value !== undefined : stryMutAct_9fa48("267") ? false : stryMutAct_9fa48("266") ? true : (stryCov_9fa48("266", "267", "268"), value === undefined)) ? stryMutAct_9fa48("269") ? "" : (stryCov_9fa48("269"), 'not set and no default') : stryMutAct_9fa48("270") ? `` : (stryCov_9fa48("270"), `${kind} ${name} after defaults`));
              }
            }
          }
        }
      }
    }
    return stryMutAct_9fa48("271") ? {} : (stryCov_9fa48("271"), {
      family: stryMutAct_9fa48("272") ? "" : (stryCov_9fa48("272"), 'limitrange'),
      fields
    });
  }
}