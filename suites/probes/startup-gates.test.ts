import { assertLiveProperty } from '../live-suite';
import { startupGates } from './startup-gates.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(startupGates);
