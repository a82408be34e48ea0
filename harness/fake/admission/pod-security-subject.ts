import type { V1Container, V1Pod, V1Volume } from '@kubernetes/client-node';
import type { NamedVolume, PodSecuritySubject, SecuredContainer } from '../../../model/podsecurity';
import type { ContainerSecurity, PodSecurity } from '../../../model/scenario';

type ProfileType = NonNullable<ContainerSecurity['seccompProfile']>;
const PROFILE_TYPES: readonly ProfileType[] = ['RuntimeDefault', 'Localhost', 'Unconfined'];

/** API validation admits only these profile types (pkg/apis/core/validation validateSeccompProfileType). */
function profileType(type: string | undefined): ProfileType | undefined {
  return PROFILE_TYPES.find((t) => t === type);
}

function procMount(type: string | undefined): ContainerSecurity['procMount'] {
  return type === 'Default' || type === 'Unmasked' ? type : undefined;
}

/** Drops unset fields so the subject says only what the pod sets. */
function defined<T extends object>(fields: T): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}

const SECCOMP_POD = 'seccomp.security.alpha.kubernetes.io/pod';
const SECCOMP_CONTAINER = 'container.seccomp.security.alpha.kubernetes.io/';
const APPARMOR_CONTAINER = 'container.apparmor.security.beta.kubernetes.io/';

function containerSubject(container: V1Container, annotations: Record<string, string>): SecuredContainer {
  const context = container.securityContext;
  // One hostPort per container is what scenarios express (ContainerSecurity.hostPort).
  const hostPort = (container.ports ?? []).find((p) => (p.hostPort ?? 0) !== 0)?.hostPort;
  const security: ContainerSecurity = defined({
    privileged: context?.privileged,
    allowPrivilegeEscalation: context?.allowPrivilegeEscalation,
    capabilitiesAdd: context?.capabilities?.add,
    capabilitiesDrop: context?.capabilities?.drop,
    runAsNonRoot: context?.runAsNonRoot,
    runAsUser: context?.runAsUser,
    seccompProfile: profileType(context?.seccompProfile?.type),
    procMount: procMount(context?.procMount),
    seLinuxType: context?.seLinuxOptions?.type,
    seLinuxUser: context?.seLinuxOptions?.user,
    seLinuxRole: context?.seLinuxOptions?.role,
    appArmorProfile: profileType(context?.appArmorProfile?.type),
    appArmorAnnotation: annotations[`${APPARMOR_CONTAINER}${container.name}`],
    seccompAnnotation: annotations[`${SECCOMP_CONTAINER}${container.name}`],
    windowsHostProcess: context?.windowsOptions?.hostProcess,
    hostPort,
  });
  return { name: container.name, security };
}

/**
 * The volume source is the one field besides the name (pkg/apis/core VolumeSource: exactly one); a
 * volume without one is defaulted to an emptyDir (pkg/apis/core/v1/defaults.go SetDefaults_Volume).
 */
function namedVolume(volume: V1Volume): NamedVolume {
  const kind = Object.keys(volume).find(
    (key) => key !== 'name' && volume[key as keyof V1Volume] !== undefined,
  );
  return { name: volume.name, kind: kind ?? 'emptyDir' };
}

/**
 * The fields and annotations of a pod that Pod Security checks read, in the model's terms. Annotations
 * naming no container of the pod are not read: validation rejects AppArmor ones
 * (ValidateAppArmorPodAnnotations "container not found") and the seccomp check visits containers only.
 */
export function podSecuritySubject(pod: V1Pod): PodSecuritySubject {
  const spec = pod.spec;
  const context = spec?.securityContext;
  const annotations = pod.metadata?.annotations ?? {};
  const secured = (container: V1Container): SecuredContainer => containerSubject(container, annotations);
  const security: PodSecurity = defined({
    hostNetwork: spec?.hostNetwork,
    hostPID: spec?.hostPID,
    hostIPC: spec?.hostIPC,
    runAsNonRoot: context?.runAsNonRoot,
    runAsUser: context?.runAsUser,
    seccompProfile: profileType(context?.seccompProfile?.type),
    seLinuxType: context?.seLinuxOptions?.type,
    seLinuxUser: context?.seLinuxOptions?.user,
    seLinuxRole: context?.seLinuxOptions?.role,
    sysctls: context?.sysctls?.map((s) => s.name),
    seccompAnnotation: annotations[SECCOMP_POD],
    windowsHostProcess: context?.windowsOptions?.hostProcess,
  });
  return {
    initContainers: (spec?.initContainers ?? []).map(secured),
    containers: (spec?.containers ?? []).map(secured),
    security,
    namedVolumes: (spec?.volumes ?? []).map(namedVolume),
  };
}
