import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import { POLICY_VERSION_STEPS } from '../model/podsecurity';
import type { PodSecurityLabels, PodSecurityModeSetting, PodSecurityScenario } from '../model/scenario';
import {
  compliantPod,
  placementArbitrary,
  SAFE_VOLUMES,
  type PodSecurityPlacement,
} from './pod-security-compliant';
import {
  POD_SECURITY_VIOLATIONS,
  violatedChecks,
  type PodSecurityViolation,
} from './pod-security-violations';

export interface PodSecurityScenarioConstraints {
  /** Most checks violated on purpose at once (default 3). */
  maxViolations?: number;
  /** Most app containers (default 2). */
  maxContainers?: number;
}

/**
 * Pinned policy versions: any from v1.0 (PSA parses every v1.N: pod-security-admission/api/helpers.go
 * ParseVersion) to the server's, and often one on either side of a step where a check starts or
 * changes (POLICY_VERSION_STEPS).
 */
function modeSetting(capabilities: Capabilities): fc.Arbitrary<PodSecurityModeSetting> {
  const minor = capabilities.version.minor;
  const boundaries = [...new Set(POLICY_VERSION_STEPS.flatMap((step) => [step - 1, step]))].filter(
    (n) => n >= 0 && n <= minor,
  );
  const version = fc.oneof(
    fc.constant('latest'),
    fc.integer({ min: 0, max: minor }).map((n) => `v1.${n}`),
    fc.constantFrom(...boundaries).map((n) => `v1.${n}`),
  );
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

/**
 * Namespace Pod Security labels and a pod that meets restricted or deliberately fails chosen baseline
 * and restricted checks; `intendedViolations` lists the check IDs it fails.
 */
export function podSecurityScenario(
  capabilities: Capabilities,
  constraints: PodSecurityScenarioConstraints = {},
): fc.Arbitrary<PodSecurityScenario> {
  const available = POD_SECURITY_VIOLATIONS.filter((v) => v.available?.(capabilities) ?? true);
  const checks = [...new Set(available.map((v) => v.check))];
  // One shape per chosen check, so each check keeps its share however many shapes it has.
  const shapes = (chosen: string[]): fc.Arbitrary<PodSecurityViolation[]> =>
    fc.tuple(...chosen.map((check) => fc.constantFrom(...available.filter((v) => v.check === check))));
  return fc
    .record(
      {
        labels: podSecurityLabels(capabilities),
        containers: fc.integer({ min: 1, max: constraints.maxContainers ?? 2 }),
        placement: placementArbitrary(),
        volumes: fc.subarray([...SAFE_VOLUMES]),
        violations: fc
          .subarray(checks, { maxLength: constraints.maxViolations ?? 3 })
          .chain((chosen) => (chosen.length > 0 ? shapes(chosen) : fc.constant<PodSecurityViolation[]>([]))),
      },
      { noNullPrototype: true },
    )
    .map(({ labels, containers, placement, volumes, violations }) => {
      const kept = compatible(violations, placement);
      const withInit = {
        ...placement,
        initContainer: placement.initContainer || kept.some((v) => v.needsInitContainer),
      };
      // Reverse catalogue order (see POD_SECURITY_VIOLATIONS): no change undoes another.
      const order = (v: PodSecurityViolation): number => POD_SECURITY_VIOLATIONS.indexOf(v);
      const pod = [...kept]
        .sort((a, b) => order(b) - order(a))
        .reduce((p, v) => v.apply(p), compliantPod(containers, withInit, volumes));
      return { family: 'podsecurity' as const, labels, pod, intendedViolations: violatedChecks(kept) };
    });
}

/** The drawn shapes that fit the placement and exclude none of the others (earlier ones win). */
function compatible(
  violations: readonly PodSecurityViolation[],
  placement: PodSecurityPlacement,
): PodSecurityViolation[] {
  const kept: PodSecurityViolation[] = [];
  for (const v of violations) {
    if (!(v.fits?.(placement) ?? true)) continue;
    const clash = kept.some((k) => k.excludes?.includes(v.id) || v.excludes?.includes(k.id));
    if (!clash) kept.push(v);
  }
  return kept;
}
