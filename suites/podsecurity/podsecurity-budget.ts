import type { PropertyBudget } from '../../runner/property-definition';

/** Admission decides at create time: label the namespace, create the pod, read it back, clean up (≤ 30 s). */
export const PODSECURITY_BUDGET: PropertyBudget = {
  numRuns: 12,
  caseSeconds: 30,
  totalSeconds: 120,
  shrinkSeconds: 60,
};
