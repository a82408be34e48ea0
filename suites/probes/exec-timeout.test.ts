import { assertLiveProperty } from '../live-suite';
import { execTimeout } from './exec-timeout.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(execTimeout);
