import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import {
  basisOf,
  basisProblems,
  commonBasis,
  describeBasis,
  generationCapabilities,
  sameBasis,
} from '../../model/generation-basis';

const caps = (version: string) => defaultCapabilities(parseServerVersion(version));

describe('generation basis', () => {
  const v123 = basisOf(caps('v1.23.13'), 'v1.23.13');
  const v126 = basisOf(caps('v1.26.1'), 'v1.26.1');

  it('common: the older version gates and only the features both have', () => {
    const common = commonBasis([v126, v123]);
    expect(common.version.gitVersion).toBe('v1.23.13');
    // gRPC probes are on from 1.24: v1.26 has them, v1.23 does not.
    expect(v126.features.grpcProbes).toBe(true);
    expect(common.features.grpcProbes).toBe(false);
    expect(common.sources).toEqual(['v1.26.1', 'v1.23.13']);
    // A feature one cluster lacks by its gates, even on the newer release, is left out.
    const gated = basisOf({ ...caps('v1.26.1'), probeGrace: false }, 'gated');
    expect(commonBasis([v126, gated]).features.probeGrace).toBe(false);
    expect(() => commonBasis([])).toThrow('commonBasis: no clusters');
  });

  it("generation capabilities: the basis's gates and features, the cluster's own environment facts", () => {
    const own = { ...caps('v1.26.1'), networkPolicyEnforced: true };
    const generating = generationCapabilities(own, commonBasis([v126, v123]));
    expect(generating.version.minor).toBe(23);
    expect(generating.grpcProbes).toBe(false);
    expect(generating.networkPolicyEnforced).toBe(true);
  });

  it('problems: a cluster cannot run cases that use what it lacks or that target a newer release', () => {
    expect(basisProblems(v123, caps('v1.26.1'))).toEqual([]);
    const problems = basisProblems(v126, caps('v1.23.13'));
    expect(problems).toEqual(
      expect.arrayContaining([
        'the cases use grpcProbes, which this cluster does not support',
        'the cases are generated for v1.26.1, newer than this cluster (v1.23.13)',
      ]),
    );
    expect(basisProblems(v126, { ...caps('v1.26.1'), grpcProbes: false })).toEqual([
      'the cases use grpcProbes, which this cluster does not support',
    ]);
  });

  it('same basis: same minor release and features (the patch release does not change what is generated)', () => {
    expect(sameBasis(v126, basisOf(caps('v1.26.15'), 'other'))).toBe(true);
    expect(sameBasis(v126, v123)).toBe(false);
    expect(describeBasis(basisOf({ ...caps('v1.23.13'), probeGrace: true }, 'x'))).toBe(
      'v1.23 with probeGrace',
    );
    expect(describeBasis(commonBasis([v123, basisOf({ ...caps('v1.23.13'), probeGrace: false }, 'y')]))).toBe(
      'v1.23 with no optional features',
    );
  });
});
