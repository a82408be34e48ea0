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
import type { ServerVersion } from '../capabilities';
import type { PodScenario, PodSecurityLabels, PodSecurityLevel, PodSecurityMode, PodSecurityModeSetting } from '../scenario';
import { BASELINE_CHECKS } from './baseline-checks';
import type { CheckFailure, PodSecurityCheck, PodSecurityCheckId } from './check';
import { RESTRICTED_CHECKS } from './restricted-checks';
export interface PodSecurityViolation extends CheckFailure {
  check: PodSecurityCheckId;
}

/**
 * The policy version a label selects: "latest" is the server's release, and a version newer than
 * the server is evaluated as latest (staging/src/k8s.io/pod-security-admission/api/helpers.go ParseVersion).
 */
export function policyMinor(setting: PodSecurityModeSetting, server: ServerVersion): number {
  if (stryMutAct_9fa48("664")) {
    {}
  } else {
    stryCov_9fa48("664");
    const match = (stryMutAct_9fa48("668") ? /^v1\.(\D+)$/ : stryMutAct_9fa48("667") ? /^v1\.(\d)$/ : stryMutAct_9fa48("666") ? /^v1\.(\d+)/ : stryMutAct_9fa48("665") ? /v1\.(\d+)$/ : (stryCov_9fa48("665", "666", "667", "668"), /^v1\.(\d+)$/)).exec(setting.version);
    return match ? stryMutAct_9fa48("669") ? Math.max(Number(match[1]), server.minor) : (stryCov_9fa48("669"), Math.min(Number(match[1]), server.minor)) : server.minor;
  }
}

/**
 * The checks a level runs at a policy version: baseline checks apply at both levels, restricted ones
 * add to them and replace the baseline check they override from their own version.
 * Source: staging/src/k8s.io/pod-security-admission/policy/registry.go populate.
 */
export function checksFor(level: PodSecurityLevel, minor: number): PodSecurityCheck[] {
  if (stryMutAct_9fa48("670")) {
    {}
  } else {
    stryCov_9fa48("670");
    if (stryMutAct_9fa48("673") ? level !== 'privileged' : stryMutAct_9fa48("672") ? false : stryMutAct_9fa48("671") ? true : (stryCov_9fa48("671", "672", "673"), level === (stryMutAct_9fa48("674") ? "" : (stryCov_9fa48("674"), 'privileged')))) return stryMutAct_9fa48("675") ? ["Stryker was here"] : (stryCov_9fa48("675"), []);
    const baseline = stryMutAct_9fa48("676") ? BASELINE_CHECKS : (stryCov_9fa48("676"), BASELINE_CHECKS.filter(stryMutAct_9fa48("677") ? () => undefined : (stryCov_9fa48("677"), c => stryMutAct_9fa48("681") ? c.sinceMinor > minor : stryMutAct_9fa48("680") ? c.sinceMinor < minor : stryMutAct_9fa48("679") ? false : stryMutAct_9fa48("678") ? true : (stryCov_9fa48("678", "679", "680", "681"), c.sinceMinor <= minor))));
    if (stryMutAct_9fa48("684") ? level !== 'baseline' : stryMutAct_9fa48("683") ? false : stryMutAct_9fa48("682") ? true : (stryCov_9fa48("682", "683", "684"), level === (stryMutAct_9fa48("685") ? "" : (stryCov_9fa48("685"), 'baseline')))) return baseline;
    const restricted = stryMutAct_9fa48("686") ? RESTRICTED_CHECKS : (stryCov_9fa48("686"), RESTRICTED_CHECKS.filter(stryMutAct_9fa48("687") ? () => undefined : (stryCov_9fa48("687"), c => stryMutAct_9fa48("691") ? c.sinceMinor > minor : stryMutAct_9fa48("690") ? c.sinceMinor < minor : stryMutAct_9fa48("689") ? false : stryMutAct_9fa48("688") ? true : (stryCov_9fa48("688", "689", "690", "691"), c.sinceMinor <= minor))));
    const overridden = new Set(stryMutAct_9fa48("692") ? restricted.map(c => c.overrides) : (stryCov_9fa48("692"), restricted.map(stryMutAct_9fa48("693") ? () => undefined : (stryCov_9fa48("693"), c => c.overrides)).filter(stryMutAct_9fa48("694") ? () => undefined : (stryCov_9fa48("694"), id => stryMutAct_9fa48("697") ? id === undefined : stryMutAct_9fa48("696") ? false : stryMutAct_9fa48("695") ? true : (stryCov_9fa48("695", "696", "697"), id !== undefined)))));
    return stryMutAct_9fa48("698") ? [] : (stryCov_9fa48("698"), [...(stryMutAct_9fa48("699") ? baseline : (stryCov_9fa48("699"), baseline.filter(stryMutAct_9fa48("700") ? () => undefined : (stryCov_9fa48("700"), c => stryMutAct_9fa48("701") ? overridden.has(c.id) : (stryCov_9fa48("701"), !overridden.has(c.id)))))), ...restricted]);
  }
}

/** Every failed check of the level's policy for this pod. */
export function evaluatePodSecurity(pod: PodScenario, level: PodSecurityLevel, minor: number, server: ServerVersion): PodSecurityViolation[] {
  if (stryMutAct_9fa48("702")) {
    {}
  } else {
    stryCov_9fa48("702");
    const context = stryMutAct_9fa48("703") ? {} : (stryCov_9fa48("703"), {
      pod,
      policyMinor: minor,
      serverMinor: server.minor
    });
    return checksFor(level, minor).flatMap(check => {
      if (stryMutAct_9fa48("704")) {
        {}
      } else {
        stryCov_9fa48("704");
        const failure = check.evaluate(context);
        return failure ? stryMutAct_9fa48("705") ? [] : (stryCov_9fa48("705"), [stryMutAct_9fa48("706") ? {} : (stryCov_9fa48("706"), {
          check: check.id,
          ...failure
        })]) : stryMutAct_9fa48("707") ? ["Stryker was here"] : (stryCov_9fa48("707"), []);
      }
    });
  }
}

/** `restricted:latest` as PSA prints a policy (api.Policy String). */
export function policyName(setting: PodSecurityModeSetting): string {
  if (stryMutAct_9fa48("708")) {
    {}
  } else {
    stryCov_9fa48("708");
    return stryMutAct_9fa48("709") ? `` : (stryCov_9fa48("709"), `${setting.level}:${setting.version}`);
  }
}

/** "<reason> (<detail>), ..." as in PSA's messages (policy.AggregateCheckResults ForbiddenDetail). */
export function violationsText(violations: PodSecurityViolation[]): string {
  if (stryMutAct_9fa48("710")) {
    {}
  } else {
    stryCov_9fa48("710");
    return violations.map(stryMutAct_9fa48("711") ? () => undefined : (stryCov_9fa48("711"), v => stryMutAct_9fa48("712") ? `` : (stryCov_9fa48("712"), `${v.reason} (${v.detail})`))).join(stryMutAct_9fa48("713") ? "" : (stryCov_9fa48("713"), ', '));
  }
}
export interface ModeOutcome {
  setting: PodSecurityModeSetting;
  violations: PodSecurityViolation[];
}
export interface PodSecurityDecision {
  allowed: boolean;
  /** The enforce policy's failures (empty when allowed). */
  enforce: ModeOutcome;
  /** Warning text returned to the client, only when the pod is admitted (admission.go EvaluatePod). */
  warning?: string;
  warn: ModeOutcome;
  /** Recorded as the audit annotation pod-security.kubernetes.io/audit-violations (audit log only). */
  audit: ModeOutcome;
  /** The Forbidden message's text after `pods "x" is forbidden: `. */
  rejection?: string;
}
const UNSET: PodSecurityModeSetting = stryMutAct_9fa48("714") ? {} : (stryCov_9fa48("714"), {
  level: stryMutAct_9fa48("715") ? "" : (stryCov_9fa48("715"), 'privileged'),
  version: stryMutAct_9fa48("716") ? "" : (stryCov_9fa48("716"), 'latest')
});
function outcome(pod: PodScenario, labels: PodSecurityLabels, mode: PodSecurityMode, server: ServerVersion): ModeOutcome {
  if (stryMutAct_9fa48("717")) {
    {}
  } else {
    stryCov_9fa48("717");
    const setting = stryMutAct_9fa48("718") ? labels[mode] && UNSET : (stryCov_9fa48("718"), labels[mode] ?? UNSET);
    return stryMutAct_9fa48("719") ? {} : (stryCov_9fa48("719"), {
      setting,
      violations: evaluatePodSecurity(pod, setting.level, policyMinor(setting, server), server)
    });
  }
}

/**
 * The decision per mode: enforce rejects, warn adds a warning to an admitted request, audit
 * annotates the audit event. An unset mode is privileged (the default configuration).
 * Source: staging/src/k8s.io/pod-security-admission/admission/admission.go EvaluatePod.
 */
export function podSecurityDecision(pod: PodScenario, labels: PodSecurityLabels, server: ServerVersion): PodSecurityDecision {
  if (stryMutAct_9fa48("720")) {
    {}
  } else {
    stryCov_9fa48("720");
    const enforce = outcome(pod, labels, stryMutAct_9fa48("721") ? "" : (stryCov_9fa48("721"), 'enforce'), server);
    const warn = outcome(pod, labels, stryMutAct_9fa48("722") ? "" : (stryCov_9fa48("722"), 'warn'), server);
    const audit = outcome(pod, labels, stryMutAct_9fa48("723") ? "" : (stryCov_9fa48("723"), 'audit'), server);
    const allowed = stryMutAct_9fa48("726") ? enforce.violations.length !== 0 : stryMutAct_9fa48("725") ? false : stryMutAct_9fa48("724") ? true : (stryCov_9fa48("724", "725", "726"), enforce.violations.length === 0);
    return stryMutAct_9fa48("727") ? {} : (stryCov_9fa48("727"), {
      allowed,
      enforce,
      warn,
      audit,
      rejection: allowed ? undefined : stryMutAct_9fa48("728") ? `` : (stryCov_9fa48("728"), `violates PodSecurity ${JSON.stringify(policyName(enforce.setting))}: ${violationsText(enforce.violations)}`),
      warning: (stryMutAct_9fa48("731") ? allowed || warn.violations.length > 0 : stryMutAct_9fa48("730") ? false : stryMutAct_9fa48("729") ? true : (stryCov_9fa48("729", "730", "731"), allowed && (stryMutAct_9fa48("734") ? warn.violations.length <= 0 : stryMutAct_9fa48("733") ? warn.violations.length >= 0 : stryMutAct_9fa48("732") ? true : (stryCov_9fa48("732", "733", "734"), warn.violations.length > 0)))) ? stryMutAct_9fa48("735") ? `` : (stryCov_9fa48("735"), `would violate PodSecurity ${JSON.stringify(policyName(warn.setting))}: ${violationsText(warn.violations)}`) : undefined
    });
  }
}

/**
 * Forbidden reasons → check id, for reading violations back out of messages. "seccompProfile" names
 * the restricted check when the policy is restricted, the baseline check otherwise.
 */
export const REASON_TO_CHECK: Record<string, PodSecurityCheckId> = stryMutAct_9fa48("736") ? {} : (stryCov_9fa48("736"), {
  'host namespaces': stryMutAct_9fa48("737") ? "" : (stryCov_9fa48("737"), 'hostNamespaces'),
  privileged: stryMutAct_9fa48("738") ? "" : (stryCov_9fa48("738"), 'privileged'),
  'non-default capabilities': stryMutAct_9fa48("739") ? "" : (stryCov_9fa48("739"), 'capabilities_baseline'),
  'hostPath volumes': stryMutAct_9fa48("740") ? "" : (stryCov_9fa48("740"), 'hostPathVolumes'),
  hostPort: stryMutAct_9fa48("741") ? "" : (stryCov_9fa48("741"), 'hostPorts'),
  'forbidden AppArmor profile': stryMutAct_9fa48("742") ? "" : (stryCov_9fa48("742"), 'appArmorProfile'),
  'forbidden AppArmor profiles': stryMutAct_9fa48("743") ? "" : (stryCov_9fa48("743"), 'appArmorProfile'),
  seLinuxOptions: stryMutAct_9fa48("744") ? "" : (stryCov_9fa48("744"), 'seLinuxOptions'),
  procMount: stryMutAct_9fa48("745") ? "" : (stryCov_9fa48("745"), 'procMount'),
  seccompProfile: stryMutAct_9fa48("746") ? "" : (stryCov_9fa48("746"), 'seccompProfile_baseline'),
  'forbidden sysctls': stryMutAct_9fa48("747") ? "" : (stryCov_9fa48("747"), 'sysctls'),
  'restricted volume types': stryMutAct_9fa48("748") ? "" : (stryCov_9fa48("748"), 'restrictedVolumes'),
  'allowPrivilegeEscalation != false': stryMutAct_9fa48("749") ? "" : (stryCov_9fa48("749"), 'allowPrivilegeEscalation'),
  'runAsNonRoot != true': stryMutAct_9fa48("750") ? "" : (stryCov_9fa48("750"), 'runAsNonRoot'),
  'runAsUser=0': stryMutAct_9fa48("751") ? "" : (stryCov_9fa48("751"), 'runAsUser'),
  'unrestricted capabilities': stryMutAct_9fa48("752") ? "" : (stryCov_9fa48("752"), 'capabilities_restricted')
});