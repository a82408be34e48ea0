import { assertLiveProperty } from '../live-suite';
import { customResource } from './custom-resource.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(customResource);
