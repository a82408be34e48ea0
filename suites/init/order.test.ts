import { assertLiveProperty } from '../live-suite';
import { initOrder } from './order.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(initOrder);
