import { assertLiveProperty } from '../live-suite';
import { graceZero } from './grace-zero.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(graceZero);
