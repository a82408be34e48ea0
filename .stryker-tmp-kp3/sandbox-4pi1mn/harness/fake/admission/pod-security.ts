// @ts-nocheck
import type { V1Container, V1Pod } from '@kubernetes/client-node';
import type { ManagedObject } from '../../cluster-port';
import type { DefectSet } from '../defects';
import type { AdmissionContext, AdmissionDecision, FakeAdmission } from '../fake-parts';
import { forbidden } from './api-status';

export type Level = 'privileged' | 'baseline' | 'restricted';

export interface Violation {
  /** The check's title as PodSecurity prints it, e.g. "host namespaces". */
  title: string;
  detail: string;
}

/** Capabilities a baseline pod may add (staging/src/k8s.io/pod-security-admission/policy/check_capabilities_baseline.go). */
const BASELINE_CAPABILITIES = new Set([
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
]);

/** Volume types a restricted pod may use (check_restrictedVolumes.go). */
const RESTRICTED_VOLUMES = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

function allContainers(pod: V1Pod): V1Container[] {
  return [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
}

/** `container "a"` or `containers "a", "b"`, as the checks name offenders. */
function containersPhrase(names: string[]): string {
  const quoted = names.map((n) => `"${n}"`).join(', ');
  return names.length === 1 ? `container ${quoted}` : `containers ${quoted}`;
}

function offenders(pod: V1Pod, test: (c: V1Container) => boolean): string[] {
  return allContainers(pod)
    .filter(test)
    .map((c) => c.name);
}

function baselineChecks(pod: V1Pod): Violation[] {
  const violations: Violation[] = [];
  const spec = pod.spec;
  const hosts = (['hostNetwork', 'hostPID', 'hostIPC'] as const).filter((field) => spec?.[field] === true);
  if (hosts.length > 0) {
    violations.push({ title: 'host namespaces', detail: hosts.map((h) => `${h}=true`).join(', ') });
  }
  const privileged = offenders(pod, (c) => c.securityContext?.privileged === true);
  if (privileged.length > 0) {
    violations.push({
      title: 'privileged',
      detail: `${containersPhrase(privileged)} must not set securityContext.privileged=true`,
    });
  }
  const extraCaps = allContainers(pod).flatMap((c) =>
    (c.securityContext?.capabilities?.add ?? [])
      .filter((cap) => !BASELINE_CAPABILITIES.has(cap))
      .map((cap) => ({ name: c.name, cap })),
  );
  if (extraCaps.length > 0) {
    const names = [...new Set(extraCaps.map((e) => e.name))];
    const caps = [...new Set(extraCaps.map((e) => `"${e.cap}"`))];
    violations.push({
      title: 'non-default capabilities',
      detail: `${containersPhrase(names)} must not include ${caps.join(', ')} in securityContext.capabilities.add`,
    });
  }
  const hostPaths = (spec?.volumes ?? []).filter((v) => v.hostPath).map((v) => `"${v.name}"`);
  if (hostPaths.length > 0) {
    violations.push({
      title: 'hostPath volumes',
      detail: hostPaths.length === 1 ? `volume ${hostPaths[0]}` : `volumes ${hostPaths.join(', ')}`,
    });
  }
  const hostPorts = allContainers(pod).flatMap((c) =>
    (c.ports ?? []).filter((p) => p.hostPort).map((p) => ({ name: c.name, port: p.hostPort })),
  );
  if (hostPorts.length > 0) {
    const names = [...new Set(hostPorts.map((h) => h.name))];
    violations.push({
      title: 'hostPort',
      detail: `${containersPhrase(names)} ${names.length === 1 ? 'uses' : 'use'} ${hostPorts.length === 1 ? 'hostPort' : 'hostPorts'} ${hostPorts.map((h) => h.port).join(', ')}`,
    });
  }
  const unmasked = offenders(pod, (c) => c.securityContext?.procMount === 'Unmasked');
  if (unmasked.length > 0) {
    violations.push({
      title: 'procMount',
      detail: `${containersPhrase(unmasked)} must not set securityContext.procMount to "Unmasked"`,
    });
  }
  const unconfinedPod = spec?.securityContext?.seccompProfile?.type === 'Unconfined';
  const unconfined = offenders(pod, (c) => c.securityContext?.seccompProfile?.type === 'Unconfined');
  if (unconfinedPod || unconfined.length > 0) {
    const who = [unconfinedPod ? 'pod' : '', unconfined.length > 0 ? containersPhrase(unconfined) : '']
      .filter(Boolean)
      .join(' and ');
    violations.push({
      title: 'seccompProfile',
      detail: `${who} must not set securityContext.seccompProfile.type to "Unconfined"`,
    });
  }
  return violations;
}

function restrictedChecks(pod: V1Pod): Violation[] {
  const violations: Violation[] = [];
  const podContext = pod.spec?.securityContext;
  const badVolumes = (pod.spec?.volumes ?? []).filter(
    (v) => !RESTRICTED_VOLUMES.some((type) => (v as unknown as Record<string, unknown>)[type] !== undefined),
  );
  if (badVolumes.length > 0) {
    violations.push({
      title: 'restricted volume types',
      detail: badVolumes
        .map(
          (v) =>
            `volume "${v.name}" uses restricted volume type "${Object.keys(v).find((k) => k !== 'name') ?? ''}"`,
        )
        .join(', '),
    });
  }
  const escalating = offenders(pod, (c) => c.securityContext?.allowPrivilegeEscalation !== false);
  if (escalating.length > 0) {
    violations.push({
      title: 'allowPrivilegeEscalation != false',
      detail: `${containersPhrase(escalating)} must set securityContext.allowPrivilegeEscalation=false`,
    });
  }
  const notDropped = offenders(pod, (c) => !(c.securityContext?.capabilities?.drop ?? []).includes('ALL'));
  const added = allContainers(pod).filter((c) =>
    (c.securityContext?.capabilities?.add ?? []).some((cap) => cap !== 'NET_BIND_SERVICE'),
  );
  if (notDropped.length > 0 || added.length > 0) {
    const parts: string[] = [];
    if (notDropped.length > 0)
      parts.push(`${containersPhrase(notDropped)} must set securityContext.capabilities.drop=["ALL"]`);
    if (added.length > 0) {
      const caps = [
        ...new Set(
          added
            .flatMap((c) => c.securityContext?.capabilities?.add ?? [])
            .filter((cap) => cap !== 'NET_BIND_SERVICE'),
        ),
      ];
      parts.push(
        `${containersPhrase(added.map((c) => c.name))} must not include ${caps.map((c) => `"${c}"`).join(', ')} in securityContext.capabilities.add`,
      );
    }
    violations.push({ title: 'unrestricted capabilities', detail: parts.join('; ') });
  }
  const podNonRoot = podContext?.runAsNonRoot;
  const rootContainers = offenders(
    pod,
    (c) =>
      c.securityContext?.runAsNonRoot === false ||
      (c.securityContext?.runAsNonRoot === undefined && podNonRoot !== true),
  );
  if (podNonRoot === false) {
    violations.push({
      title: 'runAsNonRoot != true',
      detail: 'pod must not set securityContext.runAsNonRoot=false',
    });
  } else if (rootContainers.length > 0) {
    violations.push({
      title: 'runAsNonRoot != true',
      detail: `pod or ${containersPhrase(rootContainers)} must set securityContext.runAsNonRoot=true`,
    });
  }
  const rootUsers = offenders(pod, (c) => c.securityContext?.runAsUser === 0);
  if (podContext?.runAsUser === 0 || rootUsers.length > 0) {
    const who = [
      podContext?.runAsUser === 0 ? 'pod' : '',
      rootUsers.length > 0 ? containersPhrase(rootUsers) : '',
    ]
      .filter(Boolean)
      .join(' and ');
    violations.push({ title: 'runAsUser=0', detail: `${who} must not set runAsUser=0` });
  }
  const podProfile = podContext?.seccompProfile?.type;
  const unset = offenders(pod, (c) => {
    const type = c.securityContext?.seccompProfile?.type ?? podProfile;
    return type !== 'RuntimeDefault' && type !== 'Localhost' && type !== 'Unconfined';
  });
  if (unset.length > 0) {
    violations.push({
      title: 'seccompProfile',
      detail: `pod or ${containersPhrase(unset)} must set securityContext.seccompProfile.type to "RuntimeDefault" or "Localhost"`,
    });
  }
  return violations;
}

/** The checks of a level (policy/check_*.go); restricted includes baseline. */
export function evaluatePodSecurity(pod: V1Pod, level: Level): Violation[] {
  if (level === 'privileged') return [];
  const baseline = baselineChecks(pod);
  return level === 'baseline' ? baseline : [...baseline, ...restrictedChecks(pod)];
}

/** `PodSecurity "<level>:<version>": <check> (<detail>), ...`, after "violates" or "would violate". */
function describe(level: string, version: string, violations: Violation[]): string {
  return `PodSecurity "${level}:${version}": ${violations.map((v) => `${v.title} (${v.detail})`).join(', ')}`;
}

const LABEL = 'pod-security.kubernetes.io/';

/**
 * Pod Security admission: enforce rejects, warn returns a warning, audit annotates
 * (staging/src/k8s.io/pod-security-admission/admission/admission.go EvaluatePod).
 */
export function podSecurityAdmission(defects: DefectSet): FakeAdmission {
  return {
    name: 'PodSecurity',
    admit(namespace: string, object: ManagedObject, context: AdmissionContext): AdmissionDecision {
      if (object.kind !== 'Pod') return { allowed: true, object, warnings: [] };
      const labels = context.namespace(namespace)?.metadata?.labels ?? {};
      const setting = (mode: string) => {
        const level = labels[`${LABEL}${mode}`] as Level | undefined;
        return level ? { level, version: labels[`${LABEL}${mode}-version`] ?? 'latest' } : undefined;
      };
      const warnings: string[] = [];
      const annotations = { ...(object.metadata?.annotations ?? {}) };
      const enforce = setting('enforce');
      if (enforce) {
        annotations[`${LABEL}enforce-policy`] = `${enforce.level}:${enforce.version}`;
        const violations = evaluatePodSecurity(object, enforce.level);
        if (violations.length > 0) {
          const message = describe(enforce.level, enforce.version, violations);
          if (!defects.has('podsecurity-enforce-ignored')) {
            return forbidden('Pod', object.metadata?.name ?? '', `violates ${message}`);
          }
          warnings.push(`would violate ${message}`);
        }
      }
      const warn = setting('warn');
      if (warn) {
        const violations = evaluatePodSecurity(object, warn.level);
        if (violations.length > 0)
          warnings.push(`would violate ${describe(warn.level, warn.version, violations)}`);
      }
      const audit = setting('audit');
      if (audit) {
        const violations = evaluatePodSecurity(object, audit.level);
        if (violations.length > 0) {
          annotations[`${LABEL}audit-violations`] =
            `would violate ${describe(audit.level, audit.version, violations)}`;
        }
      }
      return {
        allowed: true,
        object: { ...object, metadata: { ...object.metadata, annotations } },
        warnings,
      };
    },
  };
}
