import { OBJECT_COUNT_KEYS, scenarioQuotaText } from '../model/quota-objects';
import type { CountedResource } from './cluster-port';

/** Lists the names of a kind's objects (or the case's custom resources) in the case's namespace. */
export type ObjectLister = (kind: CountedResource) => Promise<string[]>;

/** The object-count keys other than pods, as scenarios name them, each with what it counts. */
const KEY_KIND = new Map<string, CountedResource>(
  (Object.entries(OBJECT_COUNT_KEYS) as [CountedResource, readonly string[]][]).flatMap(([kind, keys]) =>
    keys.map((key): [string, CountedResource] => [key, kind]),
  ),
);

/** What a quota key counts, the case's own custom resource (any plural of kubeprop's group) included. */
function kindOf(key: string): CountedResource | undefined {
  return KEY_KIND.get(scenarioQuotaText(key));
}

/** Whether the quota tracks a count of objects other than pods. */
export function tracksObjectCount(hard: Record<string, unknown>): boolean {
  return Object.keys(hard).some((key) => kindOf(key) !== undefined);
}

/**
 * The object counts the quota tracks, from what the API lists now: the witness that the quota
 * controller has caught up with a delete, as harness/quota-pod-counts.ts countsAgree explains for pods
 * (the controller recomputes every resource, requests.storage and services.nodeports included, in the
 * pass that writes the count).
 */
export async function expectedObjectCounts(
  hard: Record<string, unknown>,
  list: ObjectLister,
): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const listed = new Map<CountedResource, number>();
  for (const key of Object.keys(hard)) {
    const kind = kindOf(key);
    if (!kind) continue;
    if (!listed.has(kind)) listed.set(kind, (await list(kind)).length);
    counts[key] = listed.get(kind) ?? 0;
  }
  return counts;
}
