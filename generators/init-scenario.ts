import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import type { InitScenario } from '../model/scenario';
import { deleteIntent, podWithOptionalDelete } from './delete-intent';
import { podScenario } from './pod-scenario';

export interface InitScenarioConstraints {
  /** Default 3. */
  maxInitContainers?: number;
  maxObserveSeconds?: number;
}

/** A pod with 1-3 init containers (plain ones that exit with a code, sidecars where supported). */
export function initScenario(
  capabilities: Capabilities,
  constraints: InitScenarioConstraints = {},
): fc.Arbitrary<InitScenario> {
  return fc
    .record(
      {
        pod: podScenario({
          capabilities,
          minInitContainers: 1,
          maxInitContainers: constraints.maxInitContainers ?? 3,
          maxContainers: 2,
        }),
        observeSeconds: fc.integer({ min: 5, max: constraints.maxObserveSeconds ?? 30 }),
        intent: fc.option(deleteIntent(), { nil: undefined }),
      },
      { noNullPrototype: true },
    )
    .map(({ pod, observeSeconds, intent }): InitScenario => ({
      family: 'init',
      observeSeconds,
      ...podWithOptionalDelete(pod, intent, capabilities),
    }));
}
