import { parseServerVersion } from '../../model/capabilities';
import { evaluatePodSecurity } from '../../model/podsecurity';
import type { ContainerSecurity, PodScenario, PodSecurity, PodSecurityLevel } from '../../model/scenario';
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
