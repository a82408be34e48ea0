import { assertLiveProperty } from '../live-suite';
import { probesStop } from './probes-stop.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(probesStop);
