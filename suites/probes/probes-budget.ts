import type { PropertyBudget } from '../../runner/property-definition';

/** Pod start (≤ 60 s), a window of ≤ 30 s, cleanup; 3 runs keep the default run within 10 minutes. */
export const PROBES_BUDGET: PropertyBudget = {
  numRuns: 3,
  caseSeconds: 110,
  totalSeconds: 120,
  shrinkSeconds: 45,
};
