import { assertLiveProperty } from '../live-suite';
import { defaultsApplied } from './defaults-applied.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(defaultsApplied);
