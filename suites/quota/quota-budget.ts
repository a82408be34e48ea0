import type { PropertyBudget } from '../../runner/property-definition';

/**
 * The quota's first sync (≤ 30 s), up to five pod creates and two deletes each followed by the quota
 * controller's recalculation (a few seconds each), cleanup: 120 s a case; 8 cases at concurrency 4.
 */
export const QUOTA_BUDGET: PropertyBudget = {
  numRuns: 8,
  caseSeconds: 120,
  totalSeconds: 300,
  shrinkSeconds: 120,
};
