import type { PropertyBudget } from '../../runner/property-definition';

/** Admission decides at create time: create the LimitRange and the pod, read it back, clean up (≤ 30 s a case). */
export const LIMITRANGE_BUDGET: PropertyBudget = {
  numRuns: 12,
  caseSeconds: 30,
  totalSeconds: 120,
  shrinkSeconds: 60,
};
