import { assertLiveProperty } from '../live-suite';
import { endpointTerminating } from './endpoint-terminating.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(endpointTerminating);
