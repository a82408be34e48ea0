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
import type { Capabilities } from '../capabilities';
import type { Expectation, FieldExpectation, ModelOptions } from '../expectation';
import { contains, equals, field } from '../resources-field';
import type { PodSecurityScenario } from '../scenario';
import { podSecurityDecision, policyName, type PodSecurityViolation } from './policy';
function ruleOf(violations: PodSecurityViolation[]): string {
  if (stryMutAct_9fa48("598")) {
    {}
  } else {
    stryCov_9fa48("598");
    return (stryMutAct_9fa48("601") ? violations.length !== 1 : stryMutAct_9fa48("600") ? false : stryMutAct_9fa48("599") ? true : (stryCov_9fa48("599", "600", "601"), violations.length === 1)) ? stryMutAct_9fa48("602") ? `` : (stryCov_9fa48("602"), `podsecurity.${violations[0].check}`) : stryMutAct_9fa48("603") ? "" : (stryCov_9fa48("603"), 'podsecurity.enforce-rejects');
  }
}

/** Message parts stable across releases: the policy and "<reason> (" of each failed check. */
function reasonParts(header: string, violations: PodSecurityViolation[]): string[] {
  if (stryMutAct_9fa48("604")) {
    {}
  } else {
    stryCov_9fa48("604");
    return stryMutAct_9fa48("605") ? [] : (stryCov_9fa48("605"), [header, ...new Set(violations.map(stryMutAct_9fa48("606") ? () => undefined : (stryCov_9fa48("606"), v => stryMutAct_9fa48("607") ? `` : (stryCov_9fa48("607"), `${v.reason} (`))))]);
  }
}

/**
 * Expectations for one pod created in a namespace with Pod Security labels: `<pod>.admitted`,
 * `<pod>.enforce.violations` and `<pod>.reason` when rejected, `<pod>.warn.violations` and
 * `<pod>.warn.message` when admitted under a warn label. Audit annotations reach only the audit log,
 * which kubeprop does not read, so they are computed (podSecurityDecision) but not expected here.
 */
export function expectPodSecurity(scenario: PodSecurityScenario, capabilities: Capabilities, _options: ModelOptions): Expectation {
  if (stryMutAct_9fa48("608")) {
    {}
  } else {
    stryCov_9fa48("608");
    const p = scenario.pod.name;
    const decision = podSecurityDecision(scenario.pod, scenario.labels, capabilities.version);
    const fields: Record<string, FieldExpectation> = {};
    const enforceName = policyName(decision.enforce.setting);
    if (stryMutAct_9fa48("611") ? false : stryMutAct_9fa48("610") ? true : stryMutAct_9fa48("609") ? decision.allowed : (stryCov_9fa48("609", "610", "611"), !decision.allowed)) {
      if (stryMutAct_9fa48("612")) {
        {}
      } else {
        stryCov_9fa48("612");
        const violations = decision.enforce.violations;
        const because = stryMutAct_9fa48("613") ? `` : (stryCov_9fa48("613"), `${enforceName}: ${violations.map(stryMutAct_9fa48("614") ? () => undefined : (stryCov_9fa48("614"), v => v.check)).join(stryMutAct_9fa48("615") ? "" : (stryCov_9fa48("615"), ', '))}`);
        fields[stryMutAct_9fa48("616") ? `` : (stryCov_9fa48("616"), `${p}.admitted`)] = equals(stryMutAct_9fa48("617") ? true : (stryCov_9fa48("617"), false), stryMutAct_9fa48("618") ? "" : (stryCov_9fa48("618"), 'podsecurity.enforce-rejects'), because);
        fields[stryMutAct_9fa48("619") ? `` : (stryCov_9fa48("619"), `${p}.status`)] = equals(403, stryMutAct_9fa48("620") ? "" : (stryCov_9fa48("620"), 'podsecurity.enforce-rejects'), stryMutAct_9fa48("621") ? "" : (stryCov_9fa48("621"), 'PodSecurity answers Forbidden'));
        fields[stryMutAct_9fa48("622") ? `` : (stryCov_9fa48("622"), `${p}.enforce.violations`)] = field(stryMutAct_9fa48("623") ? {} : (stryCov_9fa48("623"), {
          kind: stryMutAct_9fa48("624") ? "" : (stryCov_9fa48("624"), 'setEquals'),
          values: violations.map(stryMutAct_9fa48("625") ? () => undefined : (stryCov_9fa48("625"), v => v.check))
        }), ruleOf(violations), because);
        fields[stryMutAct_9fa48("626") ? `` : (stryCov_9fa48("626"), `${p}.reason`)] = contains(reasonParts(stryMutAct_9fa48("627") ? `` : (stryCov_9fa48("627"), `violates PodSecurity ${JSON.stringify(enforceName)}`), violations), stryMutAct_9fa48("628") ? "" : (stryCov_9fa48("628"), 'podsecurity.enforce-rejects'), because);
        return stryMutAct_9fa48("629") ? {} : (stryCov_9fa48("629"), {
          family: stryMutAct_9fa48("630") ? "" : (stryCov_9fa48("630"), 'podsecurity'),
          fields
        });
      }
    }
    fields[stryMutAct_9fa48("631") ? `` : (stryCov_9fa48("631"), `${p}.admitted`)] = equals(stryMutAct_9fa48("632") ? false : (stryCov_9fa48("632"), true), stryMutAct_9fa48("633") ? "" : (stryCov_9fa48("633"), 'podsecurity.enforce-admits'), stryMutAct_9fa48("634") ? `` : (stryCov_9fa48("634"), `${enforceName}: no failed check`));
    if (stryMutAct_9fa48("637") ? scenario.labels.warn || scenario.labels.warn.level !== 'privileged' : stryMutAct_9fa48("636") ? false : stryMutAct_9fa48("635") ? true : (stryCov_9fa48("635", "636", "637"), scenario.labels.warn && (stryMutAct_9fa48("639") ? scenario.labels.warn.level === 'privileged' : stryMutAct_9fa48("638") ? true : (stryCov_9fa48("638", "639"), scenario.labels.warn.level !== (stryMutAct_9fa48("640") ? "" : (stryCov_9fa48("640"), 'privileged')))))) {
      if (stryMutAct_9fa48("641")) {
        {}
      } else {
        stryCov_9fa48("641");
        const warnName = policyName(decision.warn.setting);
        const violations = decision.warn.violations;
        const because = stryMutAct_9fa48("642") ? `` : (stryCov_9fa48("642"), `${warnName}: ${stryMutAct_9fa48("645") ? violations.map(v => v.check).join(', ') && 'no failed check' : stryMutAct_9fa48("644") ? false : stryMutAct_9fa48("643") ? true : (stryCov_9fa48("643", "644", "645"), violations.map(stryMutAct_9fa48("646") ? () => undefined : (stryCov_9fa48("646"), v => v.check)).join(stryMutAct_9fa48("647") ? "" : (stryCov_9fa48("647"), ', ')) || (stryMutAct_9fa48("648") ? "" : (stryCov_9fa48("648"), 'no failed check')))}`);
        fields[stryMutAct_9fa48("649") ? `` : (stryCov_9fa48("649"), `${p}.warn.violations`)] = field(stryMutAct_9fa48("650") ? {} : (stryCov_9fa48("650"), {
          kind: stryMutAct_9fa48("651") ? "" : (stryCov_9fa48("651"), 'setEquals'),
          values: violations.map(stryMutAct_9fa48("652") ? () => undefined : (stryCov_9fa48("652"), v => v.check))
        }), stryMutAct_9fa48("653") ? "" : (stryCov_9fa48("653"), 'podsecurity.warn-warns'), because);
        if (stryMutAct_9fa48("657") ? violations.length <= 0 : stryMutAct_9fa48("656") ? violations.length >= 0 : stryMutAct_9fa48("655") ? false : stryMutAct_9fa48("654") ? true : (stryCov_9fa48("654", "655", "656", "657"), violations.length > 0)) {
          if (stryMutAct_9fa48("658")) {
            {}
          } else {
            stryCov_9fa48("658");
            fields[stryMutAct_9fa48("659") ? `` : (stryCov_9fa48("659"), `${p}.warn.message`)] = contains(reasonParts(stryMutAct_9fa48("660") ? `` : (stryCov_9fa48("660"), `would violate PodSecurity ${JSON.stringify(warnName)}`), violations), stryMutAct_9fa48("661") ? "" : (stryCov_9fa48("661"), 'podsecurity.warn-warns'), because);
          }
        }
      }
    }
    return stryMutAct_9fa48("662") ? {} : (stryCov_9fa48("662"), {
      family: stryMutAct_9fa48("663") ? "" : (stryCov_9fa48("663"), 'podsecurity'),
      fields
    });
  }
}