import { assertLiveProperty } from '../live-suite';
import { qosClass } from './qos-class.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(qosClass);
