import fc from 'fast-check';
import { defaultCapabilities, LATEST_VERSION, parseServerVersion } from '../../model/capabilities';
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

/** Each fixture shape the server can express, on its own: the pod fails exactly the checks it names, in every placement it fits. */
describe.each([LATEST_VERSION, parseServerVersion('v1.26.1')])('fixture shapes on $gitVersion', (server) => {
  const failed = (pod: Parameters<typeof evaluatePodSecurity>[0]) =>
    [...new Set(evaluatePodSecurity(pod, 'restricted', server.minor, server).map((v) => v.check))].sort();

  const available = POD_SECURITY_VIOLATIONS.filter((v) => v.available?.(defaultCapabilities(server)) ?? true);
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

  it('every placement gives a pod that passes restricted, and every passing fixture case is drawn', () => {
    for (const placement of placements)
      expect(failed(compliantPod(2, placement, [...SAFE_VOLUMES]))).toEqual([]);
    const drawn = POD_SECURITY_PASSING_SHAPES.filter((shape) =>
      placements.some((p) => shape.matches(p, SAFE_VOLUMES)),
    ).map((shape) => shape.fixture);
    expect(drawn).toEqual(POD_SECURITY_PASSING_SHAPES.map((shape) => shape.fixture));
  });
});
