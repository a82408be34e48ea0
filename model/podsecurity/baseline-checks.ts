import {
  containersPhrase,
  everyContainer,
  joinQuote,
  podVolumes,
  type CheckContext,
  type CheckFailure,
  type PodSecurityCheck,
  type PodSecuritySubject,
} from './check';
import type { PodSecurity } from '../scenario';

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

/**
 * The safe set of a policy version: check_sysctls.go sysctlsV1Dot0 (five), sysctlsV1Dot27
 * (+ip_local_reserved_ports), sysctlsV1Dot29 (+tcp_keepalive_time, tcp_fin_timeout,
 * tcp_keepalive_intvl, tcp_keepalive_probes), sysctlsV1Dot32 (+tcp_rmem, tcp_wmem, PR #127489) and
 * sysctlsAllowedV1Dot37 (+tcp_slow_start_after_idle, tcp_notsent_lowat, PR #138389).
 */
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
  if (policyMinor >= 37) allowed.push('net.ipv4.tcp_slow_start_after_idle', 'net.ipv4.tcp_notsent_lowat');
  return new Set(allowed);
}

/** check_seLinuxOptions.go selinuxAllowedTypes1_0, and selinuxAllowedTypes1_31 (+container_engine_t). */
export function allowedSeLinuxTypes(policyMinor: number): Set<string> {
  const types = ['', 'container_t', 'container_init_t', 'container_kvm_t'];
  if (policyMinor >= 31) types.push('container_engine_t');
  return new Set(types);
}

/** The seLinuxOptions fields a pod or container sets. */
type SeLinuxSettings = Pick<PodSecurity, 'seLinuxType' | 'seLinuxUser' | 'seLinuxRole'>;

function names(list: { name: string }[]): string[] {
  return list.map((c) => c.name);
}

/**
 * procMount Unmasked (the one non-Default type) on any container: check_procMount_baseline.go
 * procMount_1_0, which check_procMount_restricted.go runs unchanged from 1.35.
 */
export function unmaskedProcMount({ pod }: CheckContext): CheckFailure | undefined {
  const bad = names(everyContainer(pod).filter((c) => c.security?.procMount === 'Unmasked'));
  return bad.length > 0
    ? {
        reason: 'procMount',
        detail: `${containersPhrase(bad)} must not set securityContext.procMount to "Unmasked"`,
      }
    : undefined;
}

/**
 * check_seccompProfile_baseline.go validSeccompAnnotationValue: runtime/default, docker/default or a
 * localhost/ profile.
 */
function allowedSeccompAnnotation(value: string): boolean {
  return value === 'runtime/default' || value === 'docker/default' || value.startsWith('localhost/');
}

/**
 * seccompProfileBaseline_1_0: the alpha annotations of the pod and of each container it has (a
 * sets.String: each once, sorted), read from the pod as admission sees it, after the server's
 * annotation sync (version-skew.ts admittedSubject).
 */
function forbiddenSeccompAnnotations(pod: PodSecuritySubject): CheckFailure | undefined {
  const podValue = pod.security?.seccompAnnotation;
  const forbidden = [
    podValue !== undefined && !allowedSeccompAnnotation(podValue)
      ? `seccomp.security.alpha.kubernetes.io/pod=${JSON.stringify(podValue)}`
      : '',
    ...everyContainer(pod).map((c) => {
      const value = c.security?.seccompAnnotation;
      return value !== undefined && !allowedSeccompAnnotation(value)
        ? `container.seccomp.security.alpha.kubernetes.io/${c.name}=${JSON.stringify(value)}`
        : '';
    }),
  ].filter(Boolean);
  const unique = [...new Set(forbidden)].sort();
  return unique.length > 0
    ? {
        reason: 'seccompProfile',
        detail: `forbidden ${unique.length === 1 ? 'annotation' : 'annotations'} ${unique.join(', ')}`,
      }
    : undefined;
}

/**
 * check_appArmorProfile.go appArmorProfile_1_0 as of 1.26: every container.apparmor.security.beta
 * annotation whose value is not empty, runtime/default or localhost/<profile> (allowedProfile),
 * `key="value"`, sorted.
 */
function forbiddenAppArmorAnnotations(pod: PodSecuritySubject): CheckFailure | undefined {
  const forbidden = everyContainer(pod)
    .filter((c) => {
      const value = c.security?.appArmorAnnotation;
      return (
        value !== undefined && value !== '' && value !== 'runtime/default' && !value.startsWith('localhost/')
      );
    })
    .map(
      (c) =>
        `container.apparmor.security.beta.kubernetes.io/${c.name}=${JSON.stringify(c.security?.appArmorAnnotation)}`,
    )
    .sort();
  return forbidden.length > 0
    ? {
        reason: forbidden.length === 1 ? 'forbidden AppArmor profile' : 'forbidden AppArmor profiles',
        detail: forbidden.join(', '),
      }
    : undefined;
}

export const BASELINE_CHECKS: PodSecurityCheck[] = [
  {
    // check_hostNamespaces.go hostNamespaces_1_0 (the only version)
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
    // check_privileged.go privileged_1_0 (the only version)
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
    // check_capabilities_baseline.go capabilitiesBaseline_1_0 (the only version)
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
    // check_hostPathVolumes.go hostPathVolumes_1_0 (the only version)
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
    // check_hostPorts.go hostPorts_1_0 (the only version)
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
    // check_appArmorProfile.go appArmorProfile_1_0, the one version: before 1.30 it reads the beta
    // annotations; from 1.30 the field, wherever the server has it (the annotations are then synced to
    // the field, applyAppArmorVersionSkew, which the model does not follow: generators write them only
    // for servers before 1.30).
    id: 'appArmorProfile',
    level: 'baseline',
    sinceMinor: 0,
    evaluate: ({ pod, serverMinor }) => {
      if (serverMinor < 30) return forbiddenAppArmorAnnotations(pod);
      // Unconfined is the one type outside RuntimeDefault/Localhost, so the reason stays singular.
      const bad = names(everyContainer(pod).filter((c) => c.security?.appArmorProfile === 'Unconfined'));
      return bad.length > 0
        ? {
            reason: 'forbidden AppArmor profile',
            detail: `${containersPhrase(bad)} must not set AppArmor profile type to "Unconfined"`,
          }
        : undefined;
    },
  },
  {
    // check_seLinuxOptions.go seLinuxOptions1_0, seLinuxOptions1_31 (container_engine_t allowed): a type
    // outside the allowed set, or any user or role, on the pod or a container.
    id: 'seLinuxOptions',
    level: 'baseline',
    sinceMinor: 0,
    evaluate: ({ pod, policyMinor }) => {
      const allowed = allowedSeLinuxTypes(policyMinor);
      const badTypes = new Set<string>();
      let setUser = false;
      let setRole = false;
      const invalid = (options: SeLinuxSettings | undefined): boolean => {
        const type = options?.seLinuxType;
        const typeBad = type !== undefined && !allowed.has(type);
        if (typeBad) badTypes.add(type);
        setUser ||= Boolean(options?.seLinuxUser);
        setRole ||= Boolean(options?.seLinuxRole);
        return typeBad || Boolean(options?.seLinuxUser) || Boolean(options?.seLinuxRole);
      };
      const podBad = invalid(pod.security);
      const bad = everyContainer(pod).filter((c) => invalid(c.security));
      if (!podBad && bad.length === 0) return undefined;
      const setters = [podBad ? 'pod' : '', bad.length > 0 ? containersPhrase(names(bad)) : ''];
      // badTypes is a sets.String over the pod's and the containers' types: each once, sorted.
      const types = [...badTypes].sort();
      const data = [
        types.length > 0 ? `${types.length === 1 ? 'type' : 'types'} ${joinQuote(types)}` : '',
        setUser ? 'user may not be set' : '',
        setRole ? 'role may not be set' : '',
      ];
      return {
        reason: 'seLinuxOptions',
        detail: `${setters.filter(Boolean).join(' and ')} set forbidden securityContext.seLinuxOptions: ${data.filter(Boolean).join('; ')}`,
      };
    },
  },
  {
    // check_procMount_baseline.go procMount_1_0 (check_procMount.go before 1.35); its procMount1_35baseline
    // only adds the hostUsers=false exemption, which scenarios do not express. The field survives only
    // where the ProcMountType gate is on.
    id: 'procMount',
    level: 'baseline',
    sinceMinor: 0,
    evaluate: unmaskedProcMount,
  },
  {
    // check_seccompProfile_baseline.go seccompProfileBaseline_1_19 reads the fields;
    // seccompProfileBaseline_1_0 (policy versions before 1.19) reads only the seccomp annotations. Both
    // see the pod after the server's annotation sync (version-skew.ts admittedSubject).
    id: 'seccompProfile_baseline',
    level: 'baseline',
    sinceMinor: 0,
    evaluate: ({ pod, policyMinor }) => {
      if (policyMinor < 19) return forbiddenSeccompAnnotations(pod);
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
    // check_sysctls.go sysctlsV1Dot0 / V1Dot27 / V1Dot29 / V1Dot32 / V1Dot37 (allowedSysctls)
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
  {
    // check_windowsHostProcess.go windowsHostProcess_1_0 (the only version): hostProcess true on the
    // pod or on any container.
    id: 'windowsHostProcess',
    level: 'baseline',
    sinceMinor: 0,
    evaluate: ({ pod }) => {
      const bad = names(everyContainer(pod).filter((c) => c.security?.windowsHostProcess === true));
      const setters = [
        pod.security?.windowsHostProcess === true ? 'pod' : '',
        bad.length > 0 ? containersPhrase(bad) : '',
      ].filter(Boolean);
      return setters.length > 0
        ? {
            reason: 'hostProcess',
            detail: `${setters.join(' and ')} must not set securityContext.windowsOptions.hostProcess=true`,
          }
        : undefined;
    },
  },
];
