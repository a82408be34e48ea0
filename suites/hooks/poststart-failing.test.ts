import { assertLiveProperty } from '../live-suite';
import { poststartFailing } from './poststart-failing.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(poststartFailing);
