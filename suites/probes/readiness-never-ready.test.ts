import { assertLiveProperty } from '../live-suite';
import { readinessNeverReady } from './readiness-never-ready.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(readinessNeverReady);
