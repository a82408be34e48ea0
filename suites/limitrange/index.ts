import type { PropertyDefinition } from '../../runner/property-definition';

/** The limitrange properties, in the order a run takes them. */
export const LIMITRANGE_PROPERTIES: readonly PropertyDefinition[] = [];
