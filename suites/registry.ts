import type { PropertyDefinition } from '../runner/property-definition';
import { HOOKS_PROPERTIES } from './hooks';
import { INIT_PROPERTIES } from './init';
import { LIMITRANGE_PROPERTIES } from './limitrange';
import { NETWORKPOLICY_PROPERTIES } from './networkpolicy';
import { PODSECURITY_PROPERTIES } from './podsecurity';
import { PROBES_PROPERTIES } from './probes';
import { QUOTA_PROPERTIES } from './quota';
import { RESOURCES_PROPERTIES } from './resources';
import { TERMINATION_PROPERTIES } from './termination';

/** Every property kubeprop checks, family by family, in the order a run takes them. */
export const PROPERTIES: readonly PropertyDefinition[] = [
  ...TERMINATION_PROPERTIES,
  ...HOOKS_PROPERTIES,
  ...PROBES_PROPERTIES,
  ...INIT_PROPERTIES,
  ...RESOURCES_PROPERTIES,
  ...QUOTA_PROPERTIES,
  ...LIMITRANGE_PROPERTIES,
  ...PODSECURITY_PROPERTIES,
  ...NETWORKPOLICY_PROPERTIES,
];
