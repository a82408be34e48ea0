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
import type { VolumeKind } from '../scenario';
import { containersPhrase, everyContainer, joinQuote, type PodSecurityCheck } from './check';

/** check_capabilities_baseline.go capabilities_allowed_1_0: the container runtime's default set. */
export const BASELINE_CAPABILITIES = new Set(stryMutAct_9fa48("273") ? [] : (stryCov_9fa48("273"), [stryMutAct_9fa48("274") ? "" : (stryCov_9fa48("274"), 'AUDIT_WRITE'), stryMutAct_9fa48("275") ? "" : (stryCov_9fa48("275"), 'CHOWN'), stryMutAct_9fa48("276") ? "" : (stryCov_9fa48("276"), 'DAC_OVERRIDE'), stryMutAct_9fa48("277") ? "" : (stryCov_9fa48("277"), 'FOWNER'), stryMutAct_9fa48("278") ? "" : (stryCov_9fa48("278"), 'FSETID'), stryMutAct_9fa48("279") ? "" : (stryCov_9fa48("279"), 'KILL'), stryMutAct_9fa48("280") ? "" : (stryCov_9fa48("280"), 'MKNOD'), stryMutAct_9fa48("281") ? "" : (stryCov_9fa48("281"), 'NET_BIND_SERVICE'), stryMutAct_9fa48("282") ? "" : (stryCov_9fa48("282"), 'SETFCAP'), stryMutAct_9fa48("283") ? "" : (stryCov_9fa48("283"), 'SETGID'), stryMutAct_9fa48("284") ? "" : (stryCov_9fa48("284"), 'SETPCAP'), stryMutAct_9fa48("285") ? "" : (stryCov_9fa48("285"), 'SETUID'), stryMutAct_9fa48("286") ? "" : (stryCov_9fa48("286"), 'SYS_CHROOT')]));

/** check_sysctls.go: the safe set grows with the policy version (1.0, 1.27, 1.29, 1.32). */
export function allowedSysctls(policyMinor: number): Set<string> {
  if (stryMutAct_9fa48("287")) {
    {}
  } else {
    stryCov_9fa48("287");
    const allowed = stryMutAct_9fa48("288") ? [] : (stryCov_9fa48("288"), [stryMutAct_9fa48("289") ? "" : (stryCov_9fa48("289"), 'kernel.shm_rmid_forced'), stryMutAct_9fa48("290") ? "" : (stryCov_9fa48("290"), 'net.ipv4.ip_local_port_range'), stryMutAct_9fa48("291") ? "" : (stryCov_9fa48("291"), 'net.ipv4.tcp_syncookies'), stryMutAct_9fa48("292") ? "" : (stryCov_9fa48("292"), 'net.ipv4.ping_group_range'), stryMutAct_9fa48("293") ? "" : (stryCov_9fa48("293"), 'net.ipv4.ip_unprivileged_port_start')]);
    if (stryMutAct_9fa48("297") ? policyMinor < 27 : stryMutAct_9fa48("296") ? policyMinor > 27 : stryMutAct_9fa48("295") ? false : stryMutAct_9fa48("294") ? true : (stryCov_9fa48("294", "295", "296", "297"), policyMinor >= 27)) allowed.push(stryMutAct_9fa48("298") ? "" : (stryCov_9fa48("298"), 'net.ipv4.ip_local_reserved_ports'));
    if (stryMutAct_9fa48("302") ? policyMinor < 29 : stryMutAct_9fa48("301") ? policyMinor > 29 : stryMutAct_9fa48("300") ? false : stryMutAct_9fa48("299") ? true : (stryCov_9fa48("299", "300", "301", "302"), policyMinor >= 29)) {
      if (stryMutAct_9fa48("303")) {
        {}
      } else {
        stryCov_9fa48("303");
        allowed.push(stryMutAct_9fa48("304") ? "" : (stryCov_9fa48("304"), 'net.ipv4.tcp_keepalive_time'), stryMutAct_9fa48("305") ? "" : (stryCov_9fa48("305"), 'net.ipv4.tcp_fin_timeout'), stryMutAct_9fa48("306") ? "" : (stryCov_9fa48("306"), 'net.ipv4.tcp_keepalive_intvl'), stryMutAct_9fa48("307") ? "" : (stryCov_9fa48("307"), 'net.ipv4.tcp_keepalive_probes'));
      }
    }
    if (stryMutAct_9fa48("311") ? policyMinor < 32 : stryMutAct_9fa48("310") ? policyMinor > 32 : stryMutAct_9fa48("309") ? false : stryMutAct_9fa48("308") ? true : (stryCov_9fa48("308", "309", "310", "311"), policyMinor >= 32)) allowed.push(stryMutAct_9fa48("312") ? "" : (stryCov_9fa48("312"), 'net.ipv4.tcp_rmem'), stryMutAct_9fa48("313") ? "" : (stryCov_9fa48("313"), 'net.ipv4.tcp_wmem'));
    return new Set(allowed);
  }
}

/** check_seLinuxOptions.go: allowed types (container_engine_t from policy 1.31). */
export function allowedSeLinuxTypes(policyMinor: number): Set<string> {
  if (stryMutAct_9fa48("314")) {
    {}
  } else {
    stryCov_9fa48("314");
    const types = stryMutAct_9fa48("315") ? [] : (stryCov_9fa48("315"), [stryMutAct_9fa48("316") ? "Stryker was here!" : (stryCov_9fa48("316"), ''), stryMutAct_9fa48("317") ? "" : (stryCov_9fa48("317"), 'container_t'), stryMutAct_9fa48("318") ? "" : (stryCov_9fa48("318"), 'container_init_t'), stryMutAct_9fa48("319") ? "" : (stryCov_9fa48("319"), 'container_kvm_t')]);
    if (stryMutAct_9fa48("323") ? policyMinor < 31 : stryMutAct_9fa48("322") ? policyMinor > 31 : stryMutAct_9fa48("321") ? false : stryMutAct_9fa48("320") ? true : (stryCov_9fa48("320", "321", "322", "323"), policyMinor >= 31)) types.push(stryMutAct_9fa48("324") ? "" : (stryCov_9fa48("324"), 'container_engine_t'));
    return new Set(types);
  }
}
function names(list: {
  name: string;
}[]): string[] {
  if (stryMutAct_9fa48("325")) {
    {}
  } else {
    stryCov_9fa48("325");
    return list.map(stryMutAct_9fa48("326") ? () => undefined : (stryCov_9fa48("326"), c => c.name));
  }
}
export const BASELINE_CHECKS: PodSecurityCheck[] = stryMutAct_9fa48("327") ? [] : (stryCov_9fa48("327"), [stryMutAct_9fa48("328") ? {} : (stryCov_9fa48("328"), {
  // check_hostNamespaces.go hostNamespaces_1_0
  id: stryMutAct_9fa48("329") ? "" : (stryCov_9fa48("329"), 'hostNamespaces'),
  level: stryMutAct_9fa48("330") ? "" : (stryCov_9fa48("330"), 'baseline'),
  sinceMinor: 0,
  evaluate: ({
    pod
  }) => {
    if (stryMutAct_9fa48("331")) {
      {}
    } else {
      stryCov_9fa48("331");
      const set = stryMutAct_9fa48("332") ? [pod.security?.hostNetwork ? 'hostNetwork=true' : '', pod.security?.hostPID ? 'hostPID=true' : '', pod.security?.hostIPC ? 'hostIPC=true' : ''] : (stryCov_9fa48("332"), (stryMutAct_9fa48("333") ? [] : (stryCov_9fa48("333"), [(stryMutAct_9fa48("334") ? pod.security.hostNetwork : (stryCov_9fa48("334"), pod.security?.hostNetwork)) ? stryMutAct_9fa48("335") ? "" : (stryCov_9fa48("335"), 'hostNetwork=true') : stryMutAct_9fa48("336") ? "Stryker was here!" : (stryCov_9fa48("336"), ''), (stryMutAct_9fa48("337") ? pod.security.hostPID : (stryCov_9fa48("337"), pod.security?.hostPID)) ? stryMutAct_9fa48("338") ? "" : (stryCov_9fa48("338"), 'hostPID=true') : stryMutAct_9fa48("339") ? "Stryker was here!" : (stryCov_9fa48("339"), ''), (stryMutAct_9fa48("340") ? pod.security.hostIPC : (stryCov_9fa48("340"), pod.security?.hostIPC)) ? stryMutAct_9fa48("341") ? "" : (stryCov_9fa48("341"), 'hostIPC=true') : stryMutAct_9fa48("342") ? "Stryker was here!" : (stryCov_9fa48("342"), '')])).filter(Boolean));
      return (stryMutAct_9fa48("346") ? set.length <= 0 : stryMutAct_9fa48("345") ? set.length >= 0 : stryMutAct_9fa48("344") ? false : stryMutAct_9fa48("343") ? true : (stryCov_9fa48("343", "344", "345", "346"), set.length > 0)) ? stryMutAct_9fa48("347") ? {} : (stryCov_9fa48("347"), {
        reason: stryMutAct_9fa48("348") ? "" : (stryCov_9fa48("348"), 'host namespaces'),
        detail: set.join(stryMutAct_9fa48("349") ? "" : (stryCov_9fa48("349"), ', '))
      }) : undefined;
    }
  }
}), stryMutAct_9fa48("350") ? {} : (stryCov_9fa48("350"), {
  // check_privileged.go privileged_1_0
  id: stryMutAct_9fa48("351") ? "" : (stryCov_9fa48("351"), 'privileged'),
  level: stryMutAct_9fa48("352") ? "" : (stryCov_9fa48("352"), 'baseline'),
  sinceMinor: 0,
  evaluate: ({
    pod
  }) => {
    if (stryMutAct_9fa48("353")) {
      {}
    } else {
      stryCov_9fa48("353");
      const bad = names(stryMutAct_9fa48("354") ? everyContainer(pod) : (stryCov_9fa48("354"), everyContainer(pod).filter(stryMutAct_9fa48("355") ? () => undefined : (stryCov_9fa48("355"), c => stryMutAct_9fa48("358") ? c.security?.privileged !== true : stryMutAct_9fa48("357") ? false : stryMutAct_9fa48("356") ? true : (stryCov_9fa48("356", "357", "358"), (stryMutAct_9fa48("359") ? c.security.privileged : (stryCov_9fa48("359"), c.security?.privileged)) === (stryMutAct_9fa48("360") ? false : (stryCov_9fa48("360"), true)))))));
      return (stryMutAct_9fa48("364") ? bad.length <= 0 : stryMutAct_9fa48("363") ? bad.length >= 0 : stryMutAct_9fa48("362") ? false : stryMutAct_9fa48("361") ? true : (stryCov_9fa48("361", "362", "363", "364"), bad.length > 0)) ? stryMutAct_9fa48("365") ? {} : (stryCov_9fa48("365"), {
        reason: stryMutAct_9fa48("366") ? "" : (stryCov_9fa48("366"), 'privileged'),
        detail: stryMutAct_9fa48("367") ? `` : (stryCov_9fa48("367"), `${containersPhrase(bad)} must not set securityContext.privileged=true`)
      }) : undefined;
    }
  }
}), stryMutAct_9fa48("368") ? {} : (stryCov_9fa48("368"), {
  // check_capabilities_baseline.go capabilitiesBaseline_1_0
  id: stryMutAct_9fa48("369") ? "" : (stryCov_9fa48("369"), 'capabilities_baseline'),
  level: stryMutAct_9fa48("370") ? "" : (stryCov_9fa48("370"), 'baseline'),
  sinceMinor: 0,
  evaluate: ({
    pod
  }) => {
    if (stryMutAct_9fa48("371")) {
      {}
    } else {
      stryCov_9fa48("371");
      const forbidden = new Set<string>();
      const bad = names(stryMutAct_9fa48("372") ? everyContainer(pod) : (stryCov_9fa48("372"), everyContainer(pod).filter(c => {
        if (stryMutAct_9fa48("373")) {
          {}
        } else {
          stryCov_9fa48("373");
          const extra = stryMutAct_9fa48("374") ? c.security?.capabilitiesAdd ?? [] : (stryCov_9fa48("374"), (stryMutAct_9fa48("375") ? c.security?.capabilitiesAdd && [] : (stryCov_9fa48("375"), (stryMutAct_9fa48("376") ? c.security.capabilitiesAdd : (stryCov_9fa48("376"), c.security?.capabilitiesAdd)) ?? (stryMutAct_9fa48("377") ? ["Stryker was here"] : (stryCov_9fa48("377"), [])))).filter(stryMutAct_9fa48("378") ? () => undefined : (stryCov_9fa48("378"), cap => stryMutAct_9fa48("379") ? BASELINE_CAPABILITIES.has(cap) : (stryCov_9fa48("379"), !BASELINE_CAPABILITIES.has(cap)))));
          extra.forEach(stryMutAct_9fa48("380") ? () => undefined : (stryCov_9fa48("380"), cap => forbidden.add(cap)));
          return stryMutAct_9fa48("384") ? extra.length <= 0 : stryMutAct_9fa48("383") ? extra.length >= 0 : stryMutAct_9fa48("382") ? false : stryMutAct_9fa48("381") ? true : (stryCov_9fa48("381", "382", "383", "384"), extra.length > 0);
        }
      })));
      return (stryMutAct_9fa48("388") ? bad.length <= 0 : stryMutAct_9fa48("387") ? bad.length >= 0 : stryMutAct_9fa48("386") ? false : stryMutAct_9fa48("385") ? true : (stryCov_9fa48("385", "386", "387", "388"), bad.length > 0)) ? stryMutAct_9fa48("389") ? {} : (stryCov_9fa48("389"), {
        reason: stryMutAct_9fa48("390") ? "" : (stryCov_9fa48("390"), 'non-default capabilities'),
        detail: stryMutAct_9fa48("391") ? `` : (stryCov_9fa48("391"), `${containersPhrase(bad)} must not include ${joinQuote(stryMutAct_9fa48("392") ? [...forbidden] : (stryCov_9fa48("392"), (stryMutAct_9fa48("393") ? [] : (stryCov_9fa48("393"), [...forbidden])).sort()))} in securityContext.capabilities.add`)
      }) : undefined;
    }
  }
}), stryMutAct_9fa48("394") ? {} : (stryCov_9fa48("394"), {
  // check_hostPathVolumes.go hostPathVolumes_1_0
  id: stryMutAct_9fa48("395") ? "" : (stryCov_9fa48("395"), 'hostPathVolumes'),
  level: stryMutAct_9fa48("396") ? "" : (stryCov_9fa48("396"), 'baseline'),
  sinceMinor: 0,
  evaluate: ({
    pod
  }) => {
    if (stryMutAct_9fa48("397")) {
      {}
    } else {
      stryCov_9fa48("397");
      const hostPaths = stryMutAct_9fa48("398") ? volumeNames(pod.security?.volumes ?? []) : (stryCov_9fa48("398"), volumeNames(stryMutAct_9fa48("399") ? pod.security?.volumes && [] : (stryCov_9fa48("399"), (stryMutAct_9fa48("400") ? pod.security.volumes : (stryCov_9fa48("400"), pod.security?.volumes)) ?? (stryMutAct_9fa48("401") ? ["Stryker was here"] : (stryCov_9fa48("401"), [])))).filter(stryMutAct_9fa48("402") ? () => undefined : (stryCov_9fa48("402"), v => stryMutAct_9fa48("405") ? v.kind !== 'hostPath' : stryMutAct_9fa48("404") ? false : stryMutAct_9fa48("403") ? true : (stryCov_9fa48("403", "404", "405"), v.kind === (stryMutAct_9fa48("406") ? "" : (stryCov_9fa48("406"), 'hostPath'))))));
      return (stryMutAct_9fa48("410") ? hostPaths.length <= 0 : stryMutAct_9fa48("409") ? hostPaths.length >= 0 : stryMutAct_9fa48("408") ? false : stryMutAct_9fa48("407") ? true : (stryCov_9fa48("407", "408", "409", "410"), hostPaths.length > 0)) ? stryMutAct_9fa48("411") ? {} : (stryCov_9fa48("411"), {
        reason: stryMutAct_9fa48("412") ? "" : (stryCov_9fa48("412"), 'hostPath volumes'),
        detail: stryMutAct_9fa48("413") ? `` : (stryCov_9fa48("413"), `${(stryMutAct_9fa48("416") ? hostPaths.length !== 1 : stryMutAct_9fa48("415") ? false : stryMutAct_9fa48("414") ? true : (stryCov_9fa48("414", "415", "416"), hostPaths.length === 1)) ? stryMutAct_9fa48("417") ? "" : (stryCov_9fa48("417"), 'volume') : stryMutAct_9fa48("418") ? "" : (stryCov_9fa48("418"), 'volumes')} ${joinQuote(hostPaths.map(stryMutAct_9fa48("419") ? () => undefined : (stryCov_9fa48("419"), v => v.name)))}`)
      }) : undefined;
    }
  }
}), stryMutAct_9fa48("420") ? {} : (stryCov_9fa48("420"), {
  // check_hostPorts.go hostPorts_1_0
  id: stryMutAct_9fa48("421") ? "" : (stryCov_9fa48("421"), 'hostPorts'),
  level: stryMutAct_9fa48("422") ? "" : (stryCov_9fa48("422"), 'baseline'),
  sinceMinor: 0,
  evaluate: ({
    pod
  }) => {
    if (stryMutAct_9fa48("423")) {
      {}
    } else {
      stryCov_9fa48("423");
      const bad = stryMutAct_9fa48("424") ? everyContainer(pod) : (stryCov_9fa48("424"), everyContainer(pod).filter(stryMutAct_9fa48("425") ? () => undefined : (stryCov_9fa48("425"), c => stryMutAct_9fa48("428") ? (c.security?.hostPort ?? 0) === 0 : stryMutAct_9fa48("427") ? false : stryMutAct_9fa48("426") ? true : (stryCov_9fa48("426", "427", "428"), (stryMutAct_9fa48("429") ? c.security?.hostPort && 0 : (stryCov_9fa48("429"), (stryMutAct_9fa48("430") ? c.security.hostPort : (stryCov_9fa48("430"), c.security?.hostPort)) ?? 0)) !== 0))));
      if (stryMutAct_9fa48("433") ? bad.length !== 0 : stryMutAct_9fa48("432") ? false : stryMutAct_9fa48("431") ? true : (stryCov_9fa48("431", "432", "433"), bad.length === 0)) return undefined;
      const ports = bad.map(stryMutAct_9fa48("434") ? () => undefined : (stryCov_9fa48("434"), c => String(stryMutAct_9fa48("435") ? c.security.hostPort : (stryCov_9fa48("435"), c.security?.hostPort))));
      return stryMutAct_9fa48("436") ? {} : (stryCov_9fa48("436"), {
        reason: stryMutAct_9fa48("437") ? "" : (stryCov_9fa48("437"), 'hostPort'),
        detail: stryMutAct_9fa48("438") ? `` : (stryCov_9fa48("438"), `${containersPhrase(names(bad))} ${(stryMutAct_9fa48("441") ? bad.length !== 1 : stryMutAct_9fa48("440") ? false : stryMutAct_9fa48("439") ? true : (stryCov_9fa48("439", "440", "441"), bad.length === 1)) ? stryMutAct_9fa48("442") ? "" : (stryCov_9fa48("442"), 'uses') : stryMutAct_9fa48("443") ? "" : (stryCov_9fa48("443"), 'use')} ${(stryMutAct_9fa48("446") ? ports.length !== 1 : stryMutAct_9fa48("445") ? false : stryMutAct_9fa48("444") ? true : (stryCov_9fa48("444", "445", "446"), ports.length === 1)) ? stryMutAct_9fa48("447") ? "" : (stryCov_9fa48("447"), 'hostPort') : stryMutAct_9fa48("448") ? "" : (stryCov_9fa48("448"), 'hostPorts')} ${ports.join(stryMutAct_9fa48("449") ? "" : (stryCov_9fa48("449"), ', '))}`)
      });
    }
  }
}), stryMutAct_9fa48("450") ? {} : (stryCov_9fa48("450"), {
  // check_appArmorProfile.go: the securityContext.appArmorProfile field exists from server 1.30.
  id: stryMutAct_9fa48("451") ? "" : (stryCov_9fa48("451"), 'appArmorProfile'),
  level: stryMutAct_9fa48("452") ? "" : (stryCov_9fa48("452"), 'baseline'),
  sinceMinor: 0,
  evaluate: ({
    pod,
    serverMinor
  }) => {
    if (stryMutAct_9fa48("453")) {
      {}
    } else {
      stryCov_9fa48("453");
      if (stryMutAct_9fa48("457") ? serverMinor >= 30 : stryMutAct_9fa48("456") ? serverMinor <= 30 : stryMutAct_9fa48("455") ? false : stryMutAct_9fa48("454") ? true : (stryCov_9fa48("454", "455", "456", "457"), serverMinor < 30)) return undefined;
      const bad = stryMutAct_9fa48("458") ? everyContainer(pod) : (stryCov_9fa48("458"), everyContainer(pod).filter(stryMutAct_9fa48("459") ? () => undefined : (stryCov_9fa48("459"), c => stryMutAct_9fa48("462") ? c.security?.appArmorProfile !== 'Unconfined' : stryMutAct_9fa48("461") ? false : stryMutAct_9fa48("460") ? true : (stryCov_9fa48("460", "461", "462"), (stryMutAct_9fa48("463") ? c.security.appArmorProfile : (stryCov_9fa48("463"), c.security?.appArmorProfile)) === (stryMutAct_9fa48("464") ? "" : (stryCov_9fa48("464"), 'Unconfined'))))));
      return (stryMutAct_9fa48("468") ? bad.length <= 0 : stryMutAct_9fa48("467") ? bad.length >= 0 : stryMutAct_9fa48("466") ? false : stryMutAct_9fa48("465") ? true : (stryCov_9fa48("465", "466", "467", "468"), bad.length > 0)) ? stryMutAct_9fa48("469") ? {} : (stryCov_9fa48("469"), {
        reason: stryMutAct_9fa48("470") ? "" : (stryCov_9fa48("470"), 'forbidden AppArmor profile'),
        detail: stryMutAct_9fa48("471") ? `` : (stryCov_9fa48("471"), `${containersPhrase(names(bad))} must not set securityContext.appArmorProfile.type to "Unconfined"`)
      }) : undefined;
    }
  }
}), stryMutAct_9fa48("472") ? {} : (stryCov_9fa48("472"), {
  // check_seLinuxOptions.go seLinuxOptions_1_0 / 1_31
  id: stryMutAct_9fa48("473") ? "" : (stryCov_9fa48("473"), 'seLinuxOptions'),
  level: stryMutAct_9fa48("474") ? "" : (stryCov_9fa48("474"), 'baseline'),
  sinceMinor: 0,
  evaluate: ({
    pod,
    policyMinor
  }) => {
    if (stryMutAct_9fa48("475")) {
      {}
    } else {
      stryCov_9fa48("475");
      const allowed = allowedSeLinuxTypes(policyMinor);
      const podBad = stryMutAct_9fa48("478") ? pod.security?.seLinuxType !== undefined || !allowed.has(pod.security.seLinuxType) : stryMutAct_9fa48("477") ? false : stryMutAct_9fa48("476") ? true : (stryCov_9fa48("476", "477", "478"), (stryMutAct_9fa48("480") ? pod.security?.seLinuxType === undefined : stryMutAct_9fa48("479") ? true : (stryCov_9fa48("479", "480"), (stryMutAct_9fa48("481") ? pod.security.seLinuxType : (stryCov_9fa48("481"), pod.security?.seLinuxType)) !== undefined)) && (stryMutAct_9fa48("482") ? allowed.has(pod.security.seLinuxType) : (stryCov_9fa48("482"), !allowed.has(pod.security.seLinuxType))));
      const bad = names(stryMutAct_9fa48("483") ? everyContainer(pod) : (stryCov_9fa48("483"), everyContainer(pod).filter(stryMutAct_9fa48("484") ? () => undefined : (stryCov_9fa48("484"), c => stryMutAct_9fa48("487") ? c.security?.seLinuxType !== undefined || !allowed.has(c.security.seLinuxType) : stryMutAct_9fa48("486") ? false : stryMutAct_9fa48("485") ? true : (stryCov_9fa48("485", "486", "487"), (stryMutAct_9fa48("489") ? c.security?.seLinuxType === undefined : stryMutAct_9fa48("488") ? true : (stryCov_9fa48("488", "489"), (stryMutAct_9fa48("490") ? c.security.seLinuxType : (stryCov_9fa48("490"), c.security?.seLinuxType)) !== undefined)) && (stryMutAct_9fa48("491") ? allowed.has(c.security.seLinuxType) : (stryCov_9fa48("491"), !allowed.has(c.security.seLinuxType))))))));
      if (stryMutAct_9fa48("494") ? !podBad || bad.length === 0 : stryMutAct_9fa48("493") ? false : stryMutAct_9fa48("492") ? true : (stryCov_9fa48("492", "493", "494"), (stryMutAct_9fa48("495") ? podBad : (stryCov_9fa48("495"), !podBad)) && (stryMutAct_9fa48("497") ? bad.length !== 0 : stryMutAct_9fa48("496") ? true : (stryCov_9fa48("496", "497"), bad.length === 0)))) return undefined;
      const setters = stryMutAct_9fa48("498") ? [podBad ? 'pod' : '', bad.length > 0 ? containersPhrase(bad) : ''] : (stryCov_9fa48("498"), (stryMutAct_9fa48("499") ? [] : (stryCov_9fa48("499"), [podBad ? stryMutAct_9fa48("500") ? "" : (stryCov_9fa48("500"), 'pod') : stryMutAct_9fa48("501") ? "Stryker was here!" : (stryCov_9fa48("501"), ''), (stryMutAct_9fa48("505") ? bad.length <= 0 : stryMutAct_9fa48("504") ? bad.length >= 0 : stryMutAct_9fa48("503") ? false : stryMutAct_9fa48("502") ? true : (stryCov_9fa48("502", "503", "504", "505"), bad.length > 0)) ? containersPhrase(bad) : stryMutAct_9fa48("506") ? "Stryker was here!" : (stryCov_9fa48("506"), '')])).filter(Boolean));
      return stryMutAct_9fa48("507") ? {} : (stryCov_9fa48("507"), {
        reason: stryMutAct_9fa48("508") ? "" : (stryCov_9fa48("508"), 'seLinuxOptions'),
        detail: stryMutAct_9fa48("509") ? `` : (stryCov_9fa48("509"), `${setters.join(stryMutAct_9fa48("510") ? "" : (stryCov_9fa48("510"), ' and '))} set forbidden securityContext.seLinuxOptions`)
      });
    }
  }
}), stryMutAct_9fa48("511") ? {} : (stryCov_9fa48("511"), {
  // check_procMount.go procMount_1_0 (the field survives only where the ProcMountType gate is on)
  id: stryMutAct_9fa48("512") ? "" : (stryCov_9fa48("512"), 'procMount'),
  level: stryMutAct_9fa48("513") ? "" : (stryCov_9fa48("513"), 'baseline'),
  sinceMinor: 0,
  evaluate: ({
    pod
  }) => {
    if (stryMutAct_9fa48("514")) {
      {}
    } else {
      stryCov_9fa48("514");
      const bad = names(stryMutAct_9fa48("515") ? everyContainer(pod) : (stryCov_9fa48("515"), everyContainer(pod).filter(stryMutAct_9fa48("516") ? () => undefined : (stryCov_9fa48("516"), c => stryMutAct_9fa48("519") ? c.security?.procMount !== 'Unmasked' : stryMutAct_9fa48("518") ? false : stryMutAct_9fa48("517") ? true : (stryCov_9fa48("517", "518", "519"), (stryMutAct_9fa48("520") ? c.security.procMount : (stryCov_9fa48("520"), c.security?.procMount)) === (stryMutAct_9fa48("521") ? "" : (stryCov_9fa48("521"), 'Unmasked')))))));
      return (stryMutAct_9fa48("525") ? bad.length <= 0 : stryMutAct_9fa48("524") ? bad.length >= 0 : stryMutAct_9fa48("523") ? false : stryMutAct_9fa48("522") ? true : (stryCov_9fa48("522", "523", "524", "525"), bad.length > 0)) ? stryMutAct_9fa48("526") ? {} : (stryCov_9fa48("526"), {
        reason: stryMutAct_9fa48("527") ? "" : (stryCov_9fa48("527"), 'procMount'),
        detail: stryMutAct_9fa48("528") ? `` : (stryCov_9fa48("528"), `${containersPhrase(bad)} must not set securityContext.procMount to "Unmasked"`)
      }) : undefined;
    }
  }
}), stryMutAct_9fa48("529") ? {} : (stryCov_9fa48("529"), {
  // check_seccompProfile_baseline.go seccompProfileBaseline_1_19 (field form; annotations before)
  id: stryMutAct_9fa48("530") ? "" : (stryCov_9fa48("530"), 'seccompProfile_baseline'),
  level: stryMutAct_9fa48("531") ? "" : (stryCov_9fa48("531"), 'baseline'),
  sinceMinor: 19,
  evaluate: ({
    pod
  }) => {
    if (stryMutAct_9fa48("532")) {
      {}
    } else {
      stryCov_9fa48("532");
      const podBad = stryMutAct_9fa48("535") ? pod.security?.seccompProfile !== 'Unconfined' : stryMutAct_9fa48("534") ? false : stryMutAct_9fa48("533") ? true : (stryCov_9fa48("533", "534", "535"), (stryMutAct_9fa48("536") ? pod.security.seccompProfile : (stryCov_9fa48("536"), pod.security?.seccompProfile)) === (stryMutAct_9fa48("537") ? "" : (stryCov_9fa48("537"), 'Unconfined')));
      const bad = names(stryMutAct_9fa48("538") ? everyContainer(pod) : (stryCov_9fa48("538"), everyContainer(pod).filter(stryMutAct_9fa48("539") ? () => undefined : (stryCov_9fa48("539"), c => stryMutAct_9fa48("542") ? c.security?.seccompProfile !== 'Unconfined' : stryMutAct_9fa48("541") ? false : stryMutAct_9fa48("540") ? true : (stryCov_9fa48("540", "541", "542"), (stryMutAct_9fa48("543") ? c.security.seccompProfile : (stryCov_9fa48("543"), c.security?.seccompProfile)) === (stryMutAct_9fa48("544") ? "" : (stryCov_9fa48("544"), 'Unconfined')))))));
      if (stryMutAct_9fa48("547") ? !podBad || bad.length === 0 : stryMutAct_9fa48("546") ? false : stryMutAct_9fa48("545") ? true : (stryCov_9fa48("545", "546", "547"), (stryMutAct_9fa48("548") ? podBad : (stryCov_9fa48("548"), !podBad)) && (stryMutAct_9fa48("550") ? bad.length !== 0 : stryMutAct_9fa48("549") ? true : (stryCov_9fa48("549", "550"), bad.length === 0)))) return undefined;
      const setters = stryMutAct_9fa48("551") ? [podBad ? 'pod' : '', bad.length > 0 ? containersPhrase(bad) : ''] : (stryCov_9fa48("551"), (stryMutAct_9fa48("552") ? [] : (stryCov_9fa48("552"), [podBad ? stryMutAct_9fa48("553") ? "" : (stryCov_9fa48("553"), 'pod') : stryMutAct_9fa48("554") ? "Stryker was here!" : (stryCov_9fa48("554"), ''), (stryMutAct_9fa48("558") ? bad.length <= 0 : stryMutAct_9fa48("557") ? bad.length >= 0 : stryMutAct_9fa48("556") ? false : stryMutAct_9fa48("555") ? true : (stryCov_9fa48("555", "556", "557", "558"), bad.length > 0)) ? containersPhrase(bad) : stryMutAct_9fa48("559") ? "Stryker was here!" : (stryCov_9fa48("559"), '')])).filter(Boolean));
      return stryMutAct_9fa48("560") ? {} : (stryCov_9fa48("560"), {
        reason: stryMutAct_9fa48("561") ? "" : (stryCov_9fa48("561"), 'seccompProfile'),
        detail: stryMutAct_9fa48("562") ? `` : (stryCov_9fa48("562"), `${setters.join(stryMutAct_9fa48("563") ? "" : (stryCov_9fa48("563"), ' and '))} must not set securityContext.seccompProfile.type to "Unconfined"`)
      });
    }
  }
}), stryMutAct_9fa48("564") ? {} : (stryCov_9fa48("564"), {
  // check_sysctls.go sysctls_1_0 / 1_27 / 1_29 / 1_32
  id: stryMutAct_9fa48("565") ? "" : (stryCov_9fa48("565"), 'sysctls'),
  level: stryMutAct_9fa48("566") ? "" : (stryCov_9fa48("566"), 'baseline'),
  sinceMinor: 0,
  evaluate: ({
    pod,
    policyMinor
  }) => {
    if (stryMutAct_9fa48("567")) {
      {}
    } else {
      stryCov_9fa48("567");
      const allowed = allowedSysctls(policyMinor);
      const bad = stryMutAct_9fa48("568") ? pod.security?.sysctls ?? [] : (stryCov_9fa48("568"), (stryMutAct_9fa48("569") ? pod.security?.sysctls && [] : (stryCov_9fa48("569"), (stryMutAct_9fa48("570") ? pod.security.sysctls : (stryCov_9fa48("570"), pod.security?.sysctls)) ?? (stryMutAct_9fa48("571") ? ["Stryker was here"] : (stryCov_9fa48("571"), [])))).filter(stryMutAct_9fa48("572") ? () => undefined : (stryCov_9fa48("572"), name => stryMutAct_9fa48("573") ? allowed.has(name) : (stryCov_9fa48("573"), !allowed.has(name)))));
      return (stryMutAct_9fa48("577") ? bad.length <= 0 : stryMutAct_9fa48("576") ? bad.length >= 0 : stryMutAct_9fa48("575") ? false : stryMutAct_9fa48("574") ? true : (stryCov_9fa48("574", "575", "576", "577"), bad.length > 0)) ? stryMutAct_9fa48("578") ? {} : (stryCov_9fa48("578"), {
        reason: stryMutAct_9fa48("579") ? "" : (stryCov_9fa48("579"), 'forbidden sysctls'),
        detail: bad.join(stryMutAct_9fa48("580") ? "" : (stryCov_9fa48("580"), ', '))
      }) : undefined;
    }
  }
})]);

/** Volumes are named "<kind>-<index>" by the manifest mapper convention used in details only. */
export function volumeNames(kinds: VolumeKind[]): {
  name: string;
  kind: VolumeKind;
}[] {
  if (stryMutAct_9fa48("581")) {
    {}
  } else {
    stryCov_9fa48("581");
    return kinds.map(stryMutAct_9fa48("582") ? () => undefined : (stryCov_9fa48("582"), (kind, index) => stryMutAct_9fa48("583") ? {} : (stryCov_9fa48("583"), {
      name: stryMutAct_9fa48("584") ? `` : (stryCov_9fa48("584"), `${stryMutAct_9fa48("585") ? kind.toUpperCase() : (stryCov_9fa48("585"), kind.toLowerCase())}-${index}`),
      kind
    })));
  }
}