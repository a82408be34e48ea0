import type { PropertyDefinition } from '../../runner/property-definition';

/** The probes properties, in the order a run takes them. */
export const PROBES_PROPERTIES: readonly PropertyDefinition[] = [];
