import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import { CUSTOM_RESOURCE_COUNT_KEY, NAMESPACE_BASELINE } from '../model/quota-objects';
import type { QuotaScenario, QuotaStep } from '../model/scenario';

const create = (index: number): QuotaStep => ({
  kind: 'createObject',
  object: { kind: 'CustomResource', name: `cr-${index}` },
});

/**
 * Upstream's "capture the life of a custom resource" (test/e2e/apimachinery/resource_quota.go),
 * generated: a quota on the count of the case's custom resource (hard 0 to maxObjects) and maybe on the
 * namespace's quotas (resourcequotas or count/resourcequotas, filled or with room for one); custom
 * resources created up to and past hard, up to two of the admitted ones deleted, then up to two more
 * created into the room the deletes freed. Upstream's own case is hard 1, two creates, the first deleted.
 */
export function quotaCustomResourceScenario(
  _capabilities: Capabilities,
  constraints: { maxObjects?: number } = {},
): fc.Arbitrary<QuotaScenario> {
  const maxObjects = constraints.maxObjects ?? 4;
  return fc
    .record(
      {
        hard: fc.integer({ min: 0, max: maxObjects }),
        creates: fc.integer({ min: 1, max: maxObjects + 1 }),
        deletions: fc.array(fc.nat(), { maxLength: 2 }),
        after: fc.integer({ min: 0, max: 2 }),
        quotas: fc.option(
          fc.record(
            { countForm: fc.boolean(), room: fc.integer({ min: 0, max: 1 }) },
            { noNullPrototype: true },
          ),
          { nil: undefined },
        ),
      },
      { noNullPrototype: true },
    )
    .map(({ hard: count, creates, deletions, after, quotas }) => {
      const hard: Record<string, number> = { [CUSTOM_RESOURCE_COUNT_KEY]: count };
      if (quotas) {
        const key = quotas.countForm ? 'count/resourcequotas' : 'resourcequotas';
        hard[key] = NAMESPACE_BASELINE[key] + quotas.room;
      }
      const admitted = Math.min(creates, count);
      const deleted = admitted === 0 ? [] : [...new Set(deletions.map((d) => d % admitted))];
      const steps: QuotaStep[] = [
        ...Array.from({ length: creates }, (_, i) => create(i)),
        ...deleted.map((i): QuotaStep => ({
          kind: 'deleteObject',
          objectKind: 'CustomResource',
          name: `cr-${i}`,
        })),
        ...Array.from({ length: after }, (_, i) => create(creates + i)),
      ];
      return { family: 'quota' as const, quota: { name: 'quota', hard, scopes: [] }, steps };
    });
}
