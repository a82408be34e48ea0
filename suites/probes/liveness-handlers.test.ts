import { assertLiveProperty } from '../live-suite';
import { livenessHandlers } from './liveness-handlers.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(livenessHandlers);
