import { assertLiveProperty } from '../live-suite';
import { priorityClass } from './priority-class.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(priorityClass);
