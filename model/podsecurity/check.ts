import type { ContainerScenario, PodScenario, PodSecurityLevel } from '../scenario';

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
  | 'seccompProfile_baseline'
  | 'sysctls'
  | 'restrictedVolumes'
  | 'allowPrivilegeEscalation'
  | 'runAsNonRoot'
  | 'runAsUser'
  | 'seccompProfile_restricted'
  | 'capabilities_restricted';

export interface CheckContext {
  pod: PodScenario;
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
export function everyContainer(pod: PodScenario): ContainerScenario[] {
  return [...pod.initContainers, ...pod.containers];
}

/** `container "a"` / `containers "a", "b"` (policy/helpers.go pluralize + joinQuote). */
export function containersPhrase(names: string[]): string {
  return `${names.length === 1 ? 'container' : 'containers'} ${joinQuote(names)}`;
}

export function joinQuote(values: string[]): string {
  return values.map((v) => JSON.stringify(v)).join(', ');
}
