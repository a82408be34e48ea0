// @ts-nocheck
import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import type { ContainerScenario, ProbeKind } from '../model/scenario';
import { probeSpec } from './probe-spec';

export interface ContainerProbesConstraints {
  capabilities: Capabilities;
  maxPeriodSeconds?: number;
}

const KINDS: readonly ProbeKind[] = ['readiness', 'liveness', 'startup'];

/** Readiness, liveness and startup probes, each optional (shrinks toward no probes). */
export function containerProbes(
  constraints: ContainerProbesConstraints,
): fc.Arbitrary<ContainerScenario['probes']> {
  return fc
    .tuple(...KINDS.map((kind) => fc.option(probeSpec({ ...constraints, kind }), { nil: undefined })))
    .map((specs) => {
      const probes: ContainerScenario['probes'] = {};
      specs.forEach((spec, i) => {
        if (spec) probes[KINDS[i]] = spec;
      });
      return probes;
    });
}
