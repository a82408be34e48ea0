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
import { containersPhrase, everyContainer, joinQuote, type PodSecurityCheck } from './check';
import { volumeNames } from './baseline-checks';
import type { VolumeKind } from '../scenario';

/** check_restrictedVolumes.go restrictedVolumes_1_0: the volume types restricted pods may use. */
export const RESTRICTED_ALLOWED_VOLUMES = new Set<VolumeKind>(stryMutAct_9fa48("753") ? [] : (stryCov_9fa48("753"), [stryMutAct_9fa48("754") ? "" : (stryCov_9fa48("754"), 'configMap'), stryMutAct_9fa48("755") ? "" : (stryCov_9fa48("755"), 'downwardAPI'), stryMutAct_9fa48("756") ? "" : (stryCov_9fa48("756"), 'emptyDir'), stryMutAct_9fa48("757") ? "" : (stryCov_9fa48("757"), 'ephemeral'), stryMutAct_9fa48("758") ? "" : (stryCov_9fa48("758"), 'persistentVolumeClaim'), stryMutAct_9fa48("759") ? "" : (stryCov_9fa48("759"), 'projected'), stryMutAct_9fa48("760") ? "" : (stryCov_9fa48("760"), 'secret')]));
function validSeccomp(type: string | undefined): boolean {
  if (stryMutAct_9fa48("761")) {
    {}
  } else {
    stryCov_9fa48("761");
    return stryMutAct_9fa48("764") ? type === 'RuntimeDefault' && type === 'Localhost' : stryMutAct_9fa48("763") ? false : stryMutAct_9fa48("762") ? true : (stryCov_9fa48("762", "763", "764"), (stryMutAct_9fa48("766") ? type !== 'RuntimeDefault' : stryMutAct_9fa48("765") ? false : (stryCov_9fa48("765", "766"), type === (stryMutAct_9fa48("767") ? "" : (stryCov_9fa48("767"), 'RuntimeDefault')))) || (stryMutAct_9fa48("769") ? type !== 'Localhost' : stryMutAct_9fa48("768") ? false : (stryCov_9fa48("768", "769"), type === (stryMutAct_9fa48("770") ? "" : (stryCov_9fa48("770"), 'Localhost')))));
  }
}
export const RESTRICTED_CHECKS: PodSecurityCheck[] = stryMutAct_9fa48("771") ? [] : (stryCov_9fa48("771"), [stryMutAct_9fa48("772") ? {} : (stryCov_9fa48("772"), {
  // check_restrictedVolumes.go restrictedVolumes_1_0 (overrides hostPathVolumes)
  id: stryMutAct_9fa48("773") ? "" : (stryCov_9fa48("773"), 'restrictedVolumes'),
  level: stryMutAct_9fa48("774") ? "" : (stryCov_9fa48("774"), 'restricted'),
  sinceMinor: 0,
  overrides: stryMutAct_9fa48("775") ? "" : (stryCov_9fa48("775"), 'hostPathVolumes'),
  evaluate: ({
    pod
  }) => {
    if (stryMutAct_9fa48("776")) {
      {}
    } else {
      stryCov_9fa48("776");
      const bad = stryMutAct_9fa48("777") ? volumeNames(pod.security?.volumes ?? []) : (stryCov_9fa48("777"), volumeNames(stryMutAct_9fa48("778") ? pod.security?.volumes && [] : (stryCov_9fa48("778"), (stryMutAct_9fa48("779") ? pod.security.volumes : (stryCov_9fa48("779"), pod.security?.volumes)) ?? (stryMutAct_9fa48("780") ? ["Stryker was here"] : (stryCov_9fa48("780"), [])))).filter(stryMutAct_9fa48("781") ? () => undefined : (stryCov_9fa48("781"), v => stryMutAct_9fa48("782") ? RESTRICTED_ALLOWED_VOLUMES.has(v.kind) : (stryCov_9fa48("782"), !RESTRICTED_ALLOWED_VOLUMES.has(v.kind)))));
      if (stryMutAct_9fa48("785") ? bad.length !== 0 : stryMutAct_9fa48("784") ? false : stryMutAct_9fa48("783") ? true : (stryCov_9fa48("783", "784", "785"), bad.length === 0)) return undefined;
      const types = stryMutAct_9fa48("786") ? [...new Set(bad.map(v => v.kind))] : (stryCov_9fa48("786"), (stryMutAct_9fa48("787") ? [] : (stryCov_9fa48("787"), [...new Set(bad.map(stryMutAct_9fa48("788") ? () => undefined : (stryCov_9fa48("788"), v => v.kind)))])).sort());
      return stryMutAct_9fa48("789") ? {} : (stryCov_9fa48("789"), {
        reason: stryMutAct_9fa48("790") ? "" : (stryCov_9fa48("790"), 'restricted volume types'),
        detail: stryMutAct_9fa48("791") ? `` : (stryCov_9fa48("791"), `${(stryMutAct_9fa48("794") ? bad.length !== 1 : stryMutAct_9fa48("793") ? false : stryMutAct_9fa48("792") ? true : (stryCov_9fa48("792", "793", "794"), bad.length === 1)) ? stryMutAct_9fa48("795") ? "" : (stryCov_9fa48("795"), 'volume') : stryMutAct_9fa48("796") ? "" : (stryCov_9fa48("796"), 'volumes')} ${joinQuote(bad.map(stryMutAct_9fa48("797") ? () => undefined : (stryCov_9fa48("797"), v => v.name)))} ${(stryMutAct_9fa48("800") ? bad.length !== 1 : stryMutAct_9fa48("799") ? false : stryMutAct_9fa48("798") ? true : (stryCov_9fa48("798", "799", "800"), bad.length === 1)) ? stryMutAct_9fa48("801") ? "" : (stryCov_9fa48("801"), 'uses') : stryMutAct_9fa48("802") ? "" : (stryCov_9fa48("802"), 'use')} ${(stryMutAct_9fa48("805") ? types.length !== 1 : stryMutAct_9fa48("804") ? false : stryMutAct_9fa48("803") ? true : (stryCov_9fa48("803", "804", "805"), types.length === 1)) ? stryMutAct_9fa48("806") ? "" : (stryCov_9fa48("806"), 'restricted volume type') : stryMutAct_9fa48("807") ? "" : (stryCov_9fa48("807"), 'restricted volume types')} ${joinQuote(types)}`)
      });
    }
  }
}), stryMutAct_9fa48("808") ? {} : (stryCov_9fa48("808"), {
  // check_allowPrivilegeEscalation.go allowPrivilegeEscalation_1_8: must be explicitly false
  id: stryMutAct_9fa48("809") ? "" : (stryCov_9fa48("809"), 'allowPrivilegeEscalation'),
  level: stryMutAct_9fa48("810") ? "" : (stryCov_9fa48("810"), 'restricted'),
  sinceMinor: 8,
  evaluate: ({
    pod
  }) => {
    if (stryMutAct_9fa48("811")) {
      {}
    } else {
      stryCov_9fa48("811");
      const bad = stryMutAct_9fa48("812") ? everyContainer(pod).map(c => c.name) : (stryCov_9fa48("812"), everyContainer(pod).filter(stryMutAct_9fa48("813") ? () => undefined : (stryCov_9fa48("813"), c => stryMutAct_9fa48("816") ? c.security?.allowPrivilegeEscalation === false : stryMutAct_9fa48("815") ? false : stryMutAct_9fa48("814") ? true : (stryCov_9fa48("814", "815", "816"), (stryMutAct_9fa48("817") ? c.security.allowPrivilegeEscalation : (stryCov_9fa48("817"), c.security?.allowPrivilegeEscalation)) !== (stryMutAct_9fa48("818") ? true : (stryCov_9fa48("818"), false))))).map(stryMutAct_9fa48("819") ? () => undefined : (stryCov_9fa48("819"), c => c.name)));
      return (stryMutAct_9fa48("823") ? bad.length <= 0 : stryMutAct_9fa48("822") ? bad.length >= 0 : stryMutAct_9fa48("821") ? false : stryMutAct_9fa48("820") ? true : (stryCov_9fa48("820", "821", "822", "823"), bad.length > 0)) ? stryMutAct_9fa48("824") ? {} : (stryCov_9fa48("824"), {
        reason: stryMutAct_9fa48("825") ? "" : (stryCov_9fa48("825"), 'allowPrivilegeEscalation != false'),
        detail: stryMutAct_9fa48("826") ? `` : (stryCov_9fa48("826"), `${containersPhrase(bad)} must set securityContext.allowPrivilegeEscalation=false`)
      }) : undefined;
    }
  }
}), stryMutAct_9fa48("827") ? {} : (stryCov_9fa48("827"), {
  // check_runAsNonRoot.go runAsNonRoot_1_0: pod true covers containers that leave it unset
  id: stryMutAct_9fa48("828") ? "" : (stryCov_9fa48("828"), 'runAsNonRoot'),
  level: stryMutAct_9fa48("829") ? "" : (stryCov_9fa48("829"), 'restricted'),
  sinceMinor: 0,
  evaluate: ({
    pod
  }) => {
    if (stryMutAct_9fa48("830")) {
      {}
    } else {
      stryCov_9fa48("830");
      const podSetting = stryMutAct_9fa48("831") ? pod.security.runAsNonRoot : (stryCov_9fa48("831"), pod.security?.runAsNonRoot);
      const explicit = stryMutAct_9fa48("832") ? everyContainer(pod) : (stryCov_9fa48("832"), everyContainer(pod).filter(stryMutAct_9fa48("833") ? () => undefined : (stryCov_9fa48("833"), c => stryMutAct_9fa48("836") ? c.security?.runAsNonRoot !== false : stryMutAct_9fa48("835") ? false : stryMutAct_9fa48("834") ? true : (stryCov_9fa48("834", "835", "836"), (stryMutAct_9fa48("837") ? c.security.runAsNonRoot : (stryCov_9fa48("837"), c.security?.runAsNonRoot)) === (stryMutAct_9fa48("838") ? true : (stryCov_9fa48("838"), false))))));
      const implicit = stryMutAct_9fa48("839") ? everyContainer(pod) : (stryCov_9fa48("839"), everyContainer(pod).filter(stryMutAct_9fa48("840") ? () => undefined : (stryCov_9fa48("840"), c => stryMutAct_9fa48("843") ? c.security?.runAsNonRoot === undefined || podSetting !== true : stryMutAct_9fa48("842") ? false : stryMutAct_9fa48("841") ? true : (stryCov_9fa48("841", "842", "843"), (stryMutAct_9fa48("845") ? c.security?.runAsNonRoot !== undefined : stryMutAct_9fa48("844") ? true : (stryCov_9fa48("844", "845"), (stryMutAct_9fa48("846") ? c.security.runAsNonRoot : (stryCov_9fa48("846"), c.security?.runAsNonRoot)) === undefined)) && (stryMutAct_9fa48("848") ? podSetting === true : stryMutAct_9fa48("847") ? true : (stryCov_9fa48("847", "848"), podSetting !== (stryMutAct_9fa48("849") ? false : (stryCov_9fa48("849"), true))))))));
      if (stryMutAct_9fa48("852") ? podSetting !== false && explicit.length === 0 || implicit.length === 0 : stryMutAct_9fa48("851") ? false : stryMutAct_9fa48("850") ? true : (stryCov_9fa48("850", "851", "852"), (stryMutAct_9fa48("854") ? podSetting !== false || explicit.length === 0 : stryMutAct_9fa48("853") ? true : (stryCov_9fa48("853", "854"), (stryMutAct_9fa48("856") ? podSetting === false : stryMutAct_9fa48("855") ? true : (stryCov_9fa48("855", "856"), podSetting !== (stryMutAct_9fa48("857") ? true : (stryCov_9fa48("857"), false)))) && (stryMutAct_9fa48("859") ? explicit.length !== 0 : stryMutAct_9fa48("858") ? true : (stryCov_9fa48("858", "859"), explicit.length === 0)))) && (stryMutAct_9fa48("861") ? implicit.length !== 0 : stryMutAct_9fa48("860") ? true : (stryCov_9fa48("860", "861"), implicit.length === 0)))) return undefined;
      const setters = stryMutAct_9fa48("862") ? [podSetting === false ? 'pod' : '', explicit.length > 0 ? containersPhrase(explicit.map(c => c.name)) : ''] : (stryCov_9fa48("862"), (stryMutAct_9fa48("863") ? [] : (stryCov_9fa48("863"), [(stryMutAct_9fa48("866") ? podSetting !== false : stryMutAct_9fa48("865") ? false : stryMutAct_9fa48("864") ? true : (stryCov_9fa48("864", "865", "866"), podSetting === (stryMutAct_9fa48("867") ? true : (stryCov_9fa48("867"), false)))) ? stryMutAct_9fa48("868") ? "" : (stryCov_9fa48("868"), 'pod') : stryMutAct_9fa48("869") ? "Stryker was here!" : (stryCov_9fa48("869"), ''), (stryMutAct_9fa48("873") ? explicit.length <= 0 : stryMutAct_9fa48("872") ? explicit.length >= 0 : stryMutAct_9fa48("871") ? false : stryMutAct_9fa48("870") ? true : (stryCov_9fa48("870", "871", "872", "873"), explicit.length > 0)) ? containersPhrase(explicit.map(stryMutAct_9fa48("874") ? () => undefined : (stryCov_9fa48("874"), c => c.name))) : stryMutAct_9fa48("875") ? "Stryker was here!" : (stryCov_9fa48("875"), '')])).filter(Boolean));
      const details = stryMutAct_9fa48("876") ? [setters.length > 0 ? `${setters.join(' and ')} must not set securityContext.runAsNonRoot=false` : '', implicit.length > 0 ? `pod or ${containersPhrase(implicit.map(c => c.name))} must set securityContext.runAsNonRoot=true` : ''] : (stryCov_9fa48("876"), (stryMutAct_9fa48("877") ? [] : (stryCov_9fa48("877"), [(stryMutAct_9fa48("881") ? setters.length <= 0 : stryMutAct_9fa48("880") ? setters.length >= 0 : stryMutAct_9fa48("879") ? false : stryMutAct_9fa48("878") ? true : (stryCov_9fa48("878", "879", "880", "881"), setters.length > 0)) ? stryMutAct_9fa48("882") ? `` : (stryCov_9fa48("882"), `${setters.join(stryMutAct_9fa48("883") ? "" : (stryCov_9fa48("883"), ' and '))} must not set securityContext.runAsNonRoot=false`) : stryMutAct_9fa48("884") ? "Stryker was here!" : (stryCov_9fa48("884"), ''), (stryMutAct_9fa48("888") ? implicit.length <= 0 : stryMutAct_9fa48("887") ? implicit.length >= 0 : stryMutAct_9fa48("886") ? false : stryMutAct_9fa48("885") ? true : (stryCov_9fa48("885", "886", "887", "888"), implicit.length > 0)) ? stryMutAct_9fa48("889") ? `` : (stryCov_9fa48("889"), `pod or ${containersPhrase(implicit.map(stryMutAct_9fa48("890") ? () => undefined : (stryCov_9fa48("890"), c => c.name)))} must set securityContext.runAsNonRoot=true`) : stryMutAct_9fa48("891") ? "Stryker was here!" : (stryCov_9fa48("891"), '')])).filter(Boolean));
      return stryMutAct_9fa48("892") ? {} : (stryCov_9fa48("892"), {
        reason: stryMutAct_9fa48("893") ? "" : (stryCov_9fa48("893"), 'runAsNonRoot != true'),
        detail: details.join(stryMutAct_9fa48("894") ? "" : (stryCov_9fa48("894"), '; '))
      });
    }
  }
}), stryMutAct_9fa48("895") ? {} : (stryCov_9fa48("895"), {
  // check_runAsUser.go runAsUser_1_23: uid 0 set anywhere is forbidden
  id: stryMutAct_9fa48("896") ? "" : (stryCov_9fa48("896"), 'runAsUser'),
  level: stryMutAct_9fa48("897") ? "" : (stryCov_9fa48("897"), 'restricted'),
  sinceMinor: 23,
  evaluate: ({
    pod
  }) => {
    if (stryMutAct_9fa48("898")) {
      {}
    } else {
      stryCov_9fa48("898");
      const podBad = stryMutAct_9fa48("901") ? pod.security?.runAsUser !== 0 : stryMutAct_9fa48("900") ? false : stryMutAct_9fa48("899") ? true : (stryCov_9fa48("899", "900", "901"), (stryMutAct_9fa48("902") ? pod.security.runAsUser : (stryCov_9fa48("902"), pod.security?.runAsUser)) === 0);
      const bad = stryMutAct_9fa48("903") ? everyContainer(pod) : (stryCov_9fa48("903"), everyContainer(pod).filter(stryMutAct_9fa48("904") ? () => undefined : (stryCov_9fa48("904"), c => stryMutAct_9fa48("907") ? c.security?.runAsUser !== 0 : stryMutAct_9fa48("906") ? false : stryMutAct_9fa48("905") ? true : (stryCov_9fa48("905", "906", "907"), (stryMutAct_9fa48("908") ? c.security.runAsUser : (stryCov_9fa48("908"), c.security?.runAsUser)) === 0))));
      if (stryMutAct_9fa48("911") ? !podBad || bad.length === 0 : stryMutAct_9fa48("910") ? false : stryMutAct_9fa48("909") ? true : (stryCov_9fa48("909", "910", "911"), (stryMutAct_9fa48("912") ? podBad : (stryCov_9fa48("912"), !podBad)) && (stryMutAct_9fa48("914") ? bad.length !== 0 : stryMutAct_9fa48("913") ? true : (stryCov_9fa48("913", "914"), bad.length === 0)))) return undefined;
      const setters = stryMutAct_9fa48("915") ? [podBad ? 'pod' : '', bad.length > 0 ? containersPhrase(bad.map(c => c.name)) : ''] : (stryCov_9fa48("915"), (stryMutAct_9fa48("916") ? [] : (stryCov_9fa48("916"), [podBad ? stryMutAct_9fa48("917") ? "" : (stryCov_9fa48("917"), 'pod') : stryMutAct_9fa48("918") ? "Stryker was here!" : (stryCov_9fa48("918"), ''), (stryMutAct_9fa48("922") ? bad.length <= 0 : stryMutAct_9fa48("921") ? bad.length >= 0 : stryMutAct_9fa48("920") ? false : stryMutAct_9fa48("919") ? true : (stryCov_9fa48("919", "920", "921", "922"), bad.length > 0)) ? containersPhrase(bad.map(stryMutAct_9fa48("923") ? () => undefined : (stryCov_9fa48("923"), c => c.name))) : stryMutAct_9fa48("924") ? "Stryker was here!" : (stryCov_9fa48("924"), '')])).filter(Boolean));
      return stryMutAct_9fa48("925") ? {} : (stryCov_9fa48("925"), {
        reason: stryMutAct_9fa48("926") ? "" : (stryCov_9fa48("926"), 'runAsUser=0'),
        detail: stryMutAct_9fa48("927") ? `` : (stryCov_9fa48("927"), `${setters.join(stryMutAct_9fa48("928") ? "" : (stryCov_9fa48("928"), ' and '))} must not set runAsUser=0`)
      });
    }
  }
}), stryMutAct_9fa48("929") ? {} : (stryCov_9fa48("929"), {
  // check_seccompProfile_restricted.go seccompProfileRestricted_1_19 (overrides seccompProfile_baseline)
  id: stryMutAct_9fa48("930") ? "" : (stryCov_9fa48("930"), 'seccompProfile_restricted'),
  level: stryMutAct_9fa48("931") ? "" : (stryCov_9fa48("931"), 'restricted'),
  sinceMinor: 19,
  overrides: stryMutAct_9fa48("932") ? "" : (stryCov_9fa48("932"), 'seccompProfile_baseline'),
  evaluate: ({
    pod
  }) => {
    if (stryMutAct_9fa48("933")) {
      {}
    } else {
      stryCov_9fa48("933");
      const podType = stryMutAct_9fa48("934") ? pod.security.seccompProfile : (stryCov_9fa48("934"), pod.security?.seccompProfile);
      const podBad = stryMutAct_9fa48("937") ? podType !== undefined || !validSeccomp(podType) : stryMutAct_9fa48("936") ? false : stryMutAct_9fa48("935") ? true : (stryCov_9fa48("935", "936", "937"), (stryMutAct_9fa48("939") ? podType === undefined : stryMutAct_9fa48("938") ? true : (stryCov_9fa48("938", "939"), podType !== undefined)) && (stryMutAct_9fa48("940") ? validSeccomp(podType) : (stryCov_9fa48("940"), !validSeccomp(podType))));
      const podSet = stryMutAct_9fa48("943") ? podType !== undefined || !podBad : stryMutAct_9fa48("942") ? false : stryMutAct_9fa48("941") ? true : (stryCov_9fa48("941", "942", "943"), (stryMutAct_9fa48("945") ? podType === undefined : stryMutAct_9fa48("944") ? true : (stryCov_9fa48("944", "945"), podType !== undefined)) && (stryMutAct_9fa48("946") ? podBad : (stryCov_9fa48("946"), !podBad)));
      const explicit = stryMutAct_9fa48("947") ? everyContainer(pod) : (stryCov_9fa48("947"), everyContainer(pod).filter(stryMutAct_9fa48("948") ? () => undefined : (stryCov_9fa48("948"), c => stryMutAct_9fa48("951") ? c.security?.seccompProfile !== undefined || !validSeccomp(c.security.seccompProfile) : stryMutAct_9fa48("950") ? false : stryMutAct_9fa48("949") ? true : (stryCov_9fa48("949", "950", "951"), (stryMutAct_9fa48("953") ? c.security?.seccompProfile === undefined : stryMutAct_9fa48("952") ? true : (stryCov_9fa48("952", "953"), (stryMutAct_9fa48("954") ? c.security.seccompProfile : (stryCov_9fa48("954"), c.security?.seccompProfile)) !== undefined)) && (stryMutAct_9fa48("955") ? validSeccomp(c.security.seccompProfile) : (stryCov_9fa48("955"), !validSeccomp(c.security.seccompProfile)))))));
      const implicit = stryMutAct_9fa48("956") ? everyContainer(pod) : (stryCov_9fa48("956"), everyContainer(pod).filter(stryMutAct_9fa48("957") ? () => undefined : (stryCov_9fa48("957"), c => stryMutAct_9fa48("960") ? c.security?.seccompProfile === undefined || !podSet : stryMutAct_9fa48("959") ? false : stryMutAct_9fa48("958") ? true : (stryCov_9fa48("958", "959", "960"), (stryMutAct_9fa48("962") ? c.security?.seccompProfile !== undefined : stryMutAct_9fa48("961") ? true : (stryCov_9fa48("961", "962"), (stryMutAct_9fa48("963") ? c.security.seccompProfile : (stryCov_9fa48("963"), c.security?.seccompProfile)) === undefined)) && (stryMutAct_9fa48("964") ? podSet : (stryCov_9fa48("964"), !podSet))))));
      if (stryMutAct_9fa48("967") ? podBad && explicit.length > 0 : stryMutAct_9fa48("966") ? false : stryMutAct_9fa48("965") ? true : (stryCov_9fa48("965", "966", "967"), podBad || (stryMutAct_9fa48("970") ? explicit.length <= 0 : stryMutAct_9fa48("969") ? explicit.length >= 0 : stryMutAct_9fa48("968") ? false : (stryCov_9fa48("968", "969", "970"), explicit.length > 0)))) {
        if (stryMutAct_9fa48("971")) {
          {}
        } else {
          stryCov_9fa48("971");
          const setters = stryMutAct_9fa48("972") ? [] : (stryCov_9fa48("972"), [podBad ? stryMutAct_9fa48("973") ? "" : (stryCov_9fa48("973"), 'pod') : stryMutAct_9fa48("974") ? "Stryker was here!" : (stryCov_9fa48("974"), ''), (stryMutAct_9fa48("978") ? explicit.length <= 0 : stryMutAct_9fa48("977") ? explicit.length >= 0 : stryMutAct_9fa48("976") ? false : stryMutAct_9fa48("975") ? true : (stryCov_9fa48("975", "976", "977", "978"), explicit.length > 0)) ? containersPhrase(explicit.map(stryMutAct_9fa48("979") ? () => undefined : (stryCov_9fa48("979"), c => c.name))) : stryMutAct_9fa48("980") ? "Stryker was here!" : (stryCov_9fa48("980"), '')]);
          return stryMutAct_9fa48("981") ? {} : (stryCov_9fa48("981"), {
            reason: stryMutAct_9fa48("982") ? "" : (stryCov_9fa48("982"), 'seccompProfile'),
            detail: stryMutAct_9fa48("983") ? `` : (stryCov_9fa48("983"), `${stryMutAct_9fa48("984") ? setters.join(' and ') : (stryCov_9fa48("984"), setters.filter(Boolean).join(stryMutAct_9fa48("985") ? "" : (stryCov_9fa48("985"), ' and ')))} must not set securityContext.seccompProfile.type to "Unconfined"`)
          });
        }
      }
      return (stryMutAct_9fa48("989") ? implicit.length <= 0 : stryMutAct_9fa48("988") ? implicit.length >= 0 : stryMutAct_9fa48("987") ? false : stryMutAct_9fa48("986") ? true : (stryCov_9fa48("986", "987", "988", "989"), implicit.length > 0)) ? stryMutAct_9fa48("990") ? {} : (stryCov_9fa48("990"), {
        reason: stryMutAct_9fa48("991") ? "" : (stryCov_9fa48("991"), 'seccompProfile'),
        detail: stryMutAct_9fa48("992") ? `` : (stryCov_9fa48("992"), `pod or ${containersPhrase(implicit.map(stryMutAct_9fa48("993") ? () => undefined : (stryCov_9fa48("993"), c => c.name)))} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`)
      }) : undefined;
    }
  }
}), stryMutAct_9fa48("994") ? {} : (stryCov_9fa48("994"), {
  // check_capabilities_restricted.go capabilitiesRestricted_1_22 (overrides capabilities_baseline)
  id: stryMutAct_9fa48("995") ? "" : (stryCov_9fa48("995"), 'capabilities_restricted'),
  level: stryMutAct_9fa48("996") ? "" : (stryCov_9fa48("996"), 'restricted'),
  sinceMinor: 22,
  overrides: stryMutAct_9fa48("997") ? "" : (stryCov_9fa48("997"), 'capabilities_baseline'),
  evaluate: ({
    pod
  }) => {
    if (stryMutAct_9fa48("998")) {
      {}
    } else {
      stryCov_9fa48("998");
      const missingDrop = stryMutAct_9fa48("999") ? everyContainer(pod) : (stryCov_9fa48("999"), everyContainer(pod).filter(stryMutAct_9fa48("1000") ? () => undefined : (stryCov_9fa48("1000"), c => stryMutAct_9fa48("1001") ? (c.security?.capabilitiesDrop ?? []).includes('ALL') : (stryCov_9fa48("1001"), !(stryMutAct_9fa48("1002") ? c.security?.capabilitiesDrop && [] : (stryCov_9fa48("1002"), (stryMutAct_9fa48("1003") ? c.security.capabilitiesDrop : (stryCov_9fa48("1003"), c.security?.capabilitiesDrop)) ?? (stryMutAct_9fa48("1004") ? ["Stryker was here"] : (stryCov_9fa48("1004"), [])))).includes(stryMutAct_9fa48("1005") ? "" : (stryCov_9fa48("1005"), 'ALL'))))));
      const forbidden = new Set<string>();
      const adding = stryMutAct_9fa48("1006") ? everyContainer(pod) : (stryCov_9fa48("1006"), everyContainer(pod).filter(c => {
        if (stryMutAct_9fa48("1007")) {
          {}
        } else {
          stryCov_9fa48("1007");
          const extra = stryMutAct_9fa48("1008") ? c.security?.capabilitiesAdd ?? [] : (stryCov_9fa48("1008"), (stryMutAct_9fa48("1009") ? c.security?.capabilitiesAdd && [] : (stryCov_9fa48("1009"), (stryMutAct_9fa48("1010") ? c.security.capabilitiesAdd : (stryCov_9fa48("1010"), c.security?.capabilitiesAdd)) ?? (stryMutAct_9fa48("1011") ? ["Stryker was here"] : (stryCov_9fa48("1011"), [])))).filter(stryMutAct_9fa48("1012") ? () => undefined : (stryCov_9fa48("1012"), cap => stryMutAct_9fa48("1015") ? cap === 'NET_BIND_SERVICE' : stryMutAct_9fa48("1014") ? false : stryMutAct_9fa48("1013") ? true : (stryCov_9fa48("1013", "1014", "1015"), cap !== (stryMutAct_9fa48("1016") ? "" : (stryCov_9fa48("1016"), 'NET_BIND_SERVICE'))))));
          extra.forEach(stryMutAct_9fa48("1017") ? () => undefined : (stryCov_9fa48("1017"), cap => forbidden.add(cap)));
          return stryMutAct_9fa48("1021") ? extra.length <= 0 : stryMutAct_9fa48("1020") ? extra.length >= 0 : stryMutAct_9fa48("1019") ? false : stryMutAct_9fa48("1018") ? true : (stryCov_9fa48("1018", "1019", "1020", "1021"), extra.length > 0);
        }
      }));
      const details = stryMutAct_9fa48("1022") ? [missingDrop.length > 0 ? `${containersPhrase(missingDrop.map(c => c.name))} must set securityContext.capabilities.drop=["ALL"]` : '', adding.length > 0 ? `${containersPhrase(adding.map(c => c.name))} must not include ${joinQuote([...forbidden].sort())} in securityContext.capabilities.add` : ''] : (stryCov_9fa48("1022"), (stryMutAct_9fa48("1023") ? [] : (stryCov_9fa48("1023"), [(stryMutAct_9fa48("1027") ? missingDrop.length <= 0 : stryMutAct_9fa48("1026") ? missingDrop.length >= 0 : stryMutAct_9fa48("1025") ? false : stryMutAct_9fa48("1024") ? true : (stryCov_9fa48("1024", "1025", "1026", "1027"), missingDrop.length > 0)) ? stryMutAct_9fa48("1028") ? `` : (stryCov_9fa48("1028"), `${containersPhrase(missingDrop.map(stryMutAct_9fa48("1029") ? () => undefined : (stryCov_9fa48("1029"), c => c.name)))} must set securityContext.capabilities.drop=["ALL"]`) : stryMutAct_9fa48("1030") ? "Stryker was here!" : (stryCov_9fa48("1030"), ''), (stryMutAct_9fa48("1034") ? adding.length <= 0 : stryMutAct_9fa48("1033") ? adding.length >= 0 : stryMutAct_9fa48("1032") ? false : stryMutAct_9fa48("1031") ? true : (stryCov_9fa48("1031", "1032", "1033", "1034"), adding.length > 0)) ? stryMutAct_9fa48("1035") ? `` : (stryCov_9fa48("1035"), `${containersPhrase(adding.map(stryMutAct_9fa48("1036") ? () => undefined : (stryCov_9fa48("1036"), c => c.name)))} must not include ${joinQuote(stryMutAct_9fa48("1037") ? [...forbidden] : (stryCov_9fa48("1037"), (stryMutAct_9fa48("1038") ? [] : (stryCov_9fa48("1038"), [...forbidden])).sort()))} in securityContext.capabilities.add`) : stryMutAct_9fa48("1039") ? "Stryker was here!" : (stryCov_9fa48("1039"), '')])).filter(Boolean));
      return (stryMutAct_9fa48("1043") ? details.length <= 0 : stryMutAct_9fa48("1042") ? details.length >= 0 : stryMutAct_9fa48("1041") ? false : stryMutAct_9fa48("1040") ? true : (stryCov_9fa48("1040", "1041", "1042", "1043"), details.length > 0)) ? stryMutAct_9fa48("1044") ? {} : (stryCov_9fa48("1044"), {
        reason: stryMutAct_9fa48("1045") ? "" : (stryCov_9fa48("1045"), 'unrestricted capabilities'),
        detail: details.join(stryMutAct_9fa48("1046") ? "" : (stryCov_9fa48("1046"), '; '))
      }) : undefined;
    }
  }
})]);