import { assertLiveProperty } from '../live-suite';
import { prestopThenSigterm } from './prestop-then-sigterm.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(prestopThenSigterm);
