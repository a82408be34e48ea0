// @ts-nocheck
import fc from 'fast-check';
import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import {
  allowedSysctls,
  checksFor,
  evaluatePodSecurity,
  expectPodSecurity,
  podSecurityDecision,
  policyMinor,
  type PodSecurityCheckId,
} from '../../model/podsecurity';
import type { ContainerSecurity, PodScenario, PodSecurity, PodSecurityLevel } from '../../model/scenario';
import { loadRecording } from '../fixtures/recordings';
import { container, pod } from './resources-builders';

const v134 = parseServerVersion('v1.34');
const compliant: ContainerSecurity = {
  allowPrivilegeEscalation: false,
  capabilitiesDrop: ['ALL'],
  runAsNonRoot: true,
  seccompProfile: 'RuntimeDefault',
};
const withContainer = (security: ContainerSecurity, podSecurity?: PodSecurity) =>
  pod('p', [container('c', {}, {}, { security: { ...compliant, ...security } })], { security: podSecurity });
const checks = (p: PodScenario, level: PodSecurityLevel, minor = 34, server = v134) =>
  evaluatePodSecurity(p, level, minor, server).map((v) => v.check);

// Each check on its own, against a pod that is otherwise restricted-compliant.
// Sources: staging/src/k8s.io/pod-security-admission/policy/check_*.go.
describe('baseline checks, one at a time', () => {
  it.each<[string, PodScenario, PodSecurityCheckId]>([
    ['hostNetwork', withContainer({}, { hostNetwork: true }), 'hostNamespaces'],
    ['hostPID', withContainer({}, { hostPID: true }), 'hostNamespaces'],
    ['hostIPC', withContainer({}, { hostIPC: true }), 'hostNamespaces'],
    ['privileged', withContainer({ privileged: true }), 'privileged'],
    ['NET_ADMIN added', withContainer({ capabilitiesAdd: ['NET_ADMIN'] }), 'capabilities_baseline'],
    ['hostPath volume', withContainer({}, { volumes: ['hostPath'] }), 'hostPathVolumes'],
    ['hostPort', withContainer({ hostPort: 8080 }), 'hostPorts'],
    ['AppArmor Unconfined', withContainer({ appArmorProfile: 'Unconfined' }), 'appArmorProfile'],
    ['SELinux type spc_t', withContainer({ seLinuxType: 'spc_t' }), 'seLinuxOptions'],
    ['procMount Unmasked', withContainer({ procMount: 'Unmasked' }), 'procMount'],
    ['seccomp Unconfined', withContainer({ seccompProfile: 'Unconfined' }), 'seccompProfile_baseline'],
    ['unsafe sysctl', withContainer({}, { sysctls: ['kernel.msgmax'] }), 'sysctls'],
  ])('%s fails %s under baseline', (_label, p, id) => {
    expect(checks(p, 'baseline')).toEqual([id]);
  });

  it('allowed values pass: default capabilities, allowed SELinux types, safe sysctls, RuntimeDefault', () => {
    const ok = withContainer(
      {
        capabilitiesAdd: ['CHOWN', 'NET_BIND_SERVICE'],
        seLinuxType: 'container_t',
        appArmorProfile: 'RuntimeDefault',
      },
      {
        sysctls: ['net.ipv4.ping_group_range'],
        seLinuxType: 'container_init_t',
        volumes: ['emptyDir', 'secret'],
      },
    );
    expect(checks(ok, 'baseline')).toEqual([]);
  });

  it('checks init containers too', () => {
    const p = pod('p', [container('c')], {
      initContainers: [container('i', {}, {}, { security: { privileged: true } })],
    });
    expect(checks(p, 'baseline')).toEqual(['privileged']);
  });
});

describe('restricted checks, one at a time', () => {
  it.each<[string, PodScenario, PodSecurityCheckId]>([
    [
      'allowPrivilegeEscalation unset',
      withContainer({ allowPrivilegeEscalation: undefined }),
      'allowPrivilegeEscalation',
    ],
    [
      'allowPrivilegeEscalation true',
      withContainer({ allowPrivilegeEscalation: true }),
      'allowPrivilegeEscalation',
    ],
    ['runAsNonRoot unset', withContainer({ runAsNonRoot: undefined }), 'runAsNonRoot'],
    ['runAsNonRoot false on the container', withContainer({ runAsNonRoot: false }), 'runAsNonRoot'],
    ['runAsUser 0', withContainer({ runAsUser: 0 }), 'runAsUser'],
    ['seccomp unset', withContainer({ seccompProfile: undefined }), 'seccompProfile_restricted'],
    ['drop ALL missing', withContainer({ capabilitiesDrop: [] }), 'capabilities_restricted'],
    ['adds NET_RAW', withContainer({ capabilitiesAdd: ['NET_RAW'] }), 'capabilities_restricted'],
    [
      'projected is fine, hostPath is not',
      withContainer({}, { volumes: ['projected', 'hostPath'] }),
      'restrictedVolumes',
    ],
  ])('%s fails %s under restricted', (_label, p, id) => {
    expect(checks(p, 'restricted')).toEqual([id]);
  });

  it('pod-level settings cover containers that leave them unset', () => {
    const p = withContainer(
      { runAsNonRoot: undefined, seccompProfile: undefined },
      { runAsNonRoot: true, seccompProfile: 'Localhost' },
    );
    expect(checks(p, 'restricted')).toEqual([]);
    const podFalse = withContainer({ runAsNonRoot: true }, { runAsNonRoot: false });
    expect(checks(podFalse, 'restricted')).toEqual(['runAsNonRoot']);
  });

  it('NET_BIND_SERVICE may be added; non-zero runAsUser passes', () => {
    expect(
      checks(withContainer({ capabilitiesAdd: ['NET_BIND_SERVICE'], runAsUser: 1000 }), 'restricted'),
    ).toEqual([]);
  });

  it('overrides: restricted reports restrictedVolumes, not hostPathVolumes; seccomp and capabilities once', () => {
    const p = withContainer(
      { seccompProfile: 'Unconfined', capabilitiesAdd: ['SYS_ADMIN'] },
      { volumes: ['hostPath'] },
    );
    expect(checks(p, 'restricted').sort()).toEqual([
      'capabilities_restricted',
      'restrictedVolumes',
      'seccompProfile_restricted',
    ]);
  });

  it('a plain busybox pod fails the four restricted checks the v1.26 recording shows', () => {
    expect(checks(pod('plain', [container('c')]), 'restricted').sort()).toEqual([
      'allowPrivilegeEscalation',
      'capabilities_restricted',
      'runAsNonRoot',
      'seccompProfile_restricted',
    ]);
  });
});

describe('policy versions', () => {
  it('runAsUser exists from v1.23, capabilities_restricted from v1.22 (capabilities_baseline before)', () => {
    const root = withContainer({ runAsUser: 0 });
    expect(checks(root, 'restricted', 22)).toEqual([]);
    expect(checks(root, 'restricted', 23)).toEqual(['runAsUser']);
    const netAdmin = withContainer({ capabilitiesAdd: ['NET_ADMIN'] });
    expect(checks(netAdmin, 'restricted', 21)).toEqual(['capabilities_baseline']);
    expect(checks(netAdmin, 'restricted', 22)).toEqual(['capabilities_restricted']);
  });

  it('sysctl allow-list grows at 1.27, 1.29 and 1.32', () => {
    expect(allowedSysctls(26).has('net.ipv4.ip_local_reserved_ports')).toBe(false);
    expect(allowedSysctls(27).has('net.ipv4.ip_local_reserved_ports')).toBe(true);
    expect(allowedSysctls(28).has('net.ipv4.tcp_keepalive_time')).toBe(false);
    expect(allowedSysctls(29).has('net.ipv4.tcp_keepalive_time')).toBe(true);
    expect(allowedSysctls(31).has('net.ipv4.tcp_rmem')).toBe(false);
    expect(allowedSysctls(32).has('net.ipv4.tcp_wmem')).toBe(true);
    const p = withContainer({}, { sysctls: ['net.ipv4.tcp_fin_timeout'] });
    expect(checks(p, 'baseline', 28)).toEqual(['sysctls']);
    expect(checks(p, 'baseline', 29)).toEqual([]);
  });

  it('container_engine_t is allowed from 1.31; the AppArmor field exists from server 1.30', () => {
    const engine = withContainer({ seLinuxType: 'container_engine_t' });
    expect(checks(engine, 'baseline', 30)).toEqual(['seLinuxOptions']);
    expect(checks(engine, 'baseline', 31)).toEqual([]);
    const unconfined = withContainer({ appArmorProfile: 'Unconfined' });
    expect(checks(unconfined, 'baseline', 29, parseServerVersion('v1.29'))).toEqual([]);
    expect(checks(unconfined, 'baseline', 29, parseServerVersion('v1.30'))).toEqual(['appArmorProfile']);
  });

  it('"latest" is the server version; a newer label is capped at it', () => {
    expect(policyMinor({ level: 'baseline', version: 'latest' }, v134)).toBe(34);
    expect(policyMinor({ level: 'baseline', version: 'v1.25' }, v134)).toBe(25);
    expect(policyMinor({ level: 'baseline', version: 'v1.40' }, v134)).toBe(34);
  });

  it('privileged runs no checks', () => {
    expect(checksFor('privileged', 34)).toEqual([]);
  });
});

describe('decision per mode (admission.go EvaluatePod)', () => {
  const privilegedPod = pod('x', [container('c', {}, {}, { security: { privileged: true } })]);

  it('enforce rejects with the policy name and every failed check', () => {
    const d = podSecurityDecision(privilegedPod, { enforce: { level: 'baseline', version: 'v1.30' } }, v134);
    expect(d.allowed).toBe(false);
    expect(d.rejection).toBe(
      'violates PodSecurity "baseline:v1.30": privileged (container "c" must not set securityContext.privileged=true)',
    );
    expect(d.warning).toBeUndefined();
  });

  it('warn admits and warns; audit is computed; unset enforce is privileged', () => {
    const d = podSecurityDecision(
      privilegedPod,
      { warn: { level: 'baseline', version: 'latest' }, audit: { level: 'restricted', version: 'latest' } },
      v134,
    );
    expect(d.allowed).toBe(true);
    expect(d.warning).toMatch(/^would violate PodSecurity "baseline:latest": privileged \(/);
    expect(d.audit.violations.map((v) => v.check)).toContain('privileged');
  });

  it('details match what v1.26.1 printed for each failed check', () => {
    const recording = loadRecording('psa-enforce-restricted').trace;
    const messageOf = (name: string) =>
      recording.flatMap((e) =>
        e.kind === 'actionResult' && e.target === name && !e.ok ? [e.body?.message ?? ''] : [],
      )[0];
    const v126 = parseServerVersion('v1.26');
    for (const p of [
      privilegedPod,
      pod('hostnet', [container('c')], { security: { hostNetwork: true } }),
      pod('plain', [container('c')]),
    ]) {
      const name = p.name === 'x' ? 'privileged' : p.name;
      const violations = evaluatePodSecurity(p, 'restricted', 26, v126);
      for (const v of violations) expect(messageOf(name)).toContain(`${v.reason} (${v.detail})`);
    }
  });

  it('expectPodSecurity: rejected fields, or warn fields when admitted', () => {
    const caps = defaultCapabilities(v134);
    const rejected = expectPodSecurity(
      {
        family: 'podsecurity',
        labels: { enforce: { level: 'baseline', version: 'latest' } },
        pod: privilegedPod,
      },
      caps,
      DEFAULT_MODEL_OPTIONS,
    ).fields;
    expect(rejected['x.enforce.violations'].expected).toEqual({ kind: 'setEquals', values: ['privileged'] });
    expect(rejected['x.enforce.violations'].rule).toBe('podsecurity.privileged');
    expect(rejected['x.reason'].expected).toEqual({
      kind: 'contains',
      parts: ['violates PodSecurity "baseline:latest"', 'privileged ('],
    });
    const warned = expectPodSecurity(
      {
        family: 'podsecurity',
        labels: { warn: { level: 'restricted', version: 'latest' } },
        pod: withContainer({}),
      },
      caps,
      DEFAULT_MODEL_OPTIONS,
    ).fields;
    expect(warned['p.admitted'].expected).toEqual({ kind: 'equals', value: true });
    expect(warned['p.warn.violations'].expected).toEqual({ kind: 'setEquals', values: [] });
    expect(warned['p.warn.message']).toBeUndefined();
  });
});

describe('levels are cumulative', () => {
  const security = fc.record(
    {
      privileged: fc.boolean(),
      allowPrivilegeEscalation: fc.boolean(),
      capabilitiesAdd: fc.subarray(['NET_ADMIN', 'CHOWN', 'NET_BIND_SERVICE', 'SYS_TIME']),
      capabilitiesDrop: fc.subarray(['ALL', 'NET_RAW']),
      runAsNonRoot: fc.boolean(),
      runAsUser: fc.constantFrom(0, 1000),
      seccompProfile: fc.constantFrom('RuntimeDefault' as const, 'Localhost' as const, 'Unconfined' as const),
      hostPort: fc.constantFrom(0, 8080),
    },
    { requiredKeys: [] },
  );
  const podSecurity = fc.record(
    {
      hostNetwork: fc.boolean(),
      runAsNonRoot: fc.boolean(),
      volumes: fc.subarray(['emptyDir' as const, 'hostPath' as const, 'secret' as const]),
    },
    { requiredKeys: [] },
  );

  it('a pod baseline rejects is rejected by restricted too, and compliance with restricted implies baseline', () => {
    fc.assert(
      fc.property(security, podSecurity, fc.integer({ min: 19, max: 34 }), (c, p, minor) => {
        const scenario = pod('p', [container('c', {}, {}, { security: c })], { security: p });
        const baseline = evaluatePodSecurity(scenario, 'baseline', minor, v134);
        const restricted = evaluatePodSecurity(scenario, 'restricted', minor, v134);
        return baseline.length === 0 || restricted.length > 0;
      }),
    );
  });
});
