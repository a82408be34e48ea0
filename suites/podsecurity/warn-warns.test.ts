import { assertLiveProperty } from '../live-suite';
import { warnWarns } from './warn-warns.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(warnWarns);
