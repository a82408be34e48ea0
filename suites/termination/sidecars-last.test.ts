import { assertLiveProperty } from '../live-suite';
import { sidecarsLast } from './sidecars-last.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(sidecarsLast);
