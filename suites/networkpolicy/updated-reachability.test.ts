import { assertLiveProperty } from '../live-suite';
import { updatedReachability } from './updated-reachability.property';

// Both phases on the live cluster (skipped when none is reachable or KUBEPROP_LIVE is unset).
assertLiveProperty(updatedReachability);
