import type fc from 'fast-check';
import { terminationScenario } from '../../generators';
import { podClearOfThresholds } from '../../generators/decision-margin';
import type { Capabilities } from '../../model/capabilities';
import type { TerminationScenario } from '../../model/scenario';
import type { PropertyBudget } from '../../runner/property-definition';
import { steadyPod } from './steady-pod';

/**
 * Termination scenarios whose pod is running steadily when it is deleted, short grace periods (live
 * cases stay short), then `focus` forces what one property needs (a pure map: shrinking still works),
 * and what it forced is kept clear of the kubelet's grace by the decision margin (generators/decision-margin.ts).
 */
export function steadyTermination(
  capabilities: Capabilities,
  focus: (scenario: TerminationScenario) => TerminationScenario = (s) => s,
): fc.Arbitrary<TerminationScenario> {
  return terminationScenario(capabilities, { maxContainers: 2, maxGraceSeconds: 6 }).map((scenario) => {
    const focused = focus({ ...scenario, pod: steadyPod(scenario.pod) });
    return { ...focused, pod: podClearOfThresholds(focused.pod, focused.delete, capabilities) };
  });
}

/**
 * Pod start (≤ 60 s with the image present), delete after Running (≤ 3 s), grace ≤ 11 s plus the 2 s
 * extension and reaction, cleanup: 100 s a case; 3 cases at concurrency 4 in about a minute (the default run of every property stays near 10 minutes; --runs raises it).
 */
export const TERMINATION_BUDGET: PropertyBudget = {
  numRuns: 3,
  caseSeconds: 100,
  totalSeconds: 120,
  shrinkSeconds: 45,
};
