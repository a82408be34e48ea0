import { assertLiveProperty } from '../live-suite';
import { readyAfterStartup } from './ready-after-startup.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(readyAfterStartup);
