import { assertLiveProperty } from '../live-suite';
import { livenessRestarts } from './liveness-restarts.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(livenessRestarts);
