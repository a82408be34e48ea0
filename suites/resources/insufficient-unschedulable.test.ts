import { assertLiveProperty } from '../live-suite';
import { insufficientUnschedulable } from './insufficient-unschedulable.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(insufficientUnschedulable);
