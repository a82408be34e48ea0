import { assertLiveProperty } from '../live-suite';
import { usageTracksPods } from './usage-tracks-pods.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(usageTracksPods);
