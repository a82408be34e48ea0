import type { PropertyDefinition } from '../../runner/property-definition';

/** The podsecurity properties, in the order a run takes them. */
export const PODSECURITY_PROPERTIES: readonly PropertyDefinition[] = [];
