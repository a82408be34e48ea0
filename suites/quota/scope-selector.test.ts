import { assertLiveProperty } from '../live-suite';
import { scopeSelector } from './scope-selector.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(scopeSelector);
