import { assertLiveProperty } from '../live-suite';
import { sigtermHandled } from './sigterm-handled.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(sigtermHandled);
