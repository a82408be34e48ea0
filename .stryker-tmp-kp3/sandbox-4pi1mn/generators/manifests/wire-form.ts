// @ts-nocheck
import type { ManagedObject } from '../../harness/cluster-port';

/**
 * An object as the API (and kubectl) spells it. The client-node models rename one field kubeprop
 * emits: V1LimitRangeItem `_default` is `default` on the wire (its attributeTypeMap baseName); the
 * client's own serializer does the same when it sends the object.
 */
export function wireForm(object: ManagedObject): Record<string, unknown> {
  const plain = JSON.parse(JSON.stringify(object)) as Record<string, unknown>;
  if (object.kind !== 'LimitRange') return plain;
  const spec = plain.spec as { limits?: Record<string, unknown>[] } | undefined;
  for (const item of spec?.limits ?? []) {
    if ('_default' in item) {
      item.default = item._default;
      delete item._default;
    }
  }
  return plain;
}
