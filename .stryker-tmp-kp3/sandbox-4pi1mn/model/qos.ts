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
  if (stryMutAct_9fa48("1047")) {
    {}
  } else {
    stryCov_9fa48("1047");
    const requests: Record<string, number> = {};
    const limits: Record<string, number> = {};
    let guaranteed = stryMutAct_9fa48("1048") ? false : (stryCov_9fa48("1048"), true);
    for (const container of allContainers(pod)) {
      if (stryMutAct_9fa48("1049")) {
        {}
      } else {
        stryCov_9fa48("1049");
        for (const name of QOS_RESOURCES) {
          if (stryMutAct_9fa48("1050")) {
            {}
          } else {
            stryCov_9fa48("1050");
            const request = stryMutAct_9fa48("1051") ? container.requests[name] && 0 : (stryCov_9fa48("1051"), container.requests[name] ?? 0);
            if (stryMutAct_9fa48("1055") ? request <= 0 : stryMutAct_9fa48("1054") ? request >= 0 : stryMutAct_9fa48("1053") ? false : stryMutAct_9fa48("1052") ? true : (stryCov_9fa48("1052", "1053", "1054", "1055"), request > 0)) requests[name] = stryMutAct_9fa48("1056") ? (requests[name] ?? 0) - request : (stryCov_9fa48("1056"), (stryMutAct_9fa48("1057") ? requests[name] && 0 : (stryCov_9fa48("1057"), requests[name] ?? 0)) + request);
            const limit = stryMutAct_9fa48("1058") ? container.limits[name] && 0 : (stryCov_9fa48("1058"), container.limits[name] ?? 0);
            if (stryMutAct_9fa48("1062") ? limit <= 0 : stryMutAct_9fa48("1061") ? limit >= 0 : stryMutAct_9fa48("1060") ? false : stryMutAct_9fa48("1059") ? true : (stryCov_9fa48("1059", "1060", "1061", "1062"), limit > 0)) limits[name] = stryMutAct_9fa48("1063") ? (limits[name] ?? 0) - limit : (stryCov_9fa48("1063"), (stryMutAct_9fa48("1064") ? limits[name] && 0 : (stryCov_9fa48("1064"), limits[name] ?? 0)) + limit);
          }
        }
        if (stryMutAct_9fa48("1067") ? false : stryMutAct_9fa48("1066") ? true : stryMutAct_9fa48("1065") ? QOS_RESOURCES.every(name => (container.limits[name] ?? 0) > 0) : (stryCov_9fa48("1065", "1066", "1067"), !(stryMutAct_9fa48("1068") ? QOS_RESOURCES.some(name => (container.limits[name] ?? 0) > 0) : (stryCov_9fa48("1068"), QOS_RESOURCES.every(stryMutAct_9fa48("1069") ? () => undefined : (stryCov_9fa48("1069"), name => stryMutAct_9fa48("1073") ? (container.limits[name] ?? 0) <= 0 : stryMutAct_9fa48("1072") ? (container.limits[name] ?? 0) >= 0 : stryMutAct_9fa48("1071") ? false : stryMutAct_9fa48("1070") ? true : (stryCov_9fa48("1070", "1071", "1072", "1073"), (stryMutAct_9fa48("1074") ? container.limits[name] && 0 : (stryCov_9fa48("1074"), container.limits[name] ?? 0)) > 0))))))) guaranteed = stryMutAct_9fa48("1075") ? true : (stryCov_9fa48("1075"), false);
      }
    }
    const requestNames = Object.keys(requests);
    if (stryMutAct_9fa48("1078") ? requestNames.length === 0 || Object.keys(limits).length === 0 : stryMutAct_9fa48("1077") ? false : stryMutAct_9fa48("1076") ? true : (stryCov_9fa48("1076", "1077", "1078"), (stryMutAct_9fa48("1080") ? requestNames.length !== 0 : stryMutAct_9fa48("1079") ? true : (stryCov_9fa48("1079", "1080"), requestNames.length === 0)) && (stryMutAct_9fa48("1082") ? Object.keys(limits).length !== 0 : stryMutAct_9fa48("1081") ? true : (stryCov_9fa48("1081", "1082"), Object.keys(limits).length === 0)))) return stryMutAct_9fa48("1083") ? "" : (stryCov_9fa48("1083"), 'BestEffort');
    if (stryMutAct_9fa48("1086") ? guaranteed && requestNames.every(name => limits[name] === requests[name]) || requestNames.length === Object.keys(limits).length : stryMutAct_9fa48("1085") ? false : stryMutAct_9fa48("1084") ? true : (stryCov_9fa48("1084", "1085", "1086"), (stryMutAct_9fa48("1088") ? guaranteed || requestNames.every(name => limits[name] === requests[name]) : stryMutAct_9fa48("1087") ? true : (stryCov_9fa48("1087", "1088"), guaranteed && (stryMutAct_9fa48("1089") ? requestNames.some(name => limits[name] === requests[name]) : (stryCov_9fa48("1089"), requestNames.every(stryMutAct_9fa48("1090") ? () => undefined : (stryCov_9fa48("1090"), name => stryMutAct_9fa48("1093") ? limits[name] !== requests[name] : stryMutAct_9fa48("1092") ? false : stryMutAct_9fa48("1091") ? true : (stryCov_9fa48("1091", "1092", "1093"), limits[name] === requests[name]))))))) && (stryMutAct_9fa48("1095") ? requestNames.length !== Object.keys(limits).length : stryMutAct_9fa48("1094") ? true : (stryCov_9fa48("1094", "1095"), requestNames.length === Object.keys(limits).length)))) {
      if (stryMutAct_9fa48("1096")) {
        {}
      } else {
        stryCov_9fa48("1096");
        return stryMutAct_9fa48("1097") ? "" : (stryCov_9fa48("1097"), 'Guaranteed');
      }
    }
    return stryMutAct_9fa48("1098") ? "" : (stryCov_9fa48("1098"), 'Burstable');
  }
}