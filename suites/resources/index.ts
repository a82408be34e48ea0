import type { PropertyDefinition } from '../../runner/property-definition';
import { ephemeralEviction } from './ephemeral-eviction.property';
import { extendedNotOvercommittable } from './extended-not-overcommittable.property';
import { insufficientUnschedulable } from './insufficient-unschedulable.property';
import { oomKilled } from './oom-killed.property';
import { qosClass } from './qos-class.property';

/** The resources properties, in the order a run takes them. */
export const RESOURCES_PROPERTIES: readonly PropertyDefinition[] = [
  qosClass,
  insufficientUnschedulable,
  extendedNotOvercommittable,
  oomKilled,
  ephemeralEviction,
];
