import { assertLiveProperty } from '../live-suite';
import { parallelStop } from './parallel-stop.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(parallelStop);
