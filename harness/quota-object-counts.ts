import { OBJECT_COUNT_KEYS } from '../model/quota-objects';
import type { CountedKind } from './cluster-port';

/** Lists the names of a kind's objects in the case's namespace. */
export type ObjectLister = (kind: CountedKind) => Promise<string[]>;

/** The object-count keys other than pods, each with the kind it counts. */
const KEY_KIND = new Map<string, CountedKind>(
  (Object.entries(OBJECT_COUNT_KEYS) as [CountedKind, readonly string[]][]).flatMap(([kind, keys]) =>
    keys.map((key): [string, CountedKind] => [key, kind]),
  ),
);

/** Whether the quota tracks a count of objects other than pods. */
export function tracksObjectCount(hard: Record<string, unknown>): boolean {
  return Object.keys(hard).some((key) => KEY_KIND.has(key));
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
  const listed = new Map<CountedKind, number>();
  for (const key of Object.keys(hard)) {
    const kind = KEY_KIND.get(key);
    if (!kind) continue;
    if (!listed.has(kind)) listed.set(kind, (await list(kind)).length);
    counts[key] = listed.get(kind) ?? 0;
  }
  return counts;
}
