import { assertLiveProperty } from '../live-suite';
import { enforceRejectsViolations } from './enforce-rejects-violations.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(enforceRejectsViolations);
