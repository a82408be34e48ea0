import fc from 'fast-check';
import type { ContainerScenario, PodScenario, VolumeKind } from '../model/scenario';

/**
 * Where and how a restricted-compliant pod meets each check: the passing shapes of upstream's Pod
 * Security fixtures (staging/src/k8s.io/pod-security-admission/test/fixtures_<check>.go generatePass).
 */
export interface PodSecurityPlacement {
  /** One init container, secured as the app containers (every fixture pod has one). */
  initContainer: boolean;
  /** runAsNonRoot true on the pod, or on each container (fixtures_runAsNonRoot.go pass 0, 1). */
  runAsNonRoot: 'pod' | 'containers';
  /**
   * seccompProfile: RuntimeDefault on the pod, on each container, on both; Localhost on the pod; or
   * none on the pod, RuntimeDefault on app containers and Localhost on the init container
   * (fixtures_seccompProfile_restricted.go pass 0–2, fixtures_seccompProfile_baseline.go pass 0).
   */
  seccomp: 'pod' | 'containers' | 'both' | 'podLocalhost' | 'mixed';
  /** Add NET_BIND_SERVICE, the one capability restricted allows (fixtures_capabilities_restricted.go pass 0). */
  addNetBindService: boolean;
  /** privileged: false on every container (fixtures_privileged.go pass 0). */
  explicitUnprivileged: boolean;
  /** runAsUser 1000 on every container as well as the pod (fixtures_runAsUser.go pass 0). */
  containerRunAsUser: boolean;
  /** procMount Default on every container (fixtures_procMount.go pass 0). */
  procMountDefault: boolean;
  /** The allowed SELinux types: container_t on the pod, container_init_t, container_kvm_t (fixtures_seLinuxOptions.go pass 1). */
  seLinuxTypes: boolean;
  /** The five safe sysctls of every version (fixtures_sysctls.go pass 1). */
  safeSysctls: boolean;
  /** Container ports without host ports, init container included (fixtures_hostPorts.go pass 0). */
  plainPorts: boolean;
}

/** Volume types every level allows (fixtures_restrictedVolumes.go pass 0, less csi). */
export const SAFE_VOLUMES: readonly VolumeKind[] = [
  'implicitEmptyDir',
  'emptyDir',
  'configMap',
  'secret',
  'projected',
  'downwardAPI',
  'persistentVolumeClaim',
];

/** Safe in every policy version (check_sysctls.go sysctlsV1Dot0). */
const SAFE_SYSCTLS = [
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
];

/** Ports of the plain (no hostPort) shape: app containers, then the init container. */
export const PLAIN_PORT = 12345;
export const INIT_PLAIN_PORT = 12346;

export function placementArbitrary(): fc.Arbitrary<PodSecurityPlacement> {
  return fc.record(
    {
      initContainer: fc.boolean(),
      runAsNonRoot: fc.constantFrom('pod' as const, 'containers' as const),
      seccomp: fc.constantFrom(
        'pod' as const,
        'containers' as const,
        'both' as const,
        'podLocalhost' as const,
        'mixed' as const,
      ),
      addNetBindService: fc.boolean(),
      explicitUnprivileged: fc.boolean(),
      containerRunAsUser: fc.boolean(),
      procMountDefault: fc.boolean(),
      seLinuxTypes: fc.boolean(),
      safeSysctls: fc.boolean(),
      plainPorts: fc.boolean(),
    },
    { noNullPrototype: true },
  );
}

function compliantContainer(name: string, placement: PodSecurityPlacement, init: boolean): ContainerScenario {
  const security: ContainerScenario['security'] = {
    allowPrivilegeEscalation: false,
    capabilitiesDrop: ['ALL'],
  };
  if (placement.addNetBindService) security.capabilitiesAdd = ['NET_BIND_SERVICE'];
  if (placement.runAsNonRoot === 'containers') security.runAsNonRoot = true;
  if (placement.seccomp === 'containers' || placement.seccomp === 'both')
    security.seccompProfile = 'RuntimeDefault';
  if (placement.seccomp === 'mixed') security.seccompProfile = init ? 'Localhost' : 'RuntimeDefault';
  if (placement.explicitUnprivileged) security.privileged = false;
  if (placement.containerRunAsUser) security.runAsUser = 1000;
  if (placement.procMountDefault) security.procMount = 'Default';
  if (placement.seLinuxTypes) security.seLinuxType = init ? 'container_kvm_t' : 'container_init_t';
  return {
    name,
    behaviour: init
      ? {
          startDelaySeconds: 0,
          exitAfter: { seconds: 0, exitCode: 0 },
          sigterm: { kind: 'exit', afterSeconds: 0, exitCode: 0 },
        }
      : { startDelaySeconds: 0, sigterm: { kind: 'exit', afterSeconds: 0, exitCode: 0 } },
    ports: placement.plainPorts
      ? [{ name: 'plain', containerPort: init ? INIT_PLAIN_PORT : PLAIN_PORT }]
      : [],
    resources: { requests: {}, limits: {} },
    lifecycle: {},
    probes: {},
    security,
  };
}

/**
 * A pod that meets the restricted level (non-root user, RuntimeDefault or Localhost seccomp, no
 * escalation, ALL dropped) in the given placement. App containers after the first get no plain
 * port: container ports are unique across the pod.
 */
export function compliantPod(
  containers: number,
  placement: PodSecurityPlacement,
  volumes: VolumeKind[],
): PodScenario {
  const security: PodScenario['security'] = { runAsUser: 1000 };
  if (placement.runAsNonRoot === 'pod') security.runAsNonRoot = true;
  if (placement.seccomp === 'pod' || placement.seccomp === 'both') security.seccompProfile = 'RuntimeDefault';
  if (placement.seccomp === 'podLocalhost') security.seccompProfile = 'Localhost';
  if (placement.seLinuxTypes) security.seLinuxType = 'container_t';
  if (placement.safeSysctls) security.sysctls = [...SAFE_SYSCTLS];
  if (volumes.length > 0) security.volumes = volumes;
  return {
    name: 'pod',
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 1,
    initContainers: placement.initContainer ? [compliantContainer('init-0', placement, true)] : [],
    containers: Array.from({ length: containers }, (_, i) => {
      const container = compliantContainer(`app-${i}`, placement, false);
      return i === 0 ? container : { ...container, ports: [] };
    }),
    labels: { app: 'pod' },
    security,
  };
}

/**
 * The fixtures' passing cases, each the placement that produces it: a case is generated whenever a
 * compliant pod is drawn with that placement (the violations then change other fields).
 */
export const POD_SECURITY_PASSING_SHAPES: readonly {
  fixture: string;
  matches(placement: PodSecurityPlacement, volumes: readonly VolumeKind[]): boolean;
}[] = [
  { fixture: 'privileged v1.0 pass 0', matches: (p) => p.explicitUnprivileged && p.initContainer },
  { fixture: 'hostPorts v1.0 pass 0', matches: (p) => p.plainPorts && p.initContainer },
  { fixture: 'capabilities_restricted v1.22 pass 0', matches: (p) => p.addNetBindService && p.initContainer },
  { fixture: 'runAsNonRoot v1.0 pass 0', matches: (p) => p.runAsNonRoot === 'pod' && p.initContainer },
  { fixture: 'runAsNonRoot v1.0 pass 1', matches: (p) => p.runAsNonRoot === 'containers' && p.initContainer },
  { fixture: 'runAsUser v1.23 pass 0', matches: (p) => p.containerRunAsUser && p.initContainer },
  { fixture: 'procMount v1.0 pass 0', matches: (p) => p.procMountDefault && p.initContainer },
  { fixture: 'seLinuxOptions v1.0 pass 0', matches: (p) => !p.seLinuxTypes },
  { fixture: 'seLinuxOptions v1.0 pass 1', matches: (p) => p.seLinuxTypes && p.initContainer },
  {
    fixture: 'seccompProfile_baseline v1.19 pass 0',
    matches: (p) => p.seccomp === 'both' && p.initContainer,
  },
  { fixture: 'seccompProfile_restricted v1.19 pass 0', matches: (p) => p.seccomp === 'pod' },
  { fixture: 'seccompProfile_restricted v1.19 pass 1', matches: (p) => p.seccomp === 'podLocalhost' },
  {
    fixture: 'seccompProfile_restricted v1.19 pass 2',
    matches: (p) => p.seccomp === 'mixed' && p.initContainer,
  },
  { fixture: 'sysctls v1.0 pass 0', matches: (p) => !p.safeSysctls },
  { fixture: 'sysctls v1.0 pass 1', matches: (p) => p.safeSysctls },
  {
    fixture: 'restrictedVolumes v1.0 pass 0',
    matches: (_p, volumes) => SAFE_VOLUMES.every((kind) => volumes.includes(kind)),
  },
];
