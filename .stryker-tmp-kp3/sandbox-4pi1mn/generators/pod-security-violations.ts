// @ts-nocheck
import type { Capabilities } from '../model/capabilities';
import { atLeast } from '../model/capabilities';
import type { ContainerSecurity, PodScenario } from '../model/scenario';

/**
 * Deliberate Pod Security violations. Each one changes a restricted-compliant pod so that it fails one
 * upstream check (staging/src/k8s.io/pod-security-admission/policy/check_<id>.go) and lists every check
 * the change makes fail, e.g. a hostPath volume fails hostPathVolumes (baseline) and restrictedVolumes.
 */
export interface PodSecurityViolation {
  id: string;
  /** Check IDs the change makes fail. */
  violates: string[];
  apply(pod: PodScenario): PodScenario;
  /** Whether the target can express it. */
  available?(capabilities: Capabilities): boolean;
}

/** The first app container's security changed by `change`. */
function onFirstContainer(
  pod: PodScenario,
  change: (security: ContainerSecurity) => ContainerSecurity,
): PodScenario {
  const [first, ...rest] = pod.containers;
  return { ...pod, containers: [{ ...first, security: change({ ...first.security }) }, ...rest] };
}

function without<T extends object, K extends keyof T>(value: T, ...keys: K[]): T {
  const copy = { ...value };
  for (const key of keys) delete copy[key];
  return copy;
}

/** Host ports sit far above the planned container ports (generators/port-plan.ts). */
const HOST_PORT = 30080;

export const POD_SECURITY_VIOLATIONS: readonly PodSecurityViolation[] = [
  {
    id: 'privileged',
    // privileged with allowPrivilegeEscalation false is invalid (validation.go validateSecurityContext), so that goes too.
    violates: ['allowPrivilegeEscalation', 'privileged'],
    apply: (pod) =>
      onFirstContainer(pod, (s) => ({ ...without(s, 'allowPrivilegeEscalation'), privileged: true })),
  },
  {
    id: 'hostNamespaces',
    violates: ['hostNamespaces'],
    apply: (pod) => ({ ...pod, security: { ...pod.security, hostPID: true } }),
  },
  {
    id: 'hostNetwork',
    violates: ['hostNamespaces'],
    apply: (pod) => ({ ...pod, security: { ...pod.security, hostNetwork: true } }),
  },
  {
    id: 'hostPorts',
    violates: ['hostPorts'],
    apply: (pod) => onFirstContainer(pod, (s) => ({ ...s, hostPort: HOST_PORT })),
  },
  {
    id: 'hostPathVolumes',
    violates: ['hostPathVolumes', 'restrictedVolumes'],
    apply: (pod) => ({
      ...pod,
      security: { ...pod.security, volumes: [...(pod.security?.volumes ?? []), 'hostPath'] },
    }),
  },
  {
    id: 'capabilities_baseline',
    // SYS_ADMIN is outside the baseline's default set (check_capabilities_baseline.go).
    violates: ['capabilities_baseline', 'capabilities_restricted'],
    apply: (pod) => onFirstContainer(pod, (s) => ({ ...s, capabilitiesAdd: ['SYS_ADMIN'] })),
  },
  {
    id: 'seLinuxOptions',
    // Allowed types are "", container_t, container_init_t, container_kvm_t (check_seLinuxOptions.go).
    violates: ['seLinuxOptions'],
    apply: (pod) => onFirstContainer(pod, (s) => ({ ...s, seLinuxType: 'spc_t' })),
  },
  {
    id: 'seccompProfile_baseline',
    violates: ['seccompProfile_baseline', 'seccompProfile_restricted'],
    apply: (pod) => onFirstContainer(pod, (s) => ({ ...s, seccompProfile: 'Unconfined' })),
  },
  {
    id: 'sysctls',
    // Not in the safe set of check_sysctls.go.
    violates: ['sysctls'],
    apply: (pod) => ({ ...pod, security: { ...pod.security, sysctls: ['kernel.msgmax'] } }),
  },
  {
    id: 'appArmorProfile',
    violates: ['appArmorProfile'],
    apply: (pod) => onFirstContainer(pod, (s) => ({ ...s, appArmorProfile: 'Unconfined' })),
    // The securityContext field exists from 1.30 (check_appArmorProfile.go reads it).
    available: (capabilities) => atLeast(capabilities.version, 30),
  },
  {
    id: 'allowPrivilegeEscalation',
    violates: ['allowPrivilegeEscalation'],
    apply: (pod) => onFirstContainer(pod, (s) => ({ ...s, allowPrivilegeEscalation: true })),
  },
  {
    id: 'capabilities_restricted',
    violates: ['capabilities_restricted'],
    apply: (pod) => onFirstContainer(pod, (s) => without(s, 'capabilitiesDrop')),
  },
  {
    id: 'runAsNonRoot',
    violates: ['runAsNonRoot'],
    apply: (pod) => ({
      ...pod,
      security: without({ ...pod.security }, 'runAsNonRoot'),
      containers: pod.containers.map((c) => ({ ...c, security: without({ ...c.security }, 'runAsNonRoot') })),
    }),
  },
  {
    id: 'runAsUser',
    violates: ['runAsUser'],
    apply: (pod) => onFirstContainer(pod, (s) => ({ ...s, runAsUser: 0 })),
  },
  {
    id: 'seccompProfile_restricted',
    // Unset everywhere: allowed by baseline, not by restricted.
    violates: ['seccompProfile_restricted'],
    apply: (pod) => ({
      ...pod,
      security: without({ ...pod.security }, 'seccompProfile'),
      containers: pod.containers.map((c) => ({
        ...c,
        security: without({ ...c.security }, 'seccompProfile'),
      })),
    }),
  },
];

/** The checks a pod fails after these changes, sorted and unique. */
export function violatedChecks(violations: readonly PodSecurityViolation[]): string[] {
  return [...new Set(violations.flatMap((v) => v.violates))].sort();
}
