import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import {
  REASON_TO_CHECK,
  evaluatePodSecurity,
  expectPodSecurity,
  podSecurityDecision,
  violationsText,
} from '../../model/podsecurity';
import type {
  ContainerSecurity,
  PodScenario,
  PodSecurity,
  PodSecurityLabels,
  PodSecurityLevel,
} from '../../model/scenario';
import { loadRecording } from '../fixtures/recordings';
import { container, pod } from './resources-builders';

// ForbiddenReason / ForbiddenDetail as each check formats them, with pluralize and joinQuote from
// staging/src/k8s.io/pod-security-admission/policy/helpers.go ("container"/"containers", `"a", "b"`).
// Sources: staging/src/k8s.io/pod-security-admission/policy/check_<id>.go.
const v134 = parseServerVersion('v1.34');
const compliant: ContainerSecurity = {
  allowPrivilegeEscalation: false,
  capabilitiesDrop: ['ALL'],
  runAsNonRoot: true,
  seccompProfile: 'RuntimeDefault',
};
/** Two app containers "a" and "b", restricted-compliant apart from what each test sets. */
const two = (a: ContainerSecurity, b: ContainerSecurity, podSecurity?: PodSecurity): PodScenario =>
  pod(
    'p',
    [
      container('a', {}, {}, { security: { ...compliant, ...a } }),
      container('b', {}, {}, { security: { ...compliant, ...b } }),
    ],
    { security: podSecurity },
  );
const failures = (p: PodScenario, level: PodSecurityLevel) =>
  evaluatePodSecurity(p, level, 34, v134).map(({ check, reason, detail }) => ({ check, reason, detail }));

describe('baseline details', () => {
  it('host namespaces: every one set, joined with ", "', () => {
    expect(failures(two({}, {}, { hostNetwork: true, hostPID: true, hostIPC: true }), 'baseline')).toEqual([
      {
        check: 'hostNamespaces',
        reason: 'host namespaces',
        detail: 'hostNetwork=true, hostPID=true, hostIPC=true',
      },
    ]);
  });

  it('privileged: plural containers', () => {
    expect(failures(two({ privileged: true }, { privileged: true }), 'baseline')).toEqual([
      {
        check: 'privileged',
        reason: 'privileged',
        detail: 'containers "a", "b" must not set securityContext.privileged=true',
      },
    ]);
  });

  it('non-default capabilities: offending capabilities sorted (sets.String List)', () => {
    expect(
      failures(
        two({ capabilitiesAdd: ['SYS_TIME', 'CHOWN'] }, { capabilitiesAdd: ['NET_ADMIN'] }),
        'baseline',
      ),
    ).toEqual([
      {
        check: 'capabilities_baseline',
        reason: 'non-default capabilities',
        detail:
          'containers "a", "b" must not include "NET_ADMIN", "SYS_TIME" in securityContext.capabilities.add',
      },
    ]);
  });

  it('hostPath volumes: singular and plural', () => {
    expect(failures(two({}, {}, { volumes: ['hostPath'] }), 'baseline')).toEqual([
      { check: 'hostPathVolumes', reason: 'hostPath volumes', detail: 'volume "vol-hostpath"' },
    ]);
    const named = {
      initContainers: [],
      containers: [{ name: 'a', security: compliant }],
      namedVolumes: [
        { name: 'h1', kind: 'hostPath' },
        { name: 'cm', kind: 'configMap' },
        { name: 'h2', kind: 'hostPath' },
      ],
    };
    expect(evaluatePodSecurity(named, 'baseline', 34, v134)).toMatchObject([
      { check: 'hostPathVolumes', detail: 'volumes "h1", "h2"' },
    ]);
  });

  it('hostPort: singular, and plural with the ports as a sorted set', () => {
    expect(failures(two({ hostPort: 8080 }, {}), 'baseline')).toEqual([
      { check: 'hostPorts', reason: 'hostPort', detail: 'container "a" uses hostPort 8080' },
    ]);
    // forbiddenHostPorts is a sets.String: deduplicated, listed in string order.
    expect(failures(two({ hostPort: 9090 }, { hostPort: 8080 }), 'baseline')).toMatchObject([
      { detail: 'containers "a", "b" use hostPorts 8080, 9090' },
    ]);
    expect(failures(two({ hostPort: 8080 }, { hostPort: 8080 }), 'baseline')).toMatchObject([
      { detail: 'containers "a", "b" use hostPort 8080' },
    ]);
  });

  it('procMount and seccomp Unconfined name pod and containers', () => {
    expect(failures(two({ procMount: 'Unmasked' }, { procMount: 'Unmasked' }), 'baseline')).toEqual([
      {
        check: 'procMount',
        reason: 'procMount',
        detail: 'containers "a", "b" must not set securityContext.procMount to "Unmasked"',
      },
    ]);
    expect(
      failures(two({ seccompProfile: 'Unconfined' }, {}, { seccompProfile: 'Unconfined' }), 'baseline'),
    ).toEqual([
      {
        check: 'seccompProfile_baseline',
        reason: 'seccompProfile',
        detail: 'pod and container "a" must not set securityContext.seccompProfile.type to "Unconfined"',
      },
    ]);
    expect(failures(two({}, {}, { seccompProfile: 'Unconfined' }), 'baseline')).toMatchObject([
      { detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"' },
    ]);
  });

  it('forbidden sysctls: only the unsafe ones, joined with ", "', () => {
    expect(
      failures(
        two({}, {}, { sysctls: ['kernel.msgmax', 'kernel.shm_rmid_forced', 'net.core.somaxconn'] }),
        'baseline',
      ),
    ).toEqual([
      { check: 'sysctls', reason: 'forbidden sysctls', detail: 'kernel.msgmax, net.core.somaxconn' },
    ]);
  });
});

describe('restricted details', () => {
  it('restricted volume types: volumes and their types', () => {
    expect(failures(two({}, {}, { volumes: ['hostPath'] }), 'restricted')).toEqual([
      {
        check: 'restrictedVolumes',
        reason: 'restricted volume types',
        detail: 'volume "vol-hostpath" uses restricted volume type "hostPath"',
      },
    ]);
    const named = {
      initContainers: [],
      containers: [{ name: 'a', security: compliant }],
      namedVolumes: [
        { name: 'x', kind: 'hostPath' },
        { name: 'y', kind: 'nfs' },
        { name: 'z', kind: 'hostPath' },
      ],
    };
    expect(evaluatePodSecurity(named, 'restricted', 34, v134)).toMatchObject([
      { detail: 'volumes "x", "y", "z" use restricted volume types "hostPath", "nfs"' },
    ]);
  });

  it('allowPrivilegeEscalation: every container not setting false', () => {
    expect(
      failures(
        two({ allowPrivilegeEscalation: true }, { allowPrivilegeEscalation: undefined }),
        'restricted',
      ),
    ).toEqual([
      {
        check: 'allowPrivilegeEscalation',
        reason: 'allowPrivilegeEscalation != false',
        detail: 'containers "a", "b" must set securityContext.allowPrivilegeEscalation=false',
      },
    ]);
  });

  it('runAsNonRoot: explicit false wins over containers leaving it unset (returned first)', () => {
    const p = two({ runAsNonRoot: false }, { runAsNonRoot: undefined });
    expect(failures(p, 'restricted')).toEqual([
      {
        check: 'runAsNonRoot',
        reason: 'runAsNonRoot != true',
        detail: 'container "a" must not set securityContext.runAsNonRoot=false',
      },
    ]);
    expect(failures(two({ runAsNonRoot: false }, {}, { runAsNonRoot: false }), 'restricted')).toMatchObject([
      { detail: 'pod and container "a" must not set securityContext.runAsNonRoot=false' },
    ]);
    expect(
      failures(two({ runAsNonRoot: undefined }, { runAsNonRoot: undefined }), 'restricted'),
    ).toMatchObject([{ detail: 'pod or containers "a", "b" must set securityContext.runAsNonRoot=true' }]);
  });

  it('runAsUser=0 on the pod and on containers', () => {
    expect(failures(two({ runAsUser: 0 }, { runAsUser: 0 }, { runAsUser: 0 }), 'restricted')).toEqual([
      {
        check: 'runAsUser',
        reason: 'runAsUser=0',
        detail: 'pod and containers "a", "b" must not set runAsUser=0',
      },
    ]);
    expect(failures(two({}, {}, { runAsUser: 0 }), 'restricted')).toMatchObject([
      { detail: 'pod must not set runAsUser=0' },
    ]);
  });

  it('seccompProfile: an Unconfined setter is reported before containers left unset', () => {
    expect(
      failures(two({ seccompProfile: 'Unconfined' }, { seccompProfile: undefined }), 'restricted'),
    ).toEqual([
      {
        check: 'seccompProfile_restricted',
        reason: 'seccompProfile',
        detail: 'container "a" must not set securityContext.seccompProfile.type to "Unconfined"',
      },
    ]);
    expect(failures(two({}, {}, { seccompProfile: 'Unconfined' }), 'restricted')).toMatchObject([
      { detail: 'pod must not set securityContext.seccompProfile.type to "Unconfined"' },
    ]);
    expect(
      failures(two({ seccompProfile: undefined }, { seccompProfile: undefined }), 'restricted'),
    ).toMatchObject([
      {
        detail:
          'pod or containers "a", "b" must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"',
      },
    ]);
  });

  it('unrestricted capabilities: missing drop ALL and forbidden adds, joined with "; "', () => {
    const p = two(
      { capabilitiesDrop: [], capabilitiesAdd: ['SYS_TIME'] },
      { capabilitiesAdd: ['NET_BIND_SERVICE', 'CHOWN'] },
    );
    expect(failures(p, 'restricted')).toEqual([
      {
        check: 'capabilities_restricted',
        reason: 'unrestricted capabilities',
        detail:
          'container "a" must set securityContext.capabilities.drop=["ALL"]; containers "a", "b" must not include "CHOWN", "SYS_TIME" in securityContext.capabilities.add',
      },
    ]);
  });
});

describe('check selection and order (policy/registry.go populate, checks.go init order)', () => {
  const v126 = parseServerVersion('v1.26');
  const recorded = loadRecording('psa-enforce-restricted').trace;
  const messageOf = (name: string) =>
    recorded.flatMap((e) =>
      e.kind === 'actionResult' && e.target === name && !e.ok ? [e.body?.message ?? ''] : [],
    )[0];

  it.each([
    pod('privileged', [container('c', {}, {}, { security: { privileged: true } })]),
    pod('hostnet', [container('c')], { security: { hostNetwork: true } }),
    pod('plain', [container('c')]),
  ])('the whole rejection of $name is what v1.26.1 printed, failures in registration order', (p) => {
    const labels = { enforce: { level: 'restricted', version: 'latest' } } as const;
    const decision = podSecurityDecision(p, labels, v126);
    expect(`pods "${p.name}" is forbidden: ${decision.rejection}`).toBe(messageOf(p.name));
  });

  it('baseline runs no restricted check', () => {
    expect(failures(pod('plain', [container('c')]), 'baseline')).toEqual([]);
  });

  it('a check applies from its own policy version on (seccompProfile_baseline 1.19, runAsUser 1.23)', () => {
    const unconfined = two({ seccompProfile: 'Unconfined' }, {});
    const at = (p: PodScenario, level: PodSecurityLevel, minor: number) =>
      evaluatePodSecurity(p, level, minor, v134).map((v) => v.check);
    expect(at(unconfined, 'baseline', 19)).toEqual(['seccompProfile_baseline']);
    expect(at(unconfined, 'baseline', 18)).toEqual([]);
    const root = two({ runAsUser: 0 }, {});
    expect(at(root, 'restricted', 23)).toEqual(['runAsUser']);
    expect(at(root, 'restricted', 22)).toEqual([]);
  });

  it('every ForbiddenReason a check reports reads back to that check', () => {
    const failing = two(
      {
        privileged: true,
        capabilitiesAdd: ['SYS_ADMIN'],
        hostPort: 80,
        appArmorProfile: 'Unconfined',
        seLinuxType: 'spc_t',
        procMount: 'Unmasked',
        seccompProfile: 'Unconfined',
        allowPrivilegeEscalation: true,
        runAsNonRoot: false,
        runAsUser: 0,
      },
      {},
      { hostNetwork: true, sysctls: ['kernel.msgmax'], volumes: ['hostPath'] },
    );
    const all = [...failures(failing, 'baseline'), ...failures(failing, 'restricted')];
    expect(new Set(all.map((v) => v.check)).size).toBe(16);
    for (const v of all) {
      // "seccompProfile" is shared by both seccomp checks; it reads back as the baseline one.
      const expected = v.check === 'seccompProfile_restricted' ? 'seccompProfile_baseline' : v.check;
      expect([v.reason, REASON_TO_CHECK[v.reason]]).toEqual([v.reason, expected]);
    }
    // check_appArmorProfile.go pluralizes its reason for several profiles.
    expect(REASON_TO_CHECK['forbidden AppArmor profiles']).toBe('appArmorProfile');
  });
});

describe('decision per mode (admission/admission.go EvaluatePod)', () => {
  const plain = pod('plain', [container('c')]);
  it('an unset mode is privileged:latest', () => {
    expect(podSecurityDecision(plain, {}, v134).enforce.setting).toEqual({
      level: 'privileged',
      version: 'latest',
    });
  });

  it('a warning only accompanies an admitted pod with warn failures', () => {
    const warn = { level: 'restricted', version: 'latest' } as const;
    expect(podSecurityDecision(plain, { warn }, v134).warning).toBe(
      `would violate PodSecurity "restricted:latest": ${violationsText(evaluatePodSecurity(plain, 'restricted', 34, v134))}`,
    );
    const compliantPod = two({}, {});
    expect(podSecurityDecision(compliantPod, { warn }, v134).warning).toBeUndefined();
    const rejected = podSecurityDecision(plain, { enforce: warn, warn }, v134);
    expect([rejected.allowed, rejected.warning]).toEqual([false, undefined]);
  });

  it('violationsText joins "<reason> (<detail>)" with ", "', () => {
    expect(
      violationsText([
        { check: 'privileged', reason: 'r1', detail: 'd1' },
        { check: 'hostPorts', reason: 'r2', detail: 'd2' },
      ]),
    ).toBe('r1 (d1), r2 (d2)');
  });
});

describe('expectPodSecurity fields', () => {
  const caps = defaultCapabilities(v134);
  const fields = (p: PodScenario, labels: PodSecurityLabels) =>
    expectPodSecurity({ family: 'podsecurity', labels, pod: p }, caps, DEFAULT_MODEL_OPTIONS).fields;

  it('rejected: admitted false, 403, every failed check, reason parts once per reason', () => {
    const f = fields(pod('plain', [container('c')]), { enforce: { level: 'restricted', version: 'latest' } });
    expect(Object.keys(f).sort()).toEqual([
      'plain.admitted',
      'plain.enforce.violations',
      'plain.reason',
      'plain.status',
    ]);
    expect(f['plain.admitted']).toMatchObject({
      expected: { kind: 'equals', value: false },
      rule: 'podsecurity.enforce-rejects',
    });
    expect(f['plain.status']).toMatchObject({
      expected: { kind: 'equals', value: 403 },
      rule: 'podsecurity.enforce-rejects',
    });
    // Several failed checks: the field names the enforce rule, not one check's.
    expect(f['plain.enforce.violations']).toMatchObject({
      expected: {
        kind: 'setEquals',
        values: [
          'allowPrivilegeEscalation',
          'capabilities_restricted',
          'runAsNonRoot',
          'seccompProfile_restricted',
        ],
      },
      rule: 'podsecurity.enforce-rejects',
    });
    expect(f['plain.reason'].rule).toBe('podsecurity.enforce-rejects');
  });

  it('admitted with warn failures: the warn fields and message parts', () => {
    const f = fields(two({ runAsUser: 0 }, {}), { warn: { level: 'restricted', version: 'latest' } });
    expect(f['p.admitted']).toMatchObject({ rule: 'podsecurity.enforce-admits' });
    expect(f['p.warn.violations']).toMatchObject({
      expected: { kind: 'setEquals', values: ['runAsUser'] },
      rule: 'podsecurity.warn-warns',
    });
    expect(f['p.warn.message']).toMatchObject({
      expected: {
        kind: 'contains',
        parts: ['would violate PodSecurity "restricted:latest"', 'runAsUser=0 ('],
      },
      rule: 'podsecurity.warn-warns',
    });
  });

  it('a privileged warn label expects no warn fields', () => {
    const f = fields(pod('plain', [container('c')]), { warn: { level: 'privileged', version: 'latest' } });
    expect(Object.keys(f)).toEqual(['plain.admitted']);
  });
});

describe('allow-lists pass in full', () => {
  it('every capability of capabilities_allowed_1_0 may be added under baseline', () => {
    // check_capabilities_baseline.go capabilities_allowed_1_0.
    const defaults = [
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
    ];
    for (const cap of defaults)
      expect([cap, failures(two({ capabilitiesAdd: [cap] }, {}), 'baseline')]).toEqual([cap, []]);
  });

  it('every safe sysctl of policy 1.32 passes', () => {
    // check_sysctls.go sysctls_allowed_1_0 / 1_27 / 1_29 / 1_32.
    const safe = [
      'kernel.shm_rmid_forced',
      'net.ipv4.ip_local_port_range',
      'net.ipv4.tcp_syncookies',
      'net.ipv4.ping_group_range',
      'net.ipv4.ip_unprivileged_port_start',
      'net.ipv4.ip_local_reserved_ports',
      'net.ipv4.tcp_keepalive_time',
      'net.ipv4.tcp_fin_timeout',
      'net.ipv4.tcp_keepalive_intvl',
      'net.ipv4.tcp_keepalive_probes',
      'net.ipv4.tcp_rmem',
      'net.ipv4.tcp_wmem',
    ];
    for (const sysctl of safe) {
      expect([sysctl, failures(two({}, {}, { sysctls: [sysctl] }), 'baseline')]).toEqual([sysctl, []]);
    }
  });

  it('SELinux types container_t, container_init_t, container_kvm_t pass (check_seLinuxOptions.go)', () => {
    for (const type of ['container_t', 'container_init_t', 'container_kvm_t']) {
      expect([type, failures(two({ seLinuxType: type }, {}), 'baseline')]).toEqual([type, []]);
    }
  });

  it('every volume type of restrictedVolumes_1_0 passes under restricted', () => {
    // check_restrictedVolumes.go: the allowed volume sources.
    const kinds = [
      'configMap',
      'csi',
      'downwardAPI',
      'emptyDir',
      'ephemeral',
      'persistentVolumeClaim',
      'projected',
      'secret',
    ];
    const subject = {
      initContainers: [],
      containers: [{ name: 'a', security: compliant }],
      namedVolumes: kinds.map((kind) => ({ name: kind.toLowerCase(), kind })),
    };
    expect(evaluatePodSecurity(subject, 'restricted', 34, v134)).toEqual([]);
  });
});
