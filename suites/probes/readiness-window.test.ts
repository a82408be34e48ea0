import { assertLiveProperty } from '../live-suite';
import { readinessWindow } from './readiness-window.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(readinessWindow);
