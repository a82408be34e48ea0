import type { ServerVersion } from '../capabilities';
import type {
  PodSecurityLabels,
  PodSecurityLevel,
  PodSecurityMode,
  PodSecurityModeSetting,
} from '../scenario';
import { BASELINE_CHECKS } from './baseline-checks';
import type { CheckFailure, PodSecurityCheck, PodSecurityCheckId, PodSecuritySubject } from './check';
import { RESTRICTED_CHECKS } from './restricted-checks';
import { admittedSubject } from './version-skew';

export interface PodSecurityViolation extends CheckFailure {
  check: PodSecurityCheckId;
}

const POLICY_VERSION = /^v1\.(\d+)$/;

/**
 * The policy version a label selects: "latest" is the server's release, and a version newer than
 * the server is evaluated as latest (staging/src/k8s.io/pod-security-admission/api/helpers.go ParseVersion).
 */
export function policyMinor(setting: PodSecurityModeSetting, server: ServerVersion): number {
  const match = POLICY_VERSION.exec(setting.version);
  return match ? Math.min(Number(match[1]), server.minor) : server.minor;
}

/**
 * Each check_<id>.go registers itself in init(), and Go runs a package's init() functions in file
 * name order, so within a level the failures are listed by check id, byte-wise
 * (staging/src/k8s.io/pod-security-admission/policy/checks.go addCheck).
 */
function inRegistrationOrder(checks: PodSecurityCheck[]): PodSecurityCheck[] {
  return [...checks].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Servers from 1.24 let a restricted check replace the baseline check it overrides (kubernetes PR
 * #107698, "Deduplicate errors between baseline & restricted checks": restrictedVolumes over
 * hostPathVolumes, capabilities and seccomp likewise); a 1.23 server reports both, as a v1.23.13
 * node did for a hostPath volume under restricted.
 */
const OVERRIDES_FROM_SERVER_MINOR = 24;

/**
 * The checks a level runs at a policy version: baseline checks apply at both levels, restricted ones
 * add to them and, on servers that have overrides, replace the baseline check they override.
 * Source: staging/src/k8s.io/pod-security-admission/policy/registry.go populate.
 */
function selectChecks(level: PodSecurityLevel, minor: number, overrides: boolean): PodSecurityCheck[] {
  if (level === 'privileged') return [];
  const baseline = inRegistrationOrder(BASELINE_CHECKS.filter((c) => c.sinceMinor <= minor));
  if (level === 'baseline') return baseline;
  const restricted = inRegistrationOrder(RESTRICTED_CHECKS.filter((c) => c.sinceMinor <= minor));
  const overridden = new Set(
    overrides ? restricted.map((c) => c.overrides).filter((id) => id !== undefined) : [],
  );
  return [...baseline.filter((c) => !overridden.has(c.id)), ...restricted];
}

/**
 * The policy versions at which what a check allows changes, as the model knows them: each check's
 * first version (check_*.go MinimumVersion) and the versions that widen an allowed set (sysctls
 * 1.27, 1.29, 1.32, 1.37: allowedSysctls; SELinux type container_engine_t 1.31: allowedSeLinuxTypes).
 * A generator pins versions on both sides of each.
 */
export const POLICY_VERSION_STEPS: readonly number[] = [
  ...new Set(
    [...BASELINE_CHECKS, ...RESTRICTED_CHECKS].map((c) => c.sinceMinor).concat([27, 29, 31, 32, 37]),
  ),
]
  .filter((minor) => minor > 0)
  .sort((a, b) => a - b);

/** The lists are fixed per level and version, so they are sorted and filtered once, not per pod. */
const CHECKS_BY_POLICY = new Map<string, readonly PodSecurityCheck[]>();

/** selectChecks, computed once per level, policy version and whether the server has overrides. */
export function checksFor(
  level: PodSecurityLevel,
  minor: number,
  serverMinor: number = OVERRIDES_FROM_SERVER_MINOR,
): readonly PodSecurityCheck[] {
  const overrides = serverMinor >= OVERRIDES_FROM_SERVER_MINOR;
  const key = `${level}:${minor}:${overrides}`;
  let checks = CHECKS_BY_POLICY.get(key);
  if (!checks) {
    checks = selectChecks(level, minor, overrides);
    CHECKS_BY_POLICY.set(key, checks);
  }
  return checks;
}

/** Every failed check of the level's policy for this pod, as admission sees it (version-skew.ts). */
export function evaluatePodSecurity(
  pod: PodSecuritySubject,
  level: PodSecurityLevel,
  minor: number,
  server: ServerVersion,
): PodSecurityViolation[] {
  const context = { pod: admittedSubject(pod, server.minor), policyMinor: minor, serverMinor: server.minor };
  const violations: PodSecurityViolation[] = [];
  for (const check of checksFor(level, minor, server.minor)) {
    const failure = check.evaluate(context);
    if (failure) violations.push({ check: check.id, ...failure });
  }
  return violations;
}

/** `restricted:latest` as PSA prints a policy (api.Policy String). */
export function policyName(setting: PodSecurityModeSetting): string {
  return `${setting.level}:${setting.version}`;
}

/** "<reason> (<detail>), ..." as in PSA's messages (policy.AggregateCheckResults ForbiddenDetail). */
export function violationsText(violations: PodSecurityViolation[]): string {
  return violations.map((v) => `${v.reason} (${v.detail})`).join(', ');
}

export interface ModeOutcome {
  setting: PodSecurityModeSetting;
  violations: PodSecurityViolation[];
}

export interface PodSecurityDecision {
  allowed: boolean;
  /** The enforce policy's failures (empty when allowed). */
  enforce: ModeOutcome;
  /** Warning text returned to the client, only when the pod is admitted (admission.go EvaluatePod). */
  warning?: string;
  warn: ModeOutcome;
  /** Recorded as the audit annotation pod-security.kubernetes.io/audit-violations (audit log only). */
  audit: ModeOutcome;
  /** The Forbidden message's text after `pods "x" is forbidden: `. */
  rejection?: string;
}

const UNSET: PodSecurityModeSetting = { level: 'privileged', version: 'latest' };

function outcome(
  pod: PodSecuritySubject,
  labels: PodSecurityLabels,
  mode: PodSecurityMode,
  server: ServerVersion,
): ModeOutcome {
  const setting = labels[mode] ?? UNSET;
  return {
    setting,
    violations: evaluatePodSecurity(pod, setting.level, policyMinor(setting, server), server),
  };
}

/**
 * The decision per mode: enforce rejects, warn adds a warning to an admitted request, audit
 * annotates the audit event. An unset mode is privileged (the default configuration).
 * Source: staging/src/k8s.io/pod-security-admission/admission/admission.go EvaluatePod.
 */
export function podSecurityDecision(
  pod: PodSecuritySubject,
  labels: PodSecurityLabels,
  server: ServerVersion,
): PodSecurityDecision {
  const enforce = outcome(pod, labels, 'enforce', server);
  const warn = outcome(pod, labels, 'warn', server);
  const audit = outcome(pod, labels, 'audit', server);
  const allowed = enforce.violations.length === 0;
  return {
    allowed,
    enforce,
    warn,
    audit,
    rejection: allowed
      ? undefined
      : `violates PodSecurity ${JSON.stringify(policyName(enforce.setting))}: ${violationsText(enforce.violations)}`,
    warning:
      allowed && warn.violations.length > 0
        ? `would violate PodSecurity ${JSON.stringify(policyName(warn.setting))}: ${violationsText(warn.violations)}`
        : undefined,
  };
}

/**
 * The check id a violation reads back as from its message (REASON_TO_CHECK): messages name reasons
 * only, and procMount_restricted reports "procMount" like the baseline check it replaces.
 */
export function reportedCheck(check: PodSecurityCheckId): PodSecurityCheckId {
  return check === 'procMount_restricted' ? 'procMount' : check;
}

/**
 * Forbidden reasons → check id, for reading violations back out of messages. "seccompProfile" names
 * the restricted check when the policy is restricted, the baseline check otherwise.
 */
export const REASON_TO_CHECK: Record<string, PodSecurityCheckId> = {
  'host namespaces': 'hostNamespaces',
  privileged: 'privileged',
  'non-default capabilities': 'capabilities_baseline',
  'hostPath volumes': 'hostPathVolumes',
  hostPort: 'hostPorts',
  'forbidden AppArmor profile': 'appArmorProfile',
  'forbidden AppArmor profiles': 'appArmorProfile',
  seLinuxOptions: 'seLinuxOptions',
  procMount: 'procMount',
  seccompProfile: 'seccompProfile_baseline',
  'forbidden sysctls': 'sysctls',
  'restricted volume types': 'restrictedVolumes',
  'allowPrivilegeEscalation != false': 'allowPrivilegeEscalation',
  'runAsNonRoot != true': 'runAsNonRoot',
  'runAsUser=0': 'runAsUser',
  'unrestricted capabilities': 'capabilities_restricted',
  hostProcess: 'windowsHostProcess',
};
