import type { PropertyDefinition } from '../../runner/property-definition';
import { constraintRejected } from './constraint-rejected.property';
import { defaultsApplied } from './defaults-applied.property';
import { limitRangeLifecycle } from './lifecycle.property';

/** The LimitRange properties, in the order a run takes them. */
export const LIMITRANGE_PROPERTIES: readonly PropertyDefinition[] = [
  defaultsApplied,
  constraintRejected,
  limitRangeLifecycle,
];
