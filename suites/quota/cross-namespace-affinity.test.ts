import { assertLiveProperty } from '../live-suite';
import { crossNamespaceAffinity } from './cross-namespace-affinity.property';

// Live: runs on the cluster chosen by suites/live-setup.ts, skipped when there is none.
assertLiveProperty(crossNamespaceAffinity);
