import { assertLiveProperty } from '../live-suite';
import { poststartBeforeRunning } from './poststart-before-running.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(poststartBeforeRunning);
