import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import type {
  ContainerScenario,
  PodScenario,
  PodSecurityLabels,
  PodSecurityModeSetting,
  PodSecurityScenario,
  VolumeKind,
} from '../model/scenario';
import { POD_SECURITY_VIOLATIONS, violatedChecks } from './pod-security-violations';

export interface PodSecurityScenarioConstraints {
  /** Most checks violated on purpose at once (default 3). */
  maxViolations?: number;
  /** Most app containers (default 2). */
  maxContainers?: number;
}

/** Volume types the restricted level allows and that need no other object to exist (check_restrictedVolumes.go). */
const SAFE_VOLUMES: readonly VolumeKind[] = ['emptyDir', 'configMap', 'secret', 'projected', 'downwardAPI'];

/** Pod Security exists from 1.22/1.23 (GA 1.25): pinned versions range from v1.22 to the server's. */
const FIRST_POLICY_MINOR = 22;

function modeSetting(capabilities: Capabilities): fc.Arbitrary<PodSecurityModeSetting> {
  const minor = capabilities.version.minor;
  const version =
    minor >= FIRST_POLICY_MINOR
      ? fc.oneof(
          fc.constant('latest'),
          fc.integer({ min: FIRST_POLICY_MINOR, max: minor }).map((n) => `v1.${n}`),
        )
      : fc.constant('latest');
  return fc.record(
    { level: fc.constantFrom('privileged' as const, 'baseline' as const, 'restricted' as const), version },
    { noNullPrototype: true },
  );
}

/** enforce/warn/audit labels, each optional (namespace labels pod-security.kubernetes.io/<mode>[-version]). */
function podSecurityLabels(capabilities: Capabilities): fc.Arbitrary<PodSecurityLabels> {
  const mode = fc.option(modeSetting(capabilities), { nil: undefined, freq: 3 });
  return fc.tuple(mode, mode, mode).map(([enforce, warn, audit]) => {
    const labels: PodSecurityLabels = {};
    if (enforce) labels.enforce = enforce;
    if (warn) labels.warn = warn;
    if (audit) labels.audit = audit;
    return labels;
  });
}

interface Placement {
  /** runAsNonRoot on the pod (true) or on each container. */
  podRunAsNonRoot: boolean;
  /** seccompProfile RuntimeDefault on the pod (true) or on each container. */
  podSeccomp: boolean;
  /** Add NET_BIND_SERVICE, the one capability restricted allows (check_capabilities_restricted.go). */
  addNetBindService: boolean;
}

function compliantContainer(index: number, placement: Placement): ContainerScenario {
  const security: ContainerScenario['security'] = {
    allowPrivilegeEscalation: false,
    capabilitiesDrop: ['ALL'],
  };
  if (placement.addNetBindService) security.capabilitiesAdd = ['NET_BIND_SERVICE'];
  if (!placement.podRunAsNonRoot) security.runAsNonRoot = true;
  if (!placement.podSeccomp) security.seccompProfile = 'RuntimeDefault';
  return {
    name: `app-${index}`,
    behaviour: { startDelaySeconds: 0, sigterm: { kind: 'exit', afterSeconds: 0, exitCode: 0 } },
    ports: [],
    resources: { requests: {}, limits: {} },
    lifecycle: {},
    probes: {},
    security,
  };
}

/** A pod that meets the restricted level: non-root user, RuntimeDefault seccomp, no escalation, ALL dropped. */
function compliantPod(containers: number, placement: Placement, volumes: VolumeKind[]): PodScenario {
  const security: PodScenario['security'] = { runAsUser: 1000 };
  if (placement.podRunAsNonRoot) security.runAsNonRoot = true;
  if (placement.podSeccomp) security.seccompProfile = 'RuntimeDefault';
  if (volumes.length > 0) security.volumes = volumes;
  return {
    name: 'pod',
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 1,
    initContainers: [],
    containers: Array.from({ length: containers }, (_, i) => compliantContainer(i, placement)),
    labels: { app: 'pod' },
    security,
  };
}

/**
 * Namespace Pod Security labels and a pod that meets restricted or deliberately fails chosen baseline
 * and restricted checks; `intendedViolations` lists the check IDs it fails.
 */
export function podSecurityScenario(
  capabilities: Capabilities,
  constraints: PodSecurityScenarioConstraints = {},
): fc.Arbitrary<PodSecurityScenario> {
  const available = POD_SECURITY_VIOLATIONS.filter((v) => v.available?.(capabilities) ?? true);
  return fc
    .record(
      {
        labels: podSecurityLabels(capabilities),
        containers: fc.integer({ min: 1, max: constraints.maxContainers ?? 2 }),
        placement: fc.record(
          { podRunAsNonRoot: fc.boolean(), podSeccomp: fc.boolean(), addNetBindService: fc.boolean() },
          { noNullPrototype: true },
        ),
        volumes: fc.subarray([...SAFE_VOLUMES]),
        violations: fc.subarray([...available], { maxLength: constraints.maxViolations ?? 3 }),
      },
      { noNullPrototype: true },
    )
    .map(({ labels, containers, placement, volumes, violations }) => {
      // Reverse catalogue order: the "unset" changes of restricted checks come before the baseline changes
      // that set a value on the same field, so no change undoes another.
      const pod = [...violations]
        .reverse()
        .reduce((p, v) => v.apply(p), compliantPod(containers, placement, volumes));
      return { family: 'podsecurity' as const, labels, pod, intendedViolations: violatedChecks(violations) };
    });
}
