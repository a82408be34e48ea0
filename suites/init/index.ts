import type { PropertyDefinition } from '../../runner/property-definition';

/** The init properties, in the order a run takes them. */
export const INIT_PROPERTIES: readonly PropertyDefinition[] = [];
