import { assertLiveProperty } from '../live-suite';
import { oomKilled } from './oom-killed.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(oomKilled);
