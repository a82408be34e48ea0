import { assertLiveProperty } from '../live-suite';
import { reachabilityMatrix } from './reachability-matrix.property';

// The reachability matrix on the live cluster (skipped when none is reachable or KUBEPROP_LIVE is unset).
assertLiveProperty(reachabilityMatrix);
