import type { PropertyBudget } from '../../runner/property-definition';

/** Pod start (≤ 60 s), a window of ≤ 30 s, cleanup. */
export const PROBES_BUDGET: PropertyBudget = {
  numRuns: 4,
  caseSeconds: 110,
  totalSeconds: 120,
  shrinkSeconds: 45,
};
