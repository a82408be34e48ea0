// @ts-nocheck
import type { Family, ScenarioOf } from '../model/scenario';
import type { AttemptInfo, CaseReport } from '../reporting/report-types';

/**
 * Runs one scenario as a case and judges it. The live executor (runner/live-case-executor.ts) deploys
 * it to a cluster; tests pass executors backed by the fake cluster.
 */
export type CaseExecutor<F extends Family = Family> = (
  scenario: ScenarioOf<F>,
  caseId: string,
  attempt: AttemptInfo,
) => Promise<CaseReport>;
