import { assertLiveProperty } from '../live-suite';
import { objectCounts } from './object-counts.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(objectCounts);
