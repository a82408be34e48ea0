import { assertLiveProperty } from '../live-suite';
import { lifecycle } from './lifecycle.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(lifecycle);
