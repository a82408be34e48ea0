import type { PropertyDefinition } from '../../runner/property-definition';
import { initOrder } from './order.property';
import { initFailure } from './failure.property';
import { initSidecars } from './sidecars.property';

/** The init properties, in the order a run takes them. */
// Spread copies are checked structurally: PropertyDefinition<'init'> is not assignable as such.
export const INIT_PROPERTIES: readonly PropertyDefinition[] = [
  { ...initOrder },
  { ...initFailure },
  { ...initSidecars },
];
