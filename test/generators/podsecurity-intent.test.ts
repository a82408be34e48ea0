import fc from 'fast-check';
import { defaultCapabilities, LATEST_VERSION, parseServerVersion } from '../../model/capabilities';
import { evaluatePodSecurity } from '../../model/podsecurity';
import { podSecurityScenario } from '../../generators/podsecurity-scenario';

/** Baseline check IDs (staging/src/k8s.io/pod-security-admission/policy/check_*.go, level Baseline). */
const BASELINE_CHECKS = new Set([
  'hostNamespaces',
  'privileged',
  'capabilities_baseline',
  'hostPathVolumes',
  'hostPorts',
  'appArmorProfile',
  'seLinuxOptions',
  'procMount',
  'seccompProfile_baseline',
  'sysctls',
  'windowsHostProcess',
]);

/** Restricted checks that replace a baseline check at the restricted level (their OverrideCheckIDs). */
const OVERRIDDEN_AT_RESTRICTED = new Set([
  'capabilities_baseline',
  'seccompProfile_baseline',
  'hostPathVolumes',
]);

const sorted = (ids: Iterable<string>): string[] => [...new Set(ids)].sort();

/**
 * Pods generated to violate Pod Security are rejected for the intended reason only: the checks they
 * fail at each level are exactly their `intendedViolations` that the level runs.
 */
const v126 = parseServerVersion('v1.26.1');

describe.each([
  [LATEST_VERSION.gitVersion, defaultCapabilities(LATEST_VERSION)],
  [v126.gitVersion, defaultCapabilities(v126)],
  // The test node: 1.26 with the ProcMountType gate on, so procMount Unmasked is drawn.
  [`${v126.gitVersion} with ProcMountType`, { ...defaultCapabilities(v126), procMount: true }],
])('podsecurity intent on %s', (_name, capabilities) => {
  const version = capabilities.version;
  const failedAt = (
    scenario: { pod: Parameters<typeof evaluatePodSecurity>[0] },
    level: 'baseline' | 'restricted',
  ) => sorted(evaluatePodSecurity(scenario.pod, level, version.minor, version).map((v) => v.check));

  test('at restricted: the intended violations, less the baseline checks restricted ones replace', () => {
    fc.assert(
      fc.property(podSecurityScenario(capabilities), (scenario) => {
        const intended = (scenario.intendedViolations ?? []).filter(
          (id) => !OVERRIDDEN_AT_RESTRICTED.has(id),
        );
        expect(failedAt(scenario, 'restricted')).toEqual(sorted(intended));
      }),
      { numRuns: 300 },
    );
  });

  test('at baseline: exactly the intended violations that are baseline checks', () => {
    fc.assert(
      fc.property(podSecurityScenario(capabilities), (scenario) => {
        const intended = (scenario.intendedViolations ?? []).filter((id) => BASELINE_CHECKS.has(id));
        expect(failedAt(scenario, 'baseline')).toEqual(sorted(intended));
      }),
      { numRuns: 300 },
    );
  });
});
