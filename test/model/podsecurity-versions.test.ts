import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import {
  checksFor,
  evaluatePodSecurity,
  expectPodSecurity,
  expectPodSecurityAudit,
  podSecurityDecision,
  type PodSecuritySubject,
} from '../../model/podsecurity';
import type { ContainerSecurity, PodScenario, PodSecurity, PodSecurityLevel } from '../../model/scenario';
import { container, pod } from './resources-builders';

// Every version step of the Pod Security checks, tested on both sides of its boundary (policy
// version N-1 vs N, or server release N-1 vs N where the step is in the API rather than the policy).
// Sources: staging/src/k8s.io/pod-security-admission/policy/check_<id>.go in kubernetes/kubernetes,
// each check's VersionedCheck list (MinimumVersion: api.MajorMinorVersion(1, N)), and
// policy/registry.go populate for the order of the failures.
const server = (minor: number) => parseServerVersion(`v1.${minor}`);
const newest = server(37);
const compliant: ContainerSecurity = {
  allowPrivilegeEscalation: false,
  capabilitiesDrop: ['ALL'],
  runAsNonRoot: true,
  seccompProfile: 'RuntimeDefault',
};
const withContainer = (security: ContainerSecurity, podSecurity?: PodSecurity): PodScenario =>
  pod('p', [container('c', {}, {}, { security: { ...compliant, ...security } })], { security: podSecurity });
const failed = (p: PodSecuritySubject, level: PodSecurityLevel, policy: number, at = newest) =>
  evaluatePodSecurity(p, level, policy, at).map((v) => v.check);

describe('check_sysctls.go: the safe set per version', () => {
  const withSysctl = (name: string) => withContainer({}, { sysctls: [name] });

  it.each([
    'kernel.shm_rmid_forced',
    'net.ipv4.ip_local_port_range',
    'net.ipv4.tcp_syncookies',
    'net.ipv4.ping_group_range',
    'net.ipv4.ip_unprivileged_port_start',
  ])('sysctlsV1Dot0 allows %s from policy 1.0', (name) => {
    expect(failed(withSysctl(name), 'baseline', 0)).toEqual([]);
  });

  it.each<[number, string]>([
    [27, 'net.ipv4.ip_local_reserved_ports'], // sysctlsV1Dot27
    [29, 'net.ipv4.tcp_keepalive_time'], // sysctlsV1Dot29
    [29, 'net.ipv4.tcp_fin_timeout'],
    [29, 'net.ipv4.tcp_keepalive_intvl'],
    [29, 'net.ipv4.tcp_keepalive_probes'],
    [32, 'net.ipv4.tcp_rmem'], // sysctlsV1Dot32 (PR #127489)
    [32, 'net.ipv4.tcp_wmem'],
    [37, 'net.ipv4.tcp_slow_start_after_idle'], // sysctlsAllowedV1Dot37 (PR #138389)
    [37, 'net.ipv4.tcp_notsent_lowat'],
  ])('policy %i is the first to allow %s (forbidden at N-1)', (minor, name) => {
    expect(failed(withSysctl(name), 'baseline', minor - 1)).toEqual(['sysctls']);
    expect(failed(withSysctl(name), 'baseline', minor)).toEqual([]);
    expect(failed(withSysctl(name), 'restricted', minor - 1)).toEqual(['sysctls']);
    expect(failed(withSysctl(name), 'restricted', minor)).toEqual([]);
  });

  it('a sysctl no version allows stays forbidden at the newest policy', () => {
    expect(failed(withSysctl('net.core.somaxconn'), 'baseline', 37)).toEqual(['sysctls']);
  });

  it('a v1.37 label on a v1.36 server evaluates the v1.36 list (api/helpers.go, registry.go maxVersion)', () => {
    const labels = { enforce: { level: 'baseline', version: 'v1.37' } } as const;
    const p = withSysctl('net.ipv4.tcp_notsent_lowat');
    expect(podSecurityDecision(p, labels, server(36)).allowed).toBe(false);
    expect(podSecurityDecision(p, labels, server(37)).allowed).toBe(true);
  });
});

describe('check_seLinuxOptions.go: seLinuxOptions1_0 / seLinuxOptions1_31', () => {
  it.each(['container_t', 'container_init_t', 'container_kvm_t', ''])(
    'selinuxAllowedTypes1_0 allows %j at policy 1.0',
    (type) => {
      expect(failed(withContainer({ seLinuxType: type }, { seLinuxType: type }), 'baseline', 0)).toEqual([]);
    },
  );

  it('container_engine_t is forbidden at 1.30 and allowed from 1.31, on the pod and on containers', () => {
    const onContainer = withContainer({ seLinuxType: 'container_engine_t' });
    const onPod = withContainer({}, { seLinuxType: 'container_engine_t' });
    expect(failed(onContainer, 'baseline', 30)).toEqual(['seLinuxOptions']);
    expect(failed(onContainer, 'baseline', 31)).toEqual([]);
    expect(failed(onPod, 'baseline', 30)).toEqual(['seLinuxOptions']);
    expect(failed(onPod, 'baseline', 31)).toEqual([]);
  });

  it('detail: "<setters> set forbidden securityContext.seLinuxOptions: type(s) <sorted distinct types>"', () => {
    const one = withContainer({ seLinuxType: 'spc_t' });
    expect(evaluatePodSecurity(one, 'baseline', 31, newest)).toEqual([
      {
        check: 'seLinuxOptions',
        reason: 'seLinuxOptions',
        detail: 'container "c" set forbidden securityContext.seLinuxOptions: type "spc_t"',
      },
    ]);
    // badTypes is a sets.String: the pod's and both containers' types, each once, sorted.
    const several = pod(
      'p',
      [
        container('a', {}, {}, { security: { ...compliant, seLinuxType: 'unconfined_t' } }),
        container('b', {}, {}, { security: { ...compliant, seLinuxType: 'spc_t' } }),
      ],
      { security: { seLinuxType: 'spc_t' } },
    );
    expect(evaluatePodSecurity(several, 'baseline', 31, newest)[0].detail).toBe(
      'pod and containers "a", "b" set forbidden securityContext.seLinuxOptions: types "spc_t", "unconfined_t"',
    );
  });
});

describe('check_appArmorProfile.go appArmorProfile_1_0: one policy version, a field from server 1.30', () => {
  const unconfined = withContainer({ appArmorProfile: 'Unconfined' });

  it('the field is read from server 1.30 (absent at 1.29), at every policy version', () => {
    expect(failed(unconfined, 'baseline', 29, server(29))).toEqual([]);
    expect(failed(unconfined, 'baseline', 29, server(30))).toEqual(['appArmorProfile']);
    expect(failed(unconfined, 'baseline', 0, server(30))).toEqual(['appArmorProfile']);
  });

  it('RuntimeDefault and Localhost are allowed', () => {
    expect(failed(withContainer({ appArmorProfile: 'RuntimeDefault' }), 'baseline', 37)).toEqual([]);
    expect(failed(withContainer({ appArmorProfile: 'Localhost' }), 'baseline', 37)).toEqual([]);
  });

  it('detail: "<setters> must not set AppArmor profile type to <values>"', () => {
    expect(evaluatePodSecurity(unconfined, 'baseline', 30, server(30))).toEqual([
      {
        check: 'appArmorProfile',
        reason: 'forbidden AppArmor profile',
        detail: 'container "c" must not set AppArmor profile type to "Unconfined"',
      },
    ]);
  });
});

describe('check_seccompProfile_baseline.go / check_seccompProfile_restricted.go: the field form from 1.19', () => {
  it('seccompProfileBaseline_1_0 reads annotations only: an Unconfined field passes at 1.18, fails at 1.19', () => {
    const p = withContainer({ seccompProfile: 'Unconfined' });
    expect(failed(p, 'baseline', 18)).toEqual([]);
    expect(failed(p, 'baseline', 19)).toEqual(['seccompProfile_baseline']);
  });

  it('seccompProfileRestricted_1_19 requires a profile from 1.19 and replaces the baseline check', () => {
    expect(failed(withContainer({ seccompProfile: undefined }), 'restricted', 18)).toEqual([]);
    expect(failed(withContainer({ seccompProfile: undefined }), 'restricted', 19)).toEqual([
      'seccompProfile_restricted',
    ]);
    expect(failed(withContainer({ seccompProfile: 'Unconfined' }), 'restricted', 19)).toEqual([
      'seccompProfile_restricted',
    ]);
  });
});

describe('restricted checks with a first version above 1.0', () => {
  it('allowPrivilegeEscalation_1_8: absent at 1.7, required from 1.8', () => {
    const p = withContainer({ allowPrivilegeEscalation: undefined });
    expect(failed(p, 'restricted', 7)).toEqual([]);
    expect(failed(p, 'restricted', 8)).toEqual(['allowPrivilegeEscalation']);
  });

  it('capabilitiesRestricted_1_22: capabilities_baseline applies at 1.21, the restricted check from 1.22', () => {
    const netAdmin = withContainer({ capabilitiesAdd: ['NET_ADMIN'] });
    expect(failed(netAdmin, 'restricted', 21)).toEqual(['capabilities_baseline']);
    expect(failed(netAdmin, 'restricted', 22)).toEqual(['capabilities_restricted']);
    const keepsAll = withContainer({ capabilitiesDrop: [] });
    expect(failed(keepsAll, 'restricted', 21)).toEqual([]);
    expect(failed(keepsAll, 'restricted', 22)).toEqual(['capabilities_restricted']);
  });

  it('runAsUser_1_23: uid 0 passes at 1.22, fails from 1.23', () => {
    const root = withContainer({ runAsUser: 0 });
    expect(failed(root, 'restricted', 22)).toEqual([]);
    expect(failed(root, 'restricted', 23)).toEqual(['runAsUser']);
  });
});

describe('check_procMount_restricted.go (1.35): restricted takes procMount over from the baseline check', () => {
  const unmasked = withContainer({ procMount: 'Unmasked', allowPrivilegeEscalation: undefined });

  it('baseline forbids Unmasked at every version; restricted reports it from procMount_restricted at 1.35', () => {
    expect(failed(unmasked, 'baseline', 0)).toEqual(['procMount']);
    expect(failed(unmasked, 'baseline', 35)).toEqual(['procMount']);
    // registry.go populate: baseline ids sorted, then restricted ids sorted.
    expect(failed(unmasked, 'restricted', 34)).toEqual(['procMount', 'allowPrivilegeEscalation']);
    expect(failed(unmasked, 'restricted', 35)).toEqual(['allowPrivilegeEscalation', 'procMount_restricted']);
  });

  it('the restricted list replaces procMount from 1.35 and not before', () => {
    const ids = (minor: number) => checksFor('restricted', minor).map((c) => c.id);
    expect(ids(34)).toContain('procMount');
    expect(ids(34)).not.toContain('procMount_restricted');
    expect(ids(35)).toContain('procMount_restricted');
    expect(ids(35)).not.toContain('procMount');
  });

  it('the message keeps the reason "procMount", so the expected violation is the one the message reads back as', () => {
    const scenario = {
      family: 'podsecurity' as const,
      labels: { enforce: { level: 'restricted', version: 'v1.35' } } as const,
      pod: withContainer({ procMount: 'Unmasked' }),
    };
    const fields = expectPodSecurity(scenario, defaultCapabilities(server(35)), DEFAULT_MODEL_OPTIONS).fields;
    expect(fields['p.enforce.violations'].expected).toEqual({ kind: 'setEquals', values: ['procMount'] });
    expect(fields['p.enforce.violations'].rule).toBe('podsecurity.procMount_restricted');
    expect(fields['p.reason'].expected).toEqual({
      kind: 'contains',
      parts: ['violates PodSecurity "restricted:v1.35"', 'procMount ('],
    });
  });

  it.each(['warn', 'audit'] as const)('%s names it "procMount" too, as its message does', (mode) => {
    const scenario = {
      family: 'podsecurity' as const,
      labels: { [mode]: { level: 'restricted', version: 'v1.35' } },
      pod: withContainer({ procMount: 'Unmasked' }),
    };
    const fields = expectPodSecurityAudit(
      scenario,
      defaultCapabilities(server(35)),
      DEFAULT_MODEL_OPTIONS,
    ).fields;
    expect(fields[`p.${mode}.violations`].expected).toEqual({ kind: 'setEquals', values: ['procMount'] });
    expect(fields[`p.${mode}.message`].expected).toEqual({
      kind: 'contains',
      parts: ['would violate PodSecurity "restricted:v1.35"', 'procMount ('],
    });
  });
});

describe('restricted checks override baseline ones from server 1.24 (PR #107698)', () => {
  const withHostPath: PodSecuritySubject = {
    initContainers: [],
    containers: [{ name: 'c', security: compliant }],
    namedVolumes: [{ name: 'host', kind: 'hostPath' }],
  };

  it('a 1.23 server reports hostPathVolumes and restrictedVolumes (seen on a v1.23.13 node), a 1.24 one restrictedVolumes', () => {
    expect(failed(withHostPath, 'restricted', 23, server(23))).toEqual([
      'hostPathVolumes',
      'restrictedVolumes',
    ]);
    expect(failed(withHostPath, 'restricted', 0, server(23))).toEqual([
      'hostPathVolumes',
      'restrictedVolumes',
    ]);
    expect(failed(withHostPath, 'restricted', 23, server(24))).toEqual(['restrictedVolumes']);
    expect(failed(withHostPath, 'baseline', 23, server(23))).toEqual(['hostPathVolumes']);
  });
});

describe('check_restrictedVolumes.go restrictedVolumes_1_0: image volumes from server 1.33 (PR #130394)', () => {
  const withImageVolume: PodSecuritySubject = {
    initContainers: [],
    containers: [{ name: 'c', security: compliant }],
    namedVolumes: [{ name: 'img', kind: 'image' }],
  };

  it('forbidden by a 1.32 server, allowed by a 1.33 one, whatever the policy version', () => {
    expect(failed(withImageVolume, 'restricted', 32, server(32))).toEqual(['restrictedVolumes']);
    expect(failed(withImageVolume, 'restricted', 33, server(33))).toEqual([]);
    expect(failed(withImageVolume, 'restricted', 25, server(33))).toEqual([]);
  });

  it('baseline never looks at the volume type', () => {
    expect(failed(withImageVolume, 'baseline', 32, server(32))).toEqual([]);
  });
});
