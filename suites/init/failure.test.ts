import { assertLiveProperty } from '../live-suite';
import { initFailure } from './failure.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(initFailure);
