import type { PropertyDefinition } from '../../runner/property-definition';
import { crossNamespaceAffinity } from './cross-namespace-affinity.property';
import { customResource } from './custom-resource.property';
import { exceededRejected } from './exceeded-rejected.property';
import { lifecycle } from './lifecycle.property';
import { objectCounts } from './object-counts.property';
import { priorityClass } from './priority-class.property';
import { scopeSelector } from './scope-selector.property';
import { usageTracksPods } from './usage-tracks-pods.property';

/** The quota properties, in the order a run takes them. */
export const QUOTA_PROPERTIES: readonly PropertyDefinition[] = [
  exceededRejected,
  usageTracksPods,
  objectCounts,
  customResource,
  lifecycle,
  scopeSelector,
  priorityClass,
  crossNamespaceAffinity,
];
