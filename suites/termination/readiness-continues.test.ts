import { assertLiveProperty } from '../live-suite';
import { readinessContinues } from './readiness-continues.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(readinessContinues);
