import type { PropertyDefinition } from '../../runner/property-definition';
import { reachabilityMatrix } from './reachability-matrix.property';
import { updatedReachability } from './updated-reachability.property';

/** The networkpolicy properties, in the order a run takes them. */
export const NETWORKPOLICY_PROPERTIES: readonly PropertyDefinition[] = [
  reachabilityMatrix,
  updatedReachability,
];
