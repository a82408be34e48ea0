import type { Capabilities } from '../model/capabilities';
import { atLeast } from '../model/capabilities';
import type { PodSecurityCheckId } from '../model/podsecurity';
import {
  RESTRICTED_VOLUME_KINDS,
  type ContainerScenario,
  type ContainerSecurity,
  type PodScenario,
  type VolumeKind,
} from '../model/scenario';
import type { PodSecurityPlacement } from './pod-security-compliant';

/**
 * Deliberate Pod Security violations, each one failing case of upstream's fixtures
 * (staging/src/k8s.io/pod-security-admission/test/fixtures_<check>.go generateFail, v1.26). Each changes
 * a restricted-compliant pod and lists every check the change makes fail, e.g. a hostPath volume
 * fails hostPathVolumes (baseline) and restrictedVolumes.
 */
export interface PodSecurityViolation {
  id: string;
  /** The fixture check the shape belongs to: a scenario draws at most one shape per check. */
  check: PodSecurityCheckId;
  /** Check IDs the change makes fail. */
  violates: string[];
  /** The upstream fixture cases it reproduces, "<check> fail|pass <index>". */
  fixtures: string[];
  apply(pod: PodScenario): PodScenario;
  /** The change needs the pod's init container. */
  needsInitContainer?: boolean;
  /** The compliant placements the change keeps the `violates` list true in. */
  fits?(placement: PodSecurityPlacement): boolean;
  /** Shape ids it cannot be combined with. */
  excludes?: string[];
  /** Whether the target can express it. */
  available?(capabilities: Capabilities): boolean;
}

type SecurityChange = (security: ContainerSecurity) => ContainerSecurity;

function onContainer(container: ContainerScenario, change: SecurityChange): ContainerScenario {
  return { ...container, security: change({ ...container.security }) };
}

/** The first app container's security changed by `change`. */
function onFirstContainer(pod: PodScenario, change: SecurityChange): PodScenario {
  const [first, ...rest] = pod.containers;
  return { ...pod, containers: [onContainer(first, change), ...rest] };
}

/** The init container's security changed (every shape that needs one has one: needsInitContainer). */
function onInitContainer(pod: PodScenario, change: SecurityChange): PodScenario {
  const [first, ...rest] = pod.initContainers;
  return { ...pod, initContainers: [onContainer(first, change), ...rest] };
}

/** Every container's security changed, init containers included. */
function onEveryContainer(pod: PodScenario, change: SecurityChange): PodScenario {
  return {
    ...pod,
    initContainers: pod.initContainers.map((c) => onContainer(c, change)),
    containers: pod.containers.map((c) => onContainer(c, change)),
  };
}

function onPod(
  pod: PodScenario,
  change: (security: NonNullable<PodScenario['security']>) => PodScenario['security'],
): PodScenario {
  return { ...pod, security: change({ ...pod.security }) };
}

function without<T extends object, K extends keyof T>(value: T, ...keys: K[]): T {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

function withVolumes(pod: PodScenario, ...kinds: VolumeKind[]): PodScenario {
  return onPod(pod, (s) => ({ ...s, volumes: [...(s.volumes ?? []), ...kinds] }));
}

/**
 * The AppArmor beta annotations alone decide appArmorProfile before 1.30; from 1.30 the API server
 * syncs them with the new field (applyAppArmorVersionSkew), which the model does not follow.
 */
const beforeAppArmorField = (capabilities: Capabilities): boolean => !atLeast(capabilities.version, 30);

/** windowsOptions.hostProcess is kept from 1.23, where the WindowsHostProcessContainers gate is on by default (beta). */
const withHostProcess = (capabilities: Capabilities): boolean => atLeast(capabilities.version, 23);

/**
 * Servers before 1.27 copy a seccomp annotation to its unset field (strategy.go
 * applySeccompVersionSkew, removed by kubernetes PR #114947), which decides what the v1.19 checks
 * see; from 1.27 the annotations change nothing but the v1.0 check, and a pod without the field would
 * fail restricted for other reasons, so the shapes are drawn before 1.27 only.
 */
const withSeccompAnnotationSync = (capabilities: Capabilities): boolean => !atLeast(capabilities.version, 27);

/**
 * procMount Unmasked reaches Pod Security only where the server keeps it (the ProcMountType gate on, on a
 * server before 1.30, which then also wants hostUsers: false): model/capabilities.ts procMount, probed.
 */
const keepsUnmasked = (capabilities: Capabilities): boolean => capabilities.procMount;

/** Host ports sit far above the planned container ports (generators/port-plan.ts); one per container. */
const HOST_PORT = 30080;
const INIT_HOST_PORT = 30081;
/** The plain ports of the "mix" shape, next to the plain ports of the compliant placement. */
const MIXED_PLAIN_PORT = 12347;
const INIT_MIXED_PLAIN_PORT = 12348;

/** fixtures_capabilities_baseline.go pass 0 / fixtures_capabilities_restricted.go fail 3: the default set. */
const DEFAULT_CAPABILITIES = [
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

/** fixtures_capabilities_restricted.go fail 2: every capability by name, which is not "ALL". */
const EVERY_CAPABILITY = [
  'SYS_TIME',
  'SYS_MODULE',
  'SYS_RAWIO',
  'SYS_PACCT',
  'SYS_ADMIN',
  'SYS_NICE',
  'SYS_RESOURCE',
  'SYS_TIME',
  'SYS_TTY_CONFIG',
  'MKNOD',
  'AUDIT_WRITE',
  'AUDIT_CONTROL',
  'MAC_OVERRIDE',
  'MAC_ADMIN',
  'NET_ADMIN',
  'SYSLOG',
  'CHOWN',
  'NET_RAW',
  'DAC_OVERRIDE',
  'FOWNER',
  'DAC_READ_SEARCH',
  'FSETID',
  'KILL',
  'SETGID',
  'SETUID',
  'LINUX_IMMUTABLE',
  'NET_BIND_SERVICE',
  'NET_BROADCAST',
  'IPC_LOCK',
  'IPC_OWNER',
  'SYS_CHROOT',
  'SYS_PTRACE',
  'SYS_BOOT',
  'LEASE',
  'SETFCAP',
  'WAKE_ALARM',
  'BLOCK_SUSPEND',
];

/** The security fields a restricted pod needs, kept at the pod level so a container can drop its own. */
const podLevelRestricted = (p: PodSecurityPlacement): boolean =>
  p.runAsNonRoot === 'pod' && (p.seccomp === 'pod' || p.seccomp === 'both' || p.seccomp === 'podLocalhost');

function capabilitiesBaseline(
  id: string,
  capability: string,
  fixture: number,
  init = false,
): PodSecurityViolation {
  return {
    id,
    check: 'capabilities_baseline',
    violates: ['capabilities_baseline', 'capabilities_restricted'],
    fixtures: [`capabilities_baseline v1.0 fail ${fixture}`],
    needsInitContainer: init,
    apply: (pod) =>
      (init ? onInitContainer : onFirstContainer)(pod, (s) => ({ ...s, capabilitiesAdd: [capability] })),
  };
}

/**
 * In catalogue order; a pod gets its changes in reverse order, so the restricted changes that unset
 * or replace a whole field (later here) come before the baseline changes that set one value of it,
 * and no change undoes another.
 */
export const POD_SECURITY_VIOLATIONS: readonly PodSecurityViolation[] = [
  {
    id: 'privileged',
    check: 'privileged',
    // privileged with allowPrivilegeEscalation false is invalid (validation.go validateSecurityContext), so that goes too.
    violates: ['allowPrivilegeEscalation', 'privileged'],
    fixtures: ['privileged v1.0 fail 0'],
    apply: (pod) =>
      onFirstContainer(pod, (s) => ({ ...without(s, 'allowPrivilegeEscalation'), privileged: true })),
  },
  {
    id: 'privileged-init',
    check: 'privileged',
    violates: ['allowPrivilegeEscalation', 'privileged'],
    fixtures: ['privileged v1.0 fail 1'],
    needsInitContainer: true,
    apply: (pod) =>
      onInitContainer(pod, (s) => ({ ...without(s, 'allowPrivilegeEscalation'), privileged: true })),
  },
  {
    id: 'hostIPC',
    check: 'hostNamespaces',
    violates: ['hostNamespaces'],
    fixtures: ['hostNamespaces v1.0 fail 0'],
    apply: (pod) => onPod(pod, (s) => ({ ...s, hostIPC: true })),
  },
  {
    id: 'hostNetwork',
    check: 'hostNamespaces',
    violates: ['hostNamespaces'],
    fixtures: ['hostNamespaces v1.0 fail 1'],
    // Under hostNetwork the API server makes every container port a host port (defaults.go SetDefaults_PodSpec).
    fits: (p) => !p.plainPorts,
    excludes: ['hostPorts-mixed'],
    apply: (pod) => onPod(pod, (s) => ({ ...s, hostNetwork: true })),
  },
  {
    id: 'hostPID',
    check: 'hostNamespaces',
    violates: ['hostNamespaces'],
    fixtures: ['hostNamespaces v1.0 fail 2'],
    apply: (pod) => onPod(pod, (s) => ({ ...s, hostPID: true })),
  },
  {
    id: 'hostPorts',
    check: 'hostPorts',
    violates: ['hostPorts'],
    fixtures: ['hostPorts v1.0 fail 0'],
    apply: (pod) => onFirstContainer(pod, (s) => ({ ...s, hostPort: HOST_PORT })),
  },
  {
    id: 'hostPorts-init',
    check: 'hostPorts',
    violates: ['hostPorts'],
    fixtures: ['hostPorts v1.0 fail 1'],
    needsInitContainer: true,
    apply: (pod) => onInitContainer(pod, (s) => ({ ...s, hostPort: INIT_HOST_PORT })),
  },
  {
    id: 'hostPorts-mixed',
    check: 'hostPorts',
    violates: ['hostPorts'],
    fixtures: ['hostPorts v1.0 fail 2'],
    needsInitContainer: true,
    apply: (pod) => {
      const plain = (c: ContainerScenario, port: number): ContainerScenario => ({
        ...c,
        ports: [...c.ports, { name: 'mixed', containerPort: port }],
      });
      const withHostPorts = onInitContainer(
        onFirstContainer(pod, (s) => ({ ...s, hostPort: HOST_PORT })),
        (s) => ({ ...s, hostPort: INIT_HOST_PORT }),
      );
      const [first, ...rest] = withHostPorts.containers;
      const [init, ...others] = withHostPorts.initContainers;
      return {
        ...withHostPorts,
        containers: [plain(first, MIXED_PLAIN_PORT), ...rest],
        initContainers: [plain(init, INIT_MIXED_PLAIN_PORT), ...others],
      };
    },
  },
  {
    id: 'hostPathVolumes-mixed',
    check: 'hostPathVolumes',
    violates: ['hostPathVolumes', 'restrictedVolumes'],
    fixtures: ['hostPathVolumes v1.0 fail 0', 'restrictedVolumes v1.0 fail 19'],
    apply: (pod) =>
      withVolumes(
        pod,
        ...(pod.security?.volumes?.includes('emptyDir') ? [] : ['emptyDir' as const]),
        'hostPath',
      ),
  },
  {
    id: 'hostPathVolumes-two',
    check: 'hostPathVolumes',
    violates: ['hostPathVolumes', 'restrictedVolumes'],
    fixtures: ['hostPathVolumes v1.0 fail 1'],
    apply: (pod) => withVolumes(pod, 'hostPath', 'hostPath'),
  },
  // SYS_ADMIN is outside the baseline's default set (check_capabilities_baseline.go), as NET_RAW is.
  capabilitiesBaseline('capabilities_baseline', 'SYS_ADMIN', 0),
  capabilitiesBaseline('capabilities_baseline-NET_RAW', 'NET_RAW', 0),
  capabilitiesBaseline('capabilities_baseline-NET_RAW-init', 'NET_RAW', 1, true),
  // Capability names are compared as written: neither case nor a CAP_ prefix is normalised.
  capabilitiesBaseline('capabilities_baseline-lowercase', 'chown', 2),
  capabilitiesBaseline('capabilities_baseline-CAP_prefix', 'CAP_CHOWN', 3),
  {
    id: 'seLinuxOptions',
    check: 'seLinuxOptions',
    // Allowed types are "", container_t, container_init_t, container_kvm_t (check_seLinuxOptions.go).
    violates: ['seLinuxOptions'],
    fixtures: ['seLinuxOptions v1.0 fail 1'],
    apply: (pod) => onFirstContainer(pod, (s) => ({ ...s, seLinuxType: 'spc_t' })),
  },
  {
    id: 'seLinuxOptions-pod-type',
    check: 'seLinuxOptions',
    violates: ['seLinuxOptions'],
    fixtures: ['seLinuxOptions v1.0 fail 0'],
    apply: (pod) => onPod(pod, (s) => ({ ...s, seLinuxType: 'somevalue' })),
  },
  {
    id: 'seLinuxOptions-init-type',
    check: 'seLinuxOptions',
    violates: ['seLinuxOptions'],
    fixtures: ['seLinuxOptions v1.0 fail 2'],
    needsInitContainer: true,
    apply: (pod) => onInitContainer(pod, (s) => ({ ...s, seLinuxType: 'somevalue' })),
  },
  {
    id: 'seLinuxOptions-pod-user',
    check: 'seLinuxOptions',
    violates: ['seLinuxOptions'],
    fixtures: ['seLinuxOptions v1.0 fail 3'],
    apply: (pod) => onPod(pod, (s) => ({ ...s, seLinuxUser: 'somevalue' })),
  },
  {
    id: 'seLinuxOptions-pod-role',
    check: 'seLinuxOptions',
    violates: ['seLinuxOptions'],
    fixtures: ['seLinuxOptions v1.0 fail 4'],
    apply: (pod) => onPod(pod, (s) => ({ ...s, seLinuxRole: 'somevalue' })),
  },
  {
    id: 'procMount',
    check: 'procMount',
    violates: ['procMount'],
    fixtures: ['procMount v1.0 fail 0'],
    apply: (pod) => onFirstContainer(pod, (s) => ({ ...s, procMount: 'Unmasked' })),
    available: keepsUnmasked,
  },
  {
    id: 'procMount-init',
    check: 'procMount',
    violates: ['procMount'],
    fixtures: ['procMount v1.0 fail 1'],
    needsInitContainer: true,
    apply: (pod) => onInitContainer(pod, (s) => ({ ...s, procMount: 'Unmasked' })),
    available: keepsUnmasked,
  },
  {
    id: 'procMount-every',
    check: 'procMount',
    // Every container, init first in the detail (policy/visitor.go visitContainers).
    violates: ['procMount'],
    fixtures: [],
    apply: (pod) => onEveryContainer(pod, (s) => ({ ...s, procMount: 'Unmasked' })),
    available: keepsUnmasked,
  },
  {
    id: 'seccompProfile_baseline',
    check: 'seccompProfile_baseline',
    violates: ['seccompProfile_baseline', 'seccompProfile_restricted'],
    fixtures: ['seccompProfile_baseline v1.19 fail 1'],
    apply: (pod) => onFirstContainer(pod, (s) => ({ ...s, seccompProfile: 'Unconfined' })),
  },
  {
    id: 'seccompProfile_baseline-pod',
    check: 'seccompProfile_baseline',
    violates: ['seccompProfile_baseline', 'seccompProfile_restricted'],
    fixtures: ['seccompProfile_baseline v1.19 fail 0', 'seccompProfile_restricted v1.19 fail 1'],
    apply: (pod) => onPod(pod, (s) => ({ ...s, seccompProfile: 'Unconfined' })),
  },
  {
    id: 'seccompProfile_baseline-init',
    check: 'seccompProfile_baseline',
    violates: ['seccompProfile_baseline', 'seccompProfile_restricted'],
    fixtures: ['seccompProfile_baseline v1.19 fail 2', 'seccompProfile_restricted v1.19 fail 4'],
    needsInitContainer: true,
    apply: (pod) => onInitContainer(pod, (s) => ({ ...s, seccompProfile: 'Unconfined' })),
  },
  {
    id: 'seccompProfile_baseline-annotation-pod',
    check: 'seccompProfile_baseline',
    // The field goes: validation wants annotation and field to match where both are set. Servers
    // before 1.27 copy the annotation to the field, so the v1.19 checks fail too.
    violates: ['seccompProfile_baseline', 'seccompProfile_restricted'],
    fixtures: ['seccompProfile_baseline v1.0 fail 0'],
    apply: (pod) => onPod(pod, (s) => ({ ...without(s, 'seccompProfile'), seccompAnnotation: 'unconfined' })),
    available: withSeccompAnnotationSync,
  },
  {
    id: 'seccompProfile_baseline-annotation',
    check: 'seccompProfile_baseline',
    violates: ['seccompProfile_baseline', 'seccompProfile_restricted'],
    fixtures: ['seccompProfile_baseline v1.0 fail 1'],
    apply: (pod) =>
      onFirstContainer(pod, (s) => ({ ...without(s, 'seccompProfile'), seccompAnnotation: 'unconfined' })),
    available: withSeccompAnnotationSync,
  },
  {
    id: 'seccompProfile_baseline-annotation-init',
    check: 'seccompProfile_baseline',
    violates: ['seccompProfile_baseline', 'seccompProfile_restricted'],
    fixtures: ['seccompProfile_baseline v1.0 fail 2'],
    needsInitContainer: true,
    apply: (pod) =>
      onInitContainer(pod, (s) => ({ ...without(s, 'seccompProfile'), seccompAnnotation: 'unconfined' })),
    available: withSeccompAnnotationSync,
  },
  {
    id: 'seccompProfile_baseline-annotations-allowed',
    check: 'seccompProfile_baseline',
    // The fixture's passing case: copied to RuntimeDefault on the pod and Localhost on the container,
    // it passes restricted too, so it cannot share a pod with the restricted seccomp shapes.
    violates: [],
    fixtures: ['seccompProfile_baseline v1.0 pass 0'],
    excludes: [
      'seccompProfile_restricted',
      'seccompProfile_restricted-unset-init',
      'seccompProfile_restricted-unset-container',
    ],
    apply: (pod) =>
      onFirstContainer(
        onPod(pod, (s) => ({ ...without(s, 'seccompProfile'), seccompAnnotation: 'runtime/default' })),
        (s) => ({ ...without(s, 'seccompProfile'), seccompAnnotation: 'localhost/testing' }),
      ),
    available: withSeccompAnnotationSync,
  },
  {
    id: 'sysctls',
    check: 'sysctls',
    // Not in the safe set of check_sysctls.go.
    violates: ['sysctls'],
    fixtures: [],
    apply: (pod) => onPod(pod, (s) => ({ ...s, sysctls: [...(s.sysctls ?? []), 'kernel.msgmax'] })),
  },
  {
    id: 'sysctls-other',
    check: 'sysctls',
    violates: ['sysctls'],
    fixtures: ['sysctls v1.0 fail 0'],
    apply: (pod) => onPod(pod, (s) => ({ ...s, sysctls: [...(s.sysctls ?? []), 'othersysctl'] })),
  },
  {
    id: 'appArmorProfile',
    check: 'appArmorProfile',
    violates: ['appArmorProfile'],
    // v1.26's fixtures set the beta annotation; this is the field the check reads from 1.30.
    fixtures: [],
    apply: (pod) => onFirstContainer(pod, (s) => ({ ...s, appArmorProfile: 'Unconfined' })),
    // The securityContext field exists from 1.30 (check_appArmorProfile.go reads it).
    available: (capabilities) => atLeast(capabilities.version, 30),
  },
  {
    id: 'appArmorProfile-init',
    check: 'appArmorProfile',
    violates: ['appArmorProfile'],
    fixtures: [],
    needsInitContainer: true,
    apply: (pod) => onInitContainer(pod, (s) => ({ ...s, appArmorProfile: 'Unconfined' })),
    available: (capabilities) => atLeast(capabilities.version, 30),
  },
  {
    id: 'appArmorProfile-annotation',
    check: 'appArmorProfile',
    violates: ['appArmorProfile'],
    fixtures: ['appArmorProfile v1.0 fail 0'],
    apply: (pod) => onFirstContainer(pod, (s) => ({ ...s, appArmorAnnotation: 'unconfined' })),
    available: beforeAppArmorField,
  },
  {
    id: 'appArmorProfile-annotation-init',
    check: 'appArmorProfile',
    violates: ['appArmorProfile'],
    fixtures: ['appArmorProfile v1.0 fail 1'],
    needsInitContainer: true,
    apply: (pod) => onInitContainer(pod, (s) => ({ ...s, appArmorAnnotation: 'unconfined' })),
    available: beforeAppArmorField,
  },
  {
    id: 'appArmorProfile-annotations-allowed',
    check: 'appArmorProfile',
    // The fixture's passing case: the allowed values fail nothing. Judged at admission only: a node
    // without AppArmor (or without profile foo) then refuses to run the pod, which no property reads.
    violates: [],
    fixtures: ['appArmorProfile v1.0 pass 0'],
    needsInitContainer: true,
    apply: (pod) =>
      onInitContainer(
        onFirstContainer(pod, (s) => ({ ...s, appArmorAnnotation: 'runtime/default' })),
        (s) => ({ ...s, appArmorAnnotation: 'localhost/foo' }),
      ),
    available: beforeAppArmorField,
  },
  {
    id: 'windowsHostProcess-pod',
    check: 'windowsHostProcess',
    // hostProcess needs hostNetwork (validation.go validateWindowsHostProcessPod), as in the fixture;
    // a Linux kubelet ignores windowsOptions and runs it as a hostNetwork pod.
    violates: ['hostNamespaces', 'windowsHostProcess'],
    fixtures: ['windowsHostProcess v1.0 fail 0'],
    fits: (p) => !p.plainPorts,
    excludes: ['hostPorts-mixed'],
    apply: (pod) => onPod(pod, (s) => ({ ...s, hostNetwork: true, windowsHostProcess: true })),
    available: withHostProcess,
  },
  {
    id: 'windowsHostProcess-containers',
    check: 'windowsHostProcess',
    // Every container, init included: validation wants all or none to be hostProcess containers.
    violates: ['hostNamespaces', 'windowsHostProcess'],
    fixtures: ['windowsHostProcess v1.0 fail 1'],
    needsInitContainer: true,
    fits: (p) => !p.plainPorts,
    excludes: ['hostPorts-mixed'],
    apply: (pod) =>
      onEveryContainer(
        onPod(pod, (s) => ({ ...s, hostNetwork: true })),
        (s) => ({ ...s, windowsHostProcess: true }),
      ),
    available: withHostProcess,
  },
  {
    id: 'allowPrivilegeEscalation',
    check: 'allowPrivilegeEscalation',
    violates: ['allowPrivilegeEscalation'],
    fixtures: ['allowPrivilegeEscalation v1.8 fail 0'],
    apply: (pod) => onFirstContainer(pod, (s) => ({ ...s, allowPrivilegeEscalation: true })),
  },
  {
    id: 'allowPrivilegeEscalation-init',
    check: 'allowPrivilegeEscalation',
    violates: ['allowPrivilegeEscalation'],
    fixtures: ['allowPrivilegeEscalation v1.8 fail 1'],
    needsInitContainer: true,
    apply: (pod) => onInitContainer(pod, (s) => ({ ...s, allowPrivilegeEscalation: true })),
  },
  {
    id: 'allowPrivilegeEscalation-unset',
    check: 'allowPrivilegeEscalation',
    violates: ['allowPrivilegeEscalation'],
    fixtures: ['allowPrivilegeEscalation v1.8 fail 2'],
    apply: (pod) => onFirstContainer(pod, (s) => without(s, 'allowPrivilegeEscalation')),
  },
  {
    id: 'capabilities_restricted',
    check: 'capabilities_restricted',
    violates: ['capabilities_restricted'],
    fixtures: [],
    apply: (pod) => onFirstContainer(pod, (s) => without(s, 'capabilitiesDrop')),
  },
  {
    id: 'capabilities_restricted-empty-drop',
    check: 'capabilities_restricted',
    violates: ['capabilities_restricted'],
    fixtures: ['capabilities_restricted v1.22 fail 0'],
    apply: (pod) => onFirstContainer(pod, (s) => ({ ...s, capabilitiesDrop: [] })),
  },
  {
    id: 'capabilities_restricted-empty-drop-init',
    check: 'capabilities_restricted',
    violates: ['capabilities_restricted'],
    fixtures: ['capabilities_restricted v1.22 fail 1'],
    needsInitContainer: true,
    apply: (pod) => onInitContainer(pod, (s) => ({ ...s, capabilitiesDrop: [] })),
  },
  {
    id: 'capabilities_restricted-every-capability',
    check: 'capabilities_restricted',
    violates: ['capabilities_restricted'],
    fixtures: ['capabilities_restricted v1.22 fail 2'],
    apply: (pod) => onEveryContainer(pod, (s) => ({ ...s, capabilitiesDrop: [...EVERY_CAPABILITY] })),
  },
  {
    id: 'capabilities-defaults-added',
    check: 'capabilities_restricted',
    // Passes baseline (every one is in its default set), fails restricted (only NET_BIND_SERVICE may be added).
    violates: ['capabilities_restricted'],
    fixtures: ['capabilities_restricted v1.22 fail 3', 'capabilities_baseline v1.0 pass 0'],
    apply: (pod) =>
      onEveryContainer(pod, (s) => ({
        ...s,
        capabilitiesDrop: ['ALL'],
        capabilitiesAdd: [...DEFAULT_CAPABILITIES],
      })),
  },
  {
    id: 'runAsNonRoot',
    check: 'runAsNonRoot',
    violates: ['runAsNonRoot'],
    fixtures: ['runAsNonRoot v1.0 fail 0'],
    apply: (pod) =>
      onEveryContainer(
        onPod(pod, (s) => without(s, 'runAsNonRoot')),
        (s) => without(s, 'runAsNonRoot'),
      ),
  },
  {
    id: 'runAsNonRoot-pod-false',
    check: 'runAsNonRoot',
    violates: ['runAsNonRoot'],
    fixtures: ['runAsNonRoot v1.0 fail 1'],
    apply: (pod) => onPod(pod, (s) => ({ ...s, runAsNonRoot: false })),
  },
  {
    id: 'runAsNonRoot-container-false',
    check: 'runAsNonRoot',
    violates: ['runAsNonRoot'],
    fixtures: ['runAsNonRoot v1.0 fail 2'],
    apply: (pod) => onFirstContainer(pod, (s) => ({ ...s, runAsNonRoot: false })),
  },
  {
    id: 'runAsNonRoot-init-false',
    check: 'runAsNonRoot',
    violates: ['runAsNonRoot'],
    fixtures: ['runAsNonRoot v1.0 fail 3'],
    needsInitContainer: true,
    apply: (pod) => onInitContainer(pod, (s) => ({ ...s, runAsNonRoot: false })),
  },
  {
    id: 'runAsUser',
    check: 'runAsUser',
    violates: ['runAsUser'],
    fixtures: ['runAsUser v1.23 fail 1'],
    apply: (pod) => onFirstContainer(pod, (s) => ({ ...s, runAsUser: 0 })),
  },
  {
    id: 'runAsUser-pod',
    check: 'runAsUser',
    violates: ['runAsUser'],
    fixtures: ['runAsUser v1.23 fail 0'],
    apply: (pod) => onPod(pod, (s) => ({ ...s, runAsUser: 0 })),
  },
  {
    id: 'runAsUser-init',
    check: 'runAsUser',
    violates: ['runAsUser'],
    fixtures: ['runAsUser v1.23 fail 2'],
    needsInitContainer: true,
    apply: (pod) => onInitContainer(pod, (s) => ({ ...s, runAsUser: 0 })),
  },
  {
    id: 'seccompProfile_restricted',
    check: 'seccompProfile_restricted',
    // Unset everywhere: allowed by baseline, not by restricted.
    violates: ['seccompProfile_restricted'],
    fixtures: ['seccompProfile_restricted v1.19 fail 0'],
    apply: (pod) =>
      onEveryContainer(
        onPod(pod, (s) => without(s, 'seccompProfile')),
        (s) => without(s, 'seccompProfile'),
      ),
  },
  {
    id: 'seccompProfile_restricted-unset-init',
    check: 'seccompProfile_restricted',
    violates: ['seccompProfile_restricted'],
    fixtures: ['seccompProfile_restricted v1.19 fail 2'],
    needsInitContainer: true,
    apply: (pod) => {
      const p = onEveryContainer(
        onPod(pod, (s) => without(s, 'seccompProfile')),
        (s) => ({
          ...s,
          seccompProfile: 'RuntimeDefault',
        }),
      );
      return onInitContainer(p, (s) => without(s, 'seccompProfile'));
    },
  },
  {
    id: 'seccompProfile_restricted-unset-container',
    check: 'seccompProfile_restricted',
    violates: ['seccompProfile_restricted'],
    fixtures: ['seccompProfile_restricted v1.19 fail 3'],
    needsInitContainer: true,
    apply: (pod) => {
      const p = onEveryContainer(
        onPod(pod, (s) => without(s, 'seccompProfile')),
        (s) => ({
          ...s,
          seccompProfile: 'RuntimeDefault',
        }),
      );
      return onFirstContainer(p, (s) => without(s, 'seccompProfile'));
    },
  },
  ...RESTRICTED_VOLUME_KINDS.map((kind, index): PodSecurityViolation => ({
    id: `restrictedVolumes-${kind}`,
    check: 'restrictedVolumes',
    violates: ['restrictedVolumes'],
    fixtures: [`restrictedVolumes v1.0 fail ${index}`],
    apply: (pod) => withVolumes(pod, kind),
  })),
  {
    id: 'allowPrivilegeEscalation-no-context',
    check: 'allowPrivilegeEscalation',
    // No securityContext at all: no allowPrivilegeEscalation=false and no capabilities.drop ALL. Last in
    // the catalogue, so applied first: the other changes then set their fields on the bare container.
    violates: ['allowPrivilegeEscalation', 'capabilities_restricted'],
    fixtures: ['allowPrivilegeEscalation v1.8 fail 3'],
    fits: podLevelRestricted,
    apply: (pod) => {
      const [first, ...rest] = pod.containers;
      return { ...pod, containers: [without(first, 'security'), ...rest] };
    },
  },
];

/**
 * Fixture cases no shape reproduces, and why. Every other case of the upstream list
 * (test/fixtures/upstream/pod-security-fixtures.txt) names a shape's `fixtures` or a passing placement
 * (pod-security-compliant.ts POD_SECURITY_PASSING_SHAPES); test/docs/upstream-coverage.test.ts holds it so.
 */
export const UNEXPRESSED_FIXTURE_CASES: Readonly<Record<string, string>> = {};

/** The fixture cases the shapes reproduce. */
export function generatedFixtureCases(): string[] {
  return POD_SECURITY_VIOLATIONS.flatMap((v) => v.fixtures);
}

/** The checks a pod fails after these changes, sorted and unique. */
export function violatedChecks(violations: readonly PodSecurityViolation[]): string[] {
  return [...new Set(violations.flatMap((v) => v.violates))].sort();
}
