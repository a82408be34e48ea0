import type { ContainerScenario, PodSecurity, PodSecurityLevel, VolumeKind } from '../scenario';

/** Check ids as upstream names them (staging/src/k8s.io/pod-security-admission/policy/check_*.go). */
export type PodSecurityCheckId =
  | 'hostNamespaces'
  | 'privileged'
  | 'capabilities_baseline'
  | 'hostPathVolumes'
  | 'hostPorts'
  | 'appArmorProfile'
  | 'seLinuxOptions'
  | 'procMount'
  | 'procMount_restricted'
  | 'seccompProfile_baseline'
  | 'sysctls'
  | 'windowsHostProcess'
  | 'restrictedVolumes'
  | 'allowPrivilegeEscalation'
  | 'runAsNonRoot'
  | 'runAsUser'
  | 'seccompProfile_restricted'
  | 'capabilities_restricted';

/** A container as the checks see it: its name and security settings. */
export type SecuredContainer = Pick<ContainerScenario, 'name' | 'security'>;

export interface NamedVolume {
  name: string;
  /** The volume source's field name (a VolumeKind, or any other source a pod read back uses). */
  kind: string;
}

/**
 * What the checks read: a PodScenario, or a pod spec read back by the fake API server (which knows
 * its volumes' real names).
 */
export interface PodSecuritySubject {
  initContainers: SecuredContainer[];
  containers: SecuredContainer[];
  security?: PodSecurity;
  /** The volumes with their names; absent: security.volumes named as the manifest mapper names them. */
  namedVolumes?: NamedVolume[];
}

export interface CheckContext {
  pod: PodSecuritySubject;
  /** Minor version of the policy being evaluated (the -version label, capped at the server's). */
  policyMinor: number;
  /** Minor version of the server: decides which pod fields exist at all. */
  serverMinor: number;
}

/** A failed check as PSA reports it: "<reason> (<detail>)". */
export interface CheckFailure {
  reason: string;
  detail: string;
}

export interface PodSecurityCheck {
  id: PodSecurityCheckId;
  level: Exclude<PodSecurityLevel, 'privileged'>;
  /** First policy version the check exists in. */
  sinceMinor: number;
  /** A restricted check that replaces a baseline check from its own sinceMinor (registry.go populate). */
  overrides?: PodSecurityCheckId;
  evaluate(context: CheckContext): CheckFailure | undefined;
}

/** Init containers, then app containers (policy/visitor.go visitContainers). */
export function everyContainer(pod: PodSecuritySubject): SecuredContainer[] {
  return [...pod.initContainers, ...pod.containers];
}

/**
 * The names a scenario's volumes get in its manifest, which PSA details print: `vol-<kind>`, and
 * `vol-<kind>-<n>` for the n-th volume of a kind already used (fixtures_hostPathVolumes.go has two
 * hostPath volumes).
 */
export function scenarioVolumes(kinds: readonly VolumeKind[]): NamedVolume[] {
  const seen = new Map<string, number>();
  return kinds.map((kind) => {
    const n = (seen.get(kind) ?? 0) + 1;
    seen.set(kind, n);
    const base = `vol-${kind.toLowerCase()}`;
    return { name: n === 1 ? base : `${base}-${n}`, kind };
  });
}

/**
 * The pod's volumes with their names, as admission sees them: a volume without a source is an emptyDir
 * by then (pkg/apis/core/v1/defaults.go SetDefaults_Volume runs at decoding, before admission).
 */
export function podVolumes(pod: PodSecuritySubject): NamedVolume[] {
  return (pod.namedVolumes ?? scenarioVolumes(pod.security?.volumes ?? [])).map((v) =>
    v.kind === 'implicitEmptyDir' ? { ...v, kind: 'emptyDir' } : v,
  );
}

/** `container "a"` / `containers "a", "b"` (policy/helpers.go pluralize + joinQuote). */
export function containersPhrase(names: string[]): string {
  return `${names.length === 1 ? 'container' : 'containers'} ${joinQuote(names)}`;
}

export function joinQuote(values: string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}
