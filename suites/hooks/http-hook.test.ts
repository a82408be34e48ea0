import { assertLiveProperty } from '../live-suite';
import { httpHook } from './http-hook.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(httpHook);
