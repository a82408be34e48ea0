import type { PropertyDefinition } from '../../runner/property-definition';
import { initOrder } from './order.property';
import { initFailure } from './failure.property';
import { initSidecars } from './sidecars.property';

/** The init properties, in the order a run takes them. */
export const INIT_PROPERTIES: readonly PropertyDefinition[] = [initOrder, initFailure, initSidecars];
