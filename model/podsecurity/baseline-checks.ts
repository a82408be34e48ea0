import { containersPhrase, everyContainer, joinQuote, podVolumes, type PodSecurityCheck } from './check';

/** check_capabilities_baseline.go capabilities_allowed_1_0: the container runtime's default set. */
export const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE',
  'CHOWN',
  'DAC_OVERRIDE',
  'FOWNER',
  'FSETID',
  'KILL',
  'MKNOD',
  'NET_BIND_SERVICE',
  'SETFCAP',
  'SETGID',
  'SETPCAP',
  'SETUID',
  'SYS_CHROOT',
]);

/** check_sysctls.go: the safe set grows with the policy version (1.0, 1.27, 1.29, 1.32). */
export function allowedSysctls(policyMinor: number): Set<string> {
  const allowed = [
    'kernel.shm_rmid_forced',
    'net.ipv4.ip_local_port_range',
    'net.ipv4.tcp_syncookies',
    'net.ipv4.ping_group_range',
    'net.ipv4.ip_unprivileged_port_start',
  ];
  if (policyMinor >= 27) allowed.push('net.ipv4.ip_local_reserved_ports');
  if (policyMinor >= 29) {
    allowed.push(
      'net.ipv4.tcp_keepalive_time',
      'net.ipv4.tcp_fin_timeout',
      'net.ipv4.tcp_keepalive_intvl',
      'net.ipv4.tcp_keepalive_probes',
    );
  }
  if (policyMinor >= 32) allowed.push('net.ipv4.tcp_rmem', 'net.ipv4.tcp_wmem');
  return new Set(allowed);
}

/** check_seLinuxOptions.go: allowed types (container_engine_t from policy 1.31). */
export function allowedSeLinuxTypes(policyMinor: number): Set<string> {
  const types = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
  if (policyMinor >= 31) types.push('container_engine_t');
  return new Set(types);
}

function names(list: { name: string }[]): string[] {
  return list.map((c) => c.name);
}

export const BASELINE_CHECKS: PodSecurityCheck[] = [
  {
    // check_hostNamespaces.go hostNamespaces_1_0
    id: 'hostNamespaces',
    level: 'baseline',
    sinceMinor: 0,
    evaluate: ({ pod }) => {
      const set = [
        pod.security?.hostNetwork ? 'hostNetwork=true' : '',
        pod.security?.hostPID ? 'hostPID=true' : '',
        pod.security?.hostIPC ? 'hostIPC=true' : '',
      ].filter(Boolean);
      return set.length > 0 ? { reason: 'host namespaces', detail: set.join(', ') } : undefined;
    },
  },
  {
    // check_privileged.go privileged_1_0
    id: 'privileged',
    level: 'baseline',
    sinceMinor: 0,
    evaluate: ({ pod }) => {
      const bad = names(everyContainer(pod).filter((c) => c.security?.privileged === true));
      return bad.length > 0
        ? {
            reason: 'privileged',
            detail: `${containersPhrase(bad)} must not set securityContext.privileged=true`,
          }
        : undefined;
    },
  },
  {
    // check_capabilities_baseline.go capabilitiesBaseline_1_0
    id: 'capabilities_baseline',
    level: 'baseline',
    sinceMinor: 0,
    evaluate: ({ pod }) => {
      const forbidden = new Set<string>();
      const bad = names(
        everyContainer(pod).filter((c) => {
          const extra = (c.security?.capabilitiesAdd ?? []).filter((cap) => !BASELINE_CAPABILITIES.has(cap));
          extra.forEach((cap) => forbidden.add(cap));
          return extra.length > 0;
        }),
      );
      return bad.length > 0
        ? {
            reason: 'non-default capabilities',
            detail: `${containersPhrase(bad)} must not include ${joinQuote([...forbidden].sort())} in securityContext.capabilities.add`,
          }
        : undefined;
    },
  },
  {
    // check_hostPathVolumes.go hostPathVolumes_1_0
    id: 'hostPathVolumes',
    level: 'baseline',
    sinceMinor: 0,
    evaluate: ({ pod }) => {
      const hostPaths = podVolumes(pod).filter((v) => v.kind === 'hostPath');
      return hostPaths.length > 0
        ? {
            reason: 'hostPath volumes',
            detail: `${hostPaths.length === 1 ? 'volume' : 'volumes'} ${joinQuote(hostPaths.map((v) => v.name))}`,
          }
        : undefined;
    },
  },
  {
    // check_hostPorts.go hostPorts_1_0
    id: 'hostPorts',
    level: 'baseline',
    sinceMinor: 0,
    evaluate: ({ pod }) => {
      const bad = everyContainer(pod).filter((c) => (c.security?.hostPort ?? 0) !== 0);
      if (bad.length === 0) return undefined;
      // forbiddenHostPorts is a sets.String: each port once, in string order.
      const ports = [...new Set(bad.map((c) => String(c.security?.hostPort)))].sort();
      return {
        reason: 'hostPort',
        detail: `${containersPhrase(names(bad))} ${bad.length === 1 ? 'uses' : 'use'} ${ports.length === 1 ? 'hostPort' : 'hostPorts'} ${ports.join(', ')}`,
      };
    },
  },
  {
    // check_appArmorProfile.go: the securityContext.appArmorProfile field exists from server 1.30.
    id: 'appArmorProfile',
    level: 'baseline',
    sinceMinor: 0,
    evaluate: ({ pod, serverMinor }) => {
      if (serverMinor < 30) return undefined;
      const bad = everyContainer(pod).filter((c) => c.security?.appArmorProfile === 'Unconfined');
      return bad.length > 0
        ? {
            reason: 'forbidden AppArmor profile',
            detail: `${containersPhrase(names(bad))} must not set securityContext.appArmorProfile.type to "Unconfined"`,
          }
        : undefined;
    },
  },
  {
    // check_seLinuxOptions.go seLinuxOptions_1_0 / 1_31
    id: 'seLinuxOptions',
    level: 'baseline',
    sinceMinor: 0,
    evaluate: ({ pod, policyMinor }) => {
      const allowed = allowedSeLinuxTypes(policyMinor);
      const podBad = pod.security?.seLinuxType !== undefined && !allowed.has(pod.security.seLinuxType);
      const bad = names(
        everyContainer(pod).filter(
          (c) => c.security?.seLinuxType !== undefined && !allowed.has(c.security.seLinuxType),
        ),
      );
      if (!podBad && bad.length === 0) return undefined;
      const setters = [podBad ? 'pod' : '', bad.length > 0 ? containersPhrase(bad) : ''].filter(Boolean);
      return {
        reason: 'seLinuxOptions',
        detail: `${setters.join(' and ')} set forbidden securityContext.seLinuxOptions`,
      };
    },
  },
  {
    // check_procMount.go procMount_1_0 (the field survives only where the ProcMountType gate is on)
    id: 'procMount',
    level: 'baseline',
    sinceMinor: 0,
    evaluate: ({ pod }) => {
      const bad = names(everyContainer(pod).filter((c) => c.security?.procMount === 'Unmasked'));
      return bad.length > 0
        ? {
            reason: 'procMount',
            detail: `${containersPhrase(bad)} must not set securityContext.procMount to "Unmasked"`,
          }
        : undefined;
    },
  },
  {
    // check_seccompProfile_baseline.go seccompProfileBaseline_1_19 (field form; annotations before)
    id: 'seccompProfile_baseline',
    level: 'baseline',
    sinceMinor: 19,
    evaluate: ({ pod }) => {
      const podBad = pod.security?.seccompProfile === 'Unconfined';
      const bad = names(everyContainer(pod).filter((c) => c.security?.seccompProfile === 'Unconfined'));
      if (!podBad && bad.length === 0) return undefined;
      const setters = [podBad ? 'pod' : '', bad.length > 0 ? containersPhrase(bad) : ''].filter(Boolean);
      return {
        reason: 'seccompProfile',
        detail: `${setters.join(' and ')} must not set securityContext.seccompProfile.type to "Unconfined"`,
      };
    },
  },
  {
    // check_sysctls.go sysctls_1_0 / 1_27 / 1_29 / 1_32
    id: 'sysctls',
    level: 'baseline',
    sinceMinor: 0,
    evaluate: ({ pod, policyMinor }) => {
      const sysctls = pod.security?.sysctls ?? [];
      // Most pods set none: the allowed set is built only when there is something to check.
      if (sysctls.length === 0) return undefined;
      const allowed = allowedSysctls(policyMinor);
      const bad = sysctls.filter((name) => !allowed.has(name));
      return bad.length > 0 ? { reason: 'forbidden sysctls', detail: bad.join(', ') } : undefined;
    },
  },
];
