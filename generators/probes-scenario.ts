import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import type { ProbesScenario } from '../model/scenario';
import { podClearOfThresholds } from './decision-margin';
import { podScenario } from './pod-scenario';

export interface ProbesScenarioConstraints {
  maxContainers?: number;
  /** Longest observation, seconds (default 40). */
  maxObserveSeconds?: number;
}

/** A pod whose containers' signals turn on and off under readiness/liveness/startup probes. */
export function probesScenario(
  capabilities: Capabilities,
  constraints: ProbesScenarioConstraints = {},
): fc.Arbitrary<ProbesScenario> {
  return fc
    .record(
      {
        pod: podScenario({
          capabilities,
          hooks: false,
          maxContainers: constraints.maxContainers,
          maxInitContainers: 1,
        }),
        observeSeconds: fc.integer({ min: 10, max: constraints.maxObserveSeconds ?? 40 }),
        withService: fc.boolean(),
      },
      { noNullPrototype: true },
    )
    .map(({ pod, observeSeconds, withService }) => ({
      family: 'probes' as const,
      pod: podClearOfThresholds(pod, undefined, capabilities),
      observeSeconds,
      withService,
    }));
}
