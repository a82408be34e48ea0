import type { PropertyDefinition } from '../../runner/property-definition';

/** The networkpolicy properties, in the order a run takes them. */
export const NETWORKPOLICY_PROPERTIES: readonly PropertyDefinition[] = [];
