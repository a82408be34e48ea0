import type { PropertyDefinition } from '../../runner/property-definition';

/** The termination properties, in the order a run takes them. */
export const TERMINATION_PROPERTIES: readonly PropertyDefinition[] = [];
