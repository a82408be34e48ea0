import { assertLiveProperty } from '../live-suite';
import { prestopFailing } from './prestop-failing.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(prestopFailing);
