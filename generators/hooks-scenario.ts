import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import type { HooksScenario } from '../model/scenario';
import { deleteIntent, podWithOptionalDelete } from './delete-intent';
import { podScenario } from './pod-scenario';

export interface HooksScenarioConstraints {
  maxContainers?: number;
  /** Longest observation, seconds (default 30). */
  maxObserveSeconds?: number;
}

/** A pod whose containers carry postStart/preStop hooks, watched for a while and then (usually) deleted. */
export function hooksScenario(
  capabilities: Capabilities,
  constraints: HooksScenarioConstraints = {},
): fc.Arbitrary<HooksScenario> {
  return fc
    .record(
      {
        pod: podScenario({
          capabilities,
          probes: false,
          maxContainers: constraints.maxContainers,
          maxInitContainers: 1,
        }),
        observeSeconds: fc.integer({ min: 5, max: constraints.maxObserveSeconds ?? 30 }),
        intent: fc.option(deleteIntent(), { nil: undefined, freq: 4 }),
      },
      { noNullPrototype: true },
    )
    .map(({ pod, observeSeconds, intent }): HooksScenario => ({
      family: 'hooks',
      observeSeconds,
      ...podWithOptionalDelete(pod, intent, capabilities),
    }));
}
