import { join } from 'node:path';
import {
  bindToStartSeconds,
  lockedCaseCleanupSeconds,
  readLooseReport,
  schedulingSeconds,
} from '../../../bench/calibration';
import {
  BIND_TO_START_SECONDS,
  NAMESPACE_DELETION_SECONDS,
  QUANTILE_POINTS,
  SCHEDULING_SECONDS,
} from '../../../harness/fake/latency';
import { quantile } from '../../../reporting/distribution';

/** harness/fake/latency.ts's tables are what bench/calibration.ts measures in the real run's traces. */
const REAL_RUN = join(__dirname, '../../fixtures/real-runs/v1.26.1-seed1-run10.report.json.gz');

function table(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return QUANTILE_POINTS.map((q) => Math.round(quantile(sorted, q) * 1000) / 1000);
}

describe('the fake latency tables come from the real run', () => {
  const report = readLooseReport(REAL_RUN);

  it('scheduling', () => {
    expect(table(schedulingSeconds(report))).toEqual([...SCHEDULING_SECONDS]);
  });

  it('binding → first container start', () => {
    expect(table(bindToStartSeconds(report))).toEqual([...BIND_TO_START_SECONDS]);
  });

  it('namespace deletion (the cases whose cleanup was on their critical path)', () => {
    expect(table(lockedCaseCleanupSeconds(report))).toEqual([...NAMESPACE_DELETION_SECONDS]);
  });
});
