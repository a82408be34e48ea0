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
import type { ContainerScenario, PodScenario, PodSecurityLevel } from '../scenario';

/** Check ids as upstream names them (staging/src/k8s.io/pod-security-admission/policy/check_*.go). */
export type PodSecurityCheckId = 'hostNamespaces' | 'privileged' | 'capabilities_baseline' | 'hostPathVolumes' | 'hostPorts' | 'appArmorProfile' | 'seLinuxOptions' | 'procMount' | 'seccompProfile_baseline' | 'sysctls' | 'restrictedVolumes' | 'allowPrivilegeEscalation' | 'runAsNonRoot' | 'runAsUser' | 'seccompProfile_restricted' | 'capabilities_restricted';
export interface CheckContext {
  pod: PodScenario;
  /** Minor version of the policy being evaluated (the -version label, capped at the server's). */
  policyMinor: number;
  /** Minor version of the server: decides which pod fields exist at all. */
  serverMinor: number;
}

/** A failed check as PSA reports it: "<reason> (<detail>)". */
export interface CheckFailure {
  reason: string;
  detail: string;
}
export interface PodSecurityCheck {
  id: PodSecurityCheckId;
  level: Exclude<PodSecurityLevel, 'privileged'>;
  /** First policy version the check exists in. */
  sinceMinor: number;
  /** A restricted check that replaces a baseline check from its own sinceMinor (registry.go populate). */
  overrides?: PodSecurityCheckId;
  evaluate(context: CheckContext): CheckFailure | undefined;
}

/** Init containers, then app containers (policy/visitor.go visitContainers). */
export function everyContainer(pod: PodScenario): ContainerScenario[] {
  if (stryMutAct_9fa48("586")) {
    {}
  } else {
    stryCov_9fa48("586");
    return stryMutAct_9fa48("587") ? [] : (stryCov_9fa48("587"), [...pod.initContainers, ...pod.containers]);
  }
}

/** `container "a"` / `containers "a", "b"` (policy/helpers.go pluralize + joinQuote). */
export function containersPhrase(names: string[]): string {
  if (stryMutAct_9fa48("588")) {
    {}
  } else {
    stryCov_9fa48("588");
    return stryMutAct_9fa48("589") ? `` : (stryCov_9fa48("589"), `${(stryMutAct_9fa48("592") ? names.length !== 1 : stryMutAct_9fa48("591") ? false : stryMutAct_9fa48("590") ? true : (stryCov_9fa48("590", "591", "592"), names.length === 1)) ? stryMutAct_9fa48("593") ? "" : (stryCov_9fa48("593"), 'container') : stryMutAct_9fa48("594") ? "" : (stryCov_9fa48("594"), 'containers')} ${joinQuote(names)}`);
  }
}
export function joinQuote(values: string[]): string {
  if (stryMutAct_9fa48("595")) {
    {}
  } else {
    stryCov_9fa48("595");
    return values.map(stryMutAct_9fa48("596") ? () => undefined : (stryCov_9fa48("596"), v => JSON.stringify(v))).join(stryMutAct_9fa48("597") ? "" : (stryCov_9fa48("597"), ', '));
  }
}