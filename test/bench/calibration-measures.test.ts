import { join } from 'node:path';
import {
  apiCallSeconds,
  caseSetupSeconds,
  endOfRunSeconds,
  lockedCaseCleanupSeconds,
  quotaDiscoverySeconds,
  reachabilityMatrixSeconds,
  readLooseReport,
  topologyRunningSeconds,
} from '../../bench/calibration';

/**
 * The run10 figures the plan (runner/case-estimate.ts) and the ETA (reporting/eta.ts END_OF_RUN_MS)
 * cite are what bench/calibration.ts measures in that run's traces.
 */
const RUN10 = join(__dirname, '../fixtures/real-runs/v1.26.1-seed1-run10.report.json.gz');

const mean = (values: number[]): number => values.reduce((sum, v) => sum + v, 0) / values.length;

describe('run10 (v1.26.1, 215 cases at 6 slots, 530 s): the figures the plan and the ETA take', () => {
  const report = readLooseReport(RUN10);

  test('the end of the run: 7.0 s from the last case to endedAt', () => {
    const [end] = endOfRunSeconds(report);
    expect(end).toBeCloseTo(6.99, 2);
  });

  test('namespace deletion of the twelve cases under a shared-node-state lock: mean 9.9 s', () => {
    const seconds = lockedCaseCleanupSeconds(report);
    expect(seconds).toHaveLength(12);
    expect(mean(seconds)).toBeCloseTo(9.9, 1);
    expect(Math.min(...seconds)).toBeGreaterThan(5.7);
  });

  test('API calls (mean 0.12 s) and case set-up (mean 0.39 s)', () => {
    expect(apiCallSeconds(report)).toHaveLength(538);
    expect(mean(apiCallSeconds(report))).toBeCloseTo(0.12, 2);
    expect(caseSetupSeconds(report)).toHaveLength(215);
    expect(mean(caseSetupSeconds(report))).toBeCloseTo(0.39, 2);
  });

  test('quota discovery (23 s), NetworkPolicy topology start (17 s) and reachability matrix (54.4 s)', () => {
    expect(mean(quotaDiscoverySeconds(report))).toBeCloseTo(23.2, 1);
    expect(mean(topologyRunningSeconds(report))).toBeCloseTo(17.0, 1);
    expect(mean(reachabilityMatrixSeconds(report))).toBeCloseTo(54.4, 1);
    expect(reachabilityMatrixSeconds(report)).toHaveLength(4);
  });
});
