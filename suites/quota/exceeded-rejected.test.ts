import { assertLiveProperty } from '../live-suite';
import { exceededRejected } from './exceeded-rejected.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(exceededRejected);
