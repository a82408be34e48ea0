import { assertLiveProperty } from '../live-suite';
import { httpStatus } from './http-status.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(httpStatus);
