import { assertLiveProperty } from '../live-suite';
import { startupFails } from './startup-fails.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(startupFails);
