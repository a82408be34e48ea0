import { assertLiveProperty } from '../live-suite';
import { initSidecars } from './sidecars.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(initSidecars);
