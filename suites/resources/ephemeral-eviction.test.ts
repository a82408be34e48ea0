import { assertLiveProperty } from '../live-suite';
import { ephemeralEviction } from './ephemeral-eviction.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(ephemeralEviction);
