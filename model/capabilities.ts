/** The Kubernetes release a cluster runs, as reported by /version. */
export interface ServerVersion {
  major: number;
  minor: number;
  /** The raw gitVersion, e.g. "v1.34.1" or "v1.33.4+k3s1". */
  gitVersion: string;
}

/** What the target cluster supports; generators emit only what it accepts, the model takes it as input. */
export interface Capabilities {
  version: ServerVersion;
  /** Restartable init containers (KEP-753). */
  sidecars: boolean;
  /** The lifecycle `sleep` action. */
  sleepAction: boolean;
  /** `sleep: {seconds: 0}` accepted. */
  sleepZero: boolean;
  /** gRPC probes. */
  grpcProbes: boolean;
  /** probe-level terminationGracePeriodSeconds. */
  probeGrace: boolean;
  /** `securityContext.procMount: Unmasked` kept on a pod that leaves hostUsers unset (ProcMountType gate). */
  procMount: boolean;
  /** Whether the CNI enforces NetworkPolicy (a canary policy denied traffic); undefined when not yet probed. */
  networkPolicyEnforced?: boolean;
  /** Why the canary could not tell (its own probe failed without any policy): enforcement is unknown. */
  networkPolicyProbeBroken?: string;
  /**
   * Whether SCTP connections get through between pods (the canary's SCTP positive control connected, with
   * the server image); undefined when not probed. Without it the NetworkPolicy topology serves no SCTP.
   */
  sctpTraffic?: boolean;
  /** Why there is no SCTP traffic (the control's failure, e.g. a kernel without SCTP), or why it was not checked. */
  sctpTrafficProblem?: string;
  /**
   * The server image (`--server-image`, agnhost) as the nodes ran it in the preflight; undefined: none, and the
   * properties that need it are skipped (model/server-image.ts serverImageUnsupported).
   */
  serverImage?: string;
  /** Why there is no server image (`--server-image none`, or the preflight's failure). */
  serverImageProblem?: string;
}

const VERSION_PATTERN = /^v?(\d+)\.(\d+)(?:\.(\d+))?(\S*)$/;

/** Parses "v1.34", "1.34.2" or "v1.33.4+k3s1"; throws a message naming the expected form. */
export function parseServerVersion(text: string): ServerVersion {
  const match = VERSION_PATTERN.exec(text.trim());
  if (!match) {
    throw new Error(`invalid server version "${text}": expected v1.N or v1.N.P (e.g. v1.34)`);
  }
  return { major: Number(match[1]), minor: Number(match[2]), gitVersion: text.trim() };
}

/** True when the version is at least 1.minor. */
export function atLeast(version: ServerVersion, minor: number): boolean {
  return version.major > 1 || (version.major === 1 && version.minor >= minor);
}

/**
 * Features on by default per release (feature gates at their default).
 * Sources: kubernetes/website content/en/docs/reference/command-line-tools-reference/feature-gates/
 * (SidecarContainers beta+default 1.29; PodLifecycleSleepAction beta+default 1.30;
 * PodLifecycleSleepActionAllowZero beta+default 1.33; GRPCContainerProbe beta+default 1.24, GA 1.27;
 * ProbeTerminationGracePeriod beta 1.22, on by default from 1.25 (pkg/features/kube_features.go v1.26.1: "Default to
 * true in beta 1.25"), GA 1.28).
 *
 * procMount is off by default on every release. Through 1.32 the ProcMountType gate is off by default
 * (pkg/features/kube_features.go: alpha off 1.12, beta off 1.31, beta on 1.33), and then the API server sets
 * Unmasked back to Default (pkg/api/pod/util.go dropDisabledProcMountField). From 1.30 validation rejects Unmasked
 * unless the pod sets `hostUsers: false` (kubernetes PR #123520, CHANGELOG-1.30 "now requires setting
 * spec.hostUsers=false as well"), which no scenario does. So only a 1.22–1.29 server with the gate turned on
 * keeps it, which harness/capabilities.ts probes.
 */
export function defaultCapabilities(version: ServerVersion): Capabilities {
  return {
    version,
    sidecars: atLeast(version, 29),
    sleepAction: atLeast(version, 30),
    sleepZero: atLeast(version, 33),
    grpcProbes: atLeast(version, 24),
    probeGrace: atLeast(version, 25),
    procMount: false,
  };
}

/** The newest release the generators and the model know (their features and rules are read up to it). */
export const LATEST_VERSION: ServerVersion = { major: 1, minor: 34, gitVersion: 'v1.34.0' };

/**
 * The oldest release kubeprop supports: the first the version gates distinguish (endPort beta and
 * probe-level grace beta, Pod Security pinned versions from v1.22). Objects generated for it
 * are accepted by every supported release.
 */
export const OLDEST_VERSION: ServerVersion = { major: 1, minor: 22, gitVersion: 'v1.22.0' };

/** Every supported minor release, oldest first. */
export function supportedVersions(): ServerVersion[] {
  return Array.from({ length: LATEST_VERSION.minor - OLDEST_VERSION.minor + 1 }, (_, i) => {
    const minor = OLDEST_VERSION.minor + i;
    return { major: 1, minor, gitVersion: `v1.${minor}.0` };
  });
}
