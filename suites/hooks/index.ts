import type { PropertyDefinition } from '../../runner/property-definition';

/** The hooks properties, in the order a run takes them. */
export const HOOKS_PROPERTIES: readonly PropertyDefinition[] = [];
