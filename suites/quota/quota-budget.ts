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

/**
 * Object-count cases create no running workload: up to five creates and two deletes, each followed by
 * the quota controller's recount (a second or two; the wait holds out 60 s), cleanup: 90 s a case.
 */
export const QUOTA_OBJECTS_BUDGET: PropertyBudget = {
  numRuns: 4,
  caseSeconds: 90,
  totalSeconds: 180,
  shrinkSeconds: 120,
};

/** Lifecycle cases: a few ConfigMaps and quota changes, each followed by the controller's sync: 90 s a case. */
export const QUOTA_LIFECYCLE_BUDGET: PropertyBudget = {
  numRuns: 4,
  caseSeconds: 90,
  totalSeconds: 180,
  shrinkSeconds: 120,
};

/**
 * Custom-resource cases wait, before the quota exists, for the CRD to be Established (a second or two)
 * and for the quota controller's discovery to count its resource (every 30 s, then the informer's sync:
 * up to about 35 s, upstream's e2e allows a minute), then up to seven creates and deletes, each followed
 * by the controller's recount: 150 s a case; 4 cases at concurrency 4.
 */
export const QUOTA_CUSTOM_RESOURCE_BUDGET: PropertyBudget = {
  numRuns: 4,
  caseSeconds: 150,
  totalSeconds: 300,
  shrinkSeconds: 240,
};
