import type { PropertyBudget } from '../../runner/property-definition';

/** Pod start (≤ 60 s), a window of ≤ 20 s, an optional delete with grace ≤ 10 s, cleanup. */
export const HOOKS_BUDGET: PropertyBudget = {
  numRuns: 4,
  caseSeconds: 110,
  totalSeconds: 120,
  shrinkSeconds: 45,
};
