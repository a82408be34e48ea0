import type { PropertyDefinition } from '../../runner/property-definition';

/** The resources properties, in the order a run takes them. */
export const RESOURCES_PROPERTIES: readonly PropertyDefinition[] = [];
