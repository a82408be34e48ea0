import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import type { TerminationScenario } from '../model/scenario';
import { podClearOfThresholds } from './decision-margin';
import { deleteIntent, resolveDeleteAction } from './delete-intent';
import { podScenario } from './pod-scenario';

export interface TerminationScenarioConstraints {
  maxContainers?: number;
  maxGraceSeconds?: number;
}

/**
 * A running pod that is deleted: SIGTERM handling per container, preStop hooks, readiness (for the
 * Service's endpoints), deleted with the spec's period or an override. App containers do not exit on
 * their own, so what ends them is the deletion.
 */
export function terminationScenario(
  capabilities: Capabilities,
  constraints: TerminationScenarioConstraints = {},
): fc.Arbitrary<TerminationScenario> {
  return fc
    .record(
      {
        pod: podScenario({
          capabilities,
          exits: 'never',
          maxContainers: constraints.maxContainers,
          maxInitContainers: 1,
          maxGraceSeconds: constraints.maxGraceSeconds,
        }),
        intent: deleteIntent(),
        withService: fc.boolean(),
      },
      { noNullPrototype: true },
    )
    .map(({ pod, intent, withService }) => {
      const action = resolveDeleteAction(intent, pod);
      return {
        family: 'termination' as const,
        pod: podClearOfThresholds(pod, action, capabilities),
        delete: action,
        withService,
      };
    });
}
