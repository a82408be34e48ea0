import fc from 'fast-check';
import {
  defaultCapabilities,
  LATEST_VERSION,
  parseServerVersion,
  type Capabilities,
} from '../../model/capabilities';
import { evaluatePodSecurity } from '../../model/podsecurity';
import {
  compliantPod,
  placementArbitrary,
  POD_SECURITY_PASSING_SHAPES,
  SAFE_VOLUMES,
  type PodSecurityPlacement,
} from '../../generators/pod-security-compliant';
import { POD_SECURITY_VIOLATIONS } from '../../generators/pod-security-violations';

/** Restricted checks replace these baseline ones (registry.go populate), so restricted reports only theirs. */
const OVERRIDDEN = new Set(['capabilities_baseline', 'seccompProfile_baseline', 'hostPathVolumes']);
const placements = fc.sample(placementArbitrary(), { seed: 12, numRuns: 400 });

const v126 = parseServerVersion('v1.26.1');
/** The release's defaults, and 1.26 with the ProcMountType gate on (procMount Unmasked kept), as the test node runs. */
const TARGETS: [string, Capabilities][] = [
  [LATEST_VERSION.gitVersion, defaultCapabilities(LATEST_VERSION)],
  [v126.gitVersion, defaultCapabilities(v126)],
  [`${v126.gitVersion} with ProcMountType`, { ...defaultCapabilities(v126), procMount: true }],
];

/** Each fixture shape the server can express, on its own: the pod fails exactly the checks it names, in every placement it fits. */
describe.each(TARGETS)('fixture shapes on %s', (_name, capabilities) => {
  const server = capabilities.version;
  const failed = (pod: Parameters<typeof evaluatePodSecurity>[0]) =>
    [...new Set(evaluatePodSecurity(pod, 'restricted', server.minor, server).map((v) => v.check))].sort();

  const available = POD_SECURITY_VIOLATIONS.filter((v) => v.available?.(capabilities) ?? true);
  it.each(available.map((v) => [v.id, v] as const))('%s', (_id, violation) => {
    const fitting = placements.filter((p) => violation.fits?.(p) ?? true);
    expect(fitting.length).toBeGreaterThan(0);
    for (const placement of fitting) {
      const p: PodSecurityPlacement = {
        ...placement,
        initContainer: placement.initContainer || !!violation.needsInitContainer,
      };
      const pod = violation.apply(compliantPod(2, p, ['emptyDir']));
      expect(failed(pod)).toEqual(violation.violates.filter((id) => !OVERRIDDEN.has(id)).sort());
    }
  });

  it('draws procMount Unmasked exactly where the server keeps it', () => {
    expect(available.some((v) => v.check === 'procMount')).toBe(capabilities.procMount);
  });

  it('every placement gives a pod that passes restricted, and every passing fixture case is drawn', () => {
    for (const placement of placements)
      expect(failed(compliantPod(2, placement, [...SAFE_VOLUMES]))).toEqual([]);
    const drawn = POD_SECURITY_PASSING_SHAPES.filter((shape) =>
      placements.some((p) => shape.matches(p, SAFE_VOLUMES)),
    ).map((shape) => shape.fixture);
    expect(drawn).toEqual(POD_SECURITY_PASSING_SHAPES.map((shape) => shape.fixture));
  });
});
