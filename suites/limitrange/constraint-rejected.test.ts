import { assertLiveProperty } from '../live-suite';
import { constraintRejected } from './constraint-rejected.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(constraintRejected);
