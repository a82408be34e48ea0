import { assertLiveProperty } from '../live-suite';
import { graceOverride } from './grace-override.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(graceOverride);
