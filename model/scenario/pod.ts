/**
 * Intent-level description of a pod: what each container does, not only what its spec says.
 * Generators produce these; `generators/manifests/` maps them to V1Pod; the harness turns a
 * container's behaviour into a busybox shell program; the model reads them to compute expectations.
 * All durations are whole or fractional seconds, counted from the container's own start.
 */

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';

/** Amounts in canonical units so the model can add and compare them without parsing quantities. */
export interface ResourceAmounts {
  cpuMilli?: number;
  memoryMi?: number;
  ephemeralStorageMi?: number;
  /** Extended resources by full name (e.g. "example.com/dongle"), integer counts. */
  extended?: Record<string, number>;
}

export interface ContainerResources {
  requests: ResourceAmounts;
  limits: ResourceAmounts;
}

/** What the main process does when SIGTERM arrives. */
export type SigtermHandling =
  /** Trapped and ignored: the container runs until SIGKILL. */
  | { kind: 'ignore' }
  /** Trapped: the program exits `afterSeconds` later with `exitCode`. */
  | { kind: 'exit'; afterSeconds: number; exitCode: number }
  /**
   * No handler: the default action kills the process (exit 143). PID 1 ignores signals it has no
   * handler for, so the mapper sets shareProcessNamespace on the pod to make the program non-PID-1.
   */
  | { kind: 'default' };

export interface ContainerBehaviour {
  /** Delay before the program writes its `started` marker. */
  startDelaySeconds: number;
  /** Exits on its own after this long with this code. */
  exitAfter?: { seconds: number; exitCode: number };
  sigterm: SigtermHandling;
  /** The readiness signal turns on after this long (absent: never ready). */
  readyAfterSeconds?: number;
  /** The readiness signal turns off again after this long. */
  unreadyAfterSeconds?: number;
  /** The liveness signal turns off after this long (absent: stays healthy). */
  unhealthyAfterSeconds?: number;
  /** The startup signal turns on after this long (absent: at once). */
  startupAfterSeconds?: number;
  /** Allocates this much memory once started (an OOM when above the memory limit). */
  allocateMemoryMi?: number;
  /** Writes this much to its writable layer once started (eviction when above the ephemeral-storage limit). */
  writeEphemeralMi?: number;
}

/** httpGet.scheme (validation.go: HTTP or HTTPS; HTTP when unset). */
export type HookScheme = 'HTTP' | 'HTTPS';

/** A lifecycle hook handler. Exactly one handler per hook (validation.go validateHandler). */
export type HookHandler =
  | { kind: 'exec'; durationSeconds: number; exitCode: number }
  /**
   * Served by the container's own busybox httpd CGI, which answers `status` after `durationSeconds`; a
   * postStart, or a preStop `viaHandlerPod`, by the hook handler pod's (harness/hook-handler-program.ts).
   * `scheme: 'HTTPS'` (absent: HTTP) goes to the handler pod's agnhost netexec TLS server instead, whose
   * /echo answers `status` at once (durationSeconds 0).
   */
  | {
      kind: 'httpGet';
      port: number;
      path: string;
      status: number;
      durationSeconds: number;
      viaHandlerPod?: boolean;
      scheme?: 'HTTPS';
    }
  | { kind: 'sleep'; seconds: number };

export interface Lifecycle {
  postStart?: HookHandler;
  preStop?: HookHandler;
}

/** Which signal of the behaviour a probe reads. */
export type ProbeKind = 'readiness' | 'liveness' | 'startup';

export type ProbeHandler =
  /** `test -f` on the signal file; `hangSeconds` makes the command outlast timeoutSeconds. */
  | { kind: 'exec'; hangSeconds?: number }
  /** CGI answers `okStatus` while the signal is on, `failStatus` otherwise. */
  | { kind: 'httpGet'; port: number; okStatus: number; failStatus: number }
  /** A listener on `port` exists while the signal is on. */
  | { kind: 'tcpSocket'; port: number }
  /** Nothing in busybox serves gRPC health: a grpc probe always fails. */
  | { kind: 'grpc'; port: number }
  /** An httpGet of `path` on the container's server program (ContainerScenario.server), not the busybox CGI. */
  | { kind: 'serverHttpGet'; port: number; path: string };

/**
 * An upstream e2e server program the container runs from the server image (agnhost 2.43,
 * test/images/agnhost) instead of the busybox program: it writes no markers and has no signal files.
 * netexec (netexec/netexec.go): HTTP on `httpPort` (/healthz 200 once its UDP server listens, /redirect?location=,
 * /echo?code=, /shutdown exits 0, any other path 200), exit 0 on SIGTERM. liveness (liveness/server.go): HTTP on 8080,
 * /healthz 200 for its first 10 s then 500, /redirect?loc=; SIGTERM's default action.
 */
export type ServerProgram =
  /** `tls`: HTTPS with the image's self-signed /localhost.crt (netexec --tls-cert-file), not HTTP. */
  | { kind: 'netexec'; httpPort: number; tls?: boolean }
  | { kind: 'liveness' }
  /**
   * grpc-health-checking (grpc-health-checking/grpc-health-checking.go): the gRPC health service on `port`, SERVING
   * for the empty service name, NOT_SERVING from `unhealthyAfterSeconds` on (--delay-unhealthy-sec; never without it);
   * its /make-serving, /make-not-serving HTTP server on `httpPort`; SIGTERM's default action.
   */
  | { kind: 'grpcHealth'; port: number; httpPort: number; unhealthyAfterSeconds?: number };

export interface ProbeSpec {
  handler: ProbeHandler;
  initialDelaySeconds: number;
  periodSeconds: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
  /** Probe-level grace period (liveness/startup only, version-gated). */
  terminationGracePeriodSeconds?: number;
}

export interface ContainerPort {
  name: string;
  containerPort: number;
}

/** Security-relevant settings a Pod Security check reads; all optional, absent means unset. */
export interface ContainerSecurity {
  privileged?: boolean;
  allowPrivilegeEscalation?: boolean;
  capabilitiesAdd?: string[];
  capabilitiesDrop?: string[];
  runAsNonRoot?: boolean;
  runAsUser?: number;
  seccompProfile?: 'RuntimeDefault' | 'Localhost' | 'Unconfined';
  procMount?: 'Default' | 'Unmasked';
  seLinuxType?: string;
  /** seLinuxOptions.user and .role: Pod Security forbids setting either (check_seLinuxOptions.go). */
  seLinuxUser?: string;
  seLinuxRole?: string;
  appArmorProfile?: 'RuntimeDefault' | 'Localhost' | 'Unconfined';
  /**
   * The pod annotation container.apparmor.security.beta.kubernetes.io/<container>: runtime/default,
   * localhost/<profile> or unconfined (validation.go ValidateAppArmorProfileFormat admits no other).
   */
  appArmorAnnotation?: string;
  /** The pod annotation container.seccomp.security.alpha.kubernetes.io/<container> (runtime/default, localhost/<file>, unconfined). */
  seccompAnnotation?: string;
  /** securityContext.windowsOptions.hostProcess. */
  windowsHostProcess?: boolean;
  hostPort?: number;
}

export interface ContainerScenario {
  name: string;
  behaviour: ContainerBehaviour;
  ports: ContainerPort[];
  resources: ContainerResources;
  lifecycle: Lifecycle;
  probes: Partial<Record<ProbeKind, ProbeSpec>>;
  /** `Always` on an init container makes it a sidecar (restartable init container). */
  restartPolicy?: 'Always';
  security?: ContainerSecurity;
  /** Runs this server program from the server image (`--server-image`) instead of the busybox program. */
  server?: ServerProgram;
}

export type VolumeKind =
  | 'emptyDir'
  /** A volume with no source, which the API server's defaulting makes an emptyDir (defaults.go SetDefaults_Volume). */
  | 'implicitEmptyDir'
  | 'configMap'
  | 'secret'
  | 'hostPath'
  | 'projected'
  | 'downwardAPI'
  | 'persistentVolumeClaim'
  | 'ephemeral'
  | RestrictedVolumeKind;

/**
 * Volume sources the restricted level forbids besides hostPath, as fixtures_restrictedVolumes.go
 * lists them: admitted or not by Pod Security, then never mounted (no such storage exists).
 */
export const RESTRICTED_VOLUME_KINDS = [
  'gcePersistentDisk',
  'awsElasticBlockStore',
  'gitRepo',
  'nfs',
  'iscsi',
  'glusterfs',
  'rbd',
  'flexVolume',
  'cinder',
  'cephfs',
  'flocker',
  'fc',
  'azureFile',
  'vsphereVolume',
  'quobyte',
  'azureDisk',
  'portworxVolume',
  'scaleIO',
  'storageos',
] as const;
export type RestrictedVolumeKind = (typeof RESTRICTED_VOLUME_KINDS)[number];

/** Pod-level security settings (Pod Security checks). */
export interface PodSecurity {
  hostNetwork?: boolean;
  hostPID?: boolean;
  hostIPC?: boolean;
  runAsNonRoot?: boolean;
  runAsUser?: number;
  seccompProfile?: 'RuntimeDefault' | 'Localhost' | 'Unconfined';
  seLinuxType?: string;
  seLinuxUser?: string;
  seLinuxRole?: string;
  sysctls?: string[];
  volumes?: VolumeKind[];
  /** The pod annotation seccomp.security.alpha.kubernetes.io/pod (runtime/default, localhost/<file>, unconfined). */
  seccompAnnotation?: string;
  /** securityContext.windowsOptions.hostProcess (validation.go validateWindowsHostProcessPod wants hostNetwork with it). */
  windowsHostProcess?: boolean;
}

export interface PodScenario {
  name: string;
  restartPolicy: RestartPolicy;
  /** Absent: the API default of 30 s. */
  terminationGracePeriodSeconds?: number;
  /** Init containers in order; those with restartPolicy Always are sidecars. */
  initContainers: ContainerScenario[];
  containers: ContainerScenario[];
  labels: Record<string, string>;
  security?: PodSecurity;
  /** Pod overhead from a RuntimeClass, added to the effective request. */
  overhead?: ResourceAmounts;
  /** spec.activeDeadlineSeconds: makes the pod match the quota scope Terminating (pods.go isTerminating). */
  activeDeadlineSeconds?: number;
  /**
   * A PriorityClass the case creates, by its short name (the manifest names it per case:
   * generators/manifests/priority-class.ts priorityClassName); quota scope PriorityClass selects on it.
   */
  priorityClass?: string;
  /**
   * A preferred pod affinity term naming other namespaces (a list, or a namespaceSelector): quota scope
   * CrossNamespacePodAffinity selects the pod (pods.go usesCrossNamespacePodAffinity). It matches no pod,
   * so it never keeps the pod from being scheduled.
   */
  crossNamespaceAffinity?: 'namespaces' | 'namespaceSelector';
}
