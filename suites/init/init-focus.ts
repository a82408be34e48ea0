import type { ContainerScenario } from '../../model/scenario';
import type { PropertyBudget } from '../../runner/property-definition';

/** A plain init container that exits 0 after its own run time (1 s when it had none). */
export function succeeding(container: ContainerScenario): ContainerScenario {
  const seconds = container.behaviour.exitAfter?.seconds ?? 1;
  return { ...container, behaviour: { ...container.behaviour, exitAfter: { seconds, exitCode: 0 } } };
}

/** Pod start (≤ 60 s), a window of ≤ 20 s, cleanup. */
export const INIT_BUDGET: PropertyBudget = {
  numRuns: 6,
  caseSeconds: 100,
  totalSeconds: 120,
  shrinkSeconds: 45,
};
