import type { V1Pod, V1PodSecurityContext, V1PodSpec, V1Volume } from '@kubernetes/client-node';
import { priorityClassName } from './priority-class';
import { INTENT_ANNOTATION } from '../../model/labels';
import { scenarioVolumes } from '../../model/podsecurity';
import type { PodScenario, PodSecurity, VolumeKind } from '../../model/scenario';
import { containerManifest } from './container-manifest';
import { seccompProfile, seLinuxOptions } from './security-context';
import type { ManifestOptions } from './manifest-options';

/** A name no object has: configMap/secret volumes are optional so the pod still starts. */
const ABSENT = 'kubeprop-absent';

const DOWNWARD_LABELS = { items: [{ path: 'labels', fieldRef: { fieldPath: 'metadata.labels' } }] };

const VOLUME_SOURCES: Record<VolumeKind, Omit<V1Volume, 'name'>> = {
  emptyDir: { emptyDir: {} },
  // No source at all: the API server defaults it to an emptyDir (fixtures_restrictedVolumes.go pass 0).
  implicitEmptyDir: {},
  configMap: { configMap: { name: ABSENT, optional: true } },
  secret: { secret: { secretName: ABSENT, optional: true } },
  hostPath: { hostPath: { path: '/tmp', type: 'Directory' } },
  projected: { projected: { sources: [{ downwardAPI: DOWNWARD_LABELS }] } },
  downwardAPI: { downwardAPI: DOWNWARD_LABELS },
  persistentVolumeClaim: { persistentVolumeClaim: { claimName: ABSENT } },
  ephemeral: {
    ephemeral: {
      volumeClaimTemplate: {
        spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Mi' } } },
      },
    },
  },
  // The sources of fixtures_restrictedVolumes.go, with its values (each passes API validation).
  gcePersistentDisk: { gcePersistentDisk: { pdName: 'test' } },
  awsElasticBlockStore: { awsElasticBlockStore: { volumeID: 'test' } },
  gitRepo: { gitRepo: { repository: 'github.com/kubernetes/kubernetes' } },
  nfs: { nfs: { server: 'test', path: '/test' } },
  iscsi: { iscsi: { targetPortal: 'test', iqn: 'iqn.2001-04.com.example:storage.kube.sys1.xyz', lun: 0 } },
  glusterfs: { glusterfs: { path: 'test', endpoints: 'test' } },
  rbd: { rbd: { monitors: ['test'], image: 'test' } },
  flexVolume: { flexVolume: { driver: 'test' } },
  cinder: { cinder: { volumeID: 'test' } },
  cephfs: { cephfs: { monitors: ['test'] } },
  flocker: { flocker: { datasetName: 'test' } },
  fc: { fc: { wwids: ['test'] } },
  azureFile: { azureFile: { secretName: 'test', shareName: 'test' } },
  vsphereVolume: { vsphereVolume: { volumePath: 'test' } },
  quobyte: { quobyte: { registry: 'localhost:1234', volume: 'test' } },
  azureDisk: {
    azureDisk: { diskName: 'test', diskURI: 'https://test.blob.core.windows.net/test/test.vhd' },
  },
  portworxVolume: { portworxVolume: { volumeID: 'test', fsType: 'ext4' } },
  scaleIO: { scaleIO: { volumeName: 'test', gateway: 'localhost', system: 'test', secretRef: {} } },
  storageos: { storageos: { volumeName: 'test' } },
};

/** Values for the sysctls generators use; a sysctl needs one (validation.go validateSysctls). */
const SYSCTL_VALUES: Record<string, string> = {
  'kernel.msgmax': '65536',
  'kernel.shm_rmid_forced': '0',
  'net.ipv4.ip_local_port_range': '32768 60999',
  'net.ipv4.tcp_syncookies': '1',
  'net.ipv4.ping_group_range': '0 0',
  'net.ipv4.ip_unprivileged_port_start': '1024',
  othersysctl: 'other',
};

function podSecurityContext(security: PodSecurity): V1PodSecurityContext | undefined {
  const context: V1PodSecurityContext = {};
  if (security.runAsNonRoot !== undefined) context.runAsNonRoot = security.runAsNonRoot;
  if (security.runAsUser !== undefined) context.runAsUser = security.runAsUser;
  if (security.seccompProfile) context.seccompProfile = seccompProfile(security.seccompProfile);
  const seLinux = seLinuxOptions(security);
  if (seLinux) context.seLinuxOptions = seLinux;
  if (security.sysctls?.length) {
    context.sysctls = security.sysctls.map((name) => ({ name, value: SYSCTL_VALUES[name] ?? '1' }));
  }
  if (security.windowsHostProcess !== undefined)
    context.windowsOptions = { hostProcess: security.windowsHostProcess };
  return Object.keys(context).length > 0 ? context : undefined;
}

/**
 * The security annotations a scenario sets: the seccomp alpha annotations (pod and container,
 * v1.SeccompPodAnnotationKey, SeccompContainerAnnotationKeyPrefix) and the AppArmor beta annotation
 * (v1.AppArmorBetaContainerAnnotationKeyPrefix), each container's under its name.
 */
export function securityAnnotations(pod: PodScenario): Record<string, string> {
  const annotations: Record<string, string> = {};
  if (pod.security?.seccompAnnotation)
    annotations['seccomp.security.alpha.kubernetes.io/pod'] = pod.security.seccompAnnotation;
  for (const c of [...pod.initContainers, ...pod.containers]) {
    if (c.security?.seccompAnnotation)
      annotations[`container.seccomp.security.alpha.kubernetes.io/${c.name}`] = c.security.seccompAnnotation;
    if (c.security?.appArmorAnnotation)
      annotations[`container.apparmor.security.beta.kubernetes.io/${c.name}`] = c.security.appArmorAnnotation;
  }
  return annotations;
}

/** The pod's own labels over the case labels; a Service selects by the pod's own. */
export function podLabels(pod: PodScenario, options: ManifestOptions): Record<string, string> {
  return { ...options.labels, ...pod.labels };
}

/**
 * The V1Pod for a PodScenario. It carries INTENT_ANNOTATION (the scenario as JSON) so the fake cluster
 * can run it and a reproducer documents what each container was meant to do.
 */
export function podManifest(pod: PodScenario, options: ManifestOptions): { kind: 'Pod' } & V1Pod {
  const all = [...pod.initContainers, ...pod.containers];
  const spec: V1PodSpec = {
    restartPolicy: pod.restartPolicy,
    containers: pod.containers.map((c) =>
      containerManifest(c, pod, options.image, options.hookHandler, options.serverImage),
    ),
  };
  if (pod.initContainers.length > 0)
    spec.initContainers = pod.initContainers.map((c) =>
      containerManifest(c, pod, options.image, options.hookHandler, options.serverImage),
    );
  if (pod.terminationGracePeriodSeconds !== undefined)
    spec.terminationGracePeriodSeconds = pod.terminationGracePeriodSeconds;
  // Quota scopes Terminating/NotTerminating select on it (pkg/quota/v1/evaluator/core/pods.go isTerminating).
  if (pod.activeDeadlineSeconds !== undefined) spec.activeDeadlineSeconds = pod.activeDeadlineSeconds;
  // Quota scope PriorityClass selects on it; the case creates the class first.
  if (pod.priorityClass) spec.priorityClassName = priorityClassName(options.namespace, pod.priorityClass);
  // Quota scope CrossNamespacePodAffinity selects on it; preferred and matching no pod, it never blocks scheduling.
  if (pod.crossNamespaceAffinity) {
    const term = {
      labelSelector: { matchLabels: { 'kubeprop.dev/never': 'matched' } },
      topologyKey: 'kubernetes.io/hostname',
      ...(pod.crossNamespaceAffinity === 'namespaces'
        ? { namespaces: ['default'] }
        : { namespaceSelector: {} }),
    };
    spec.affinity = {
      podAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: term }],
      },
    };
  }
  // Without a handler, SIGTERM is ignored by PID 1: sharing the PID namespace makes the program non-PID-1.
  if (all.some((c) => c.behaviour.sigterm.kind === 'default')) spec.shareProcessNamespace = true;
  const security = pod.security;
  if (security) {
    if (security.hostNetwork) spec.hostNetwork = true;
    if (security.hostPID) spec.hostPID = true;
    if (security.hostIPC) spec.hostIPC = true;
    const context = podSecurityContext(security);
    if (context) spec.securityContext = context;
    if (security.volumes?.length) {
      spec.volumes = scenarioVolumes(security.volumes).map(({ name, kind }) => ({
        name,
        ...VOLUME_SOURCES[kind as VolumeKind],
      }));
    }
  }
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: pod.name,
      namespace: options.namespace,
      labels: podLabels(pod, options),
      annotations: { ...securityAnnotations(pod), [INTENT_ANNOTATION]: JSON.stringify(pod) },
    },
    spec,
  };
}
