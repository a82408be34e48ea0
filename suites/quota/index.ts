import type { PropertyDefinition } from '../../runner/property-definition';

/** The quota properties, in the order a run takes them. */
export const QUOTA_PROPERTIES: readonly PropertyDefinition[] = [];
