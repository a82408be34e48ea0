import { assertLiveProperty } from '../live-suite';
import { sigkillAfterGrace } from './sigkill-after-grace.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(sigkillAfterGrace);
