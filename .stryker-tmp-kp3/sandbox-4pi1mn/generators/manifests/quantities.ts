// @ts-nocheck
import type { ResourceAmounts } from '../../model/scenario';

/** Canonical amounts as Kubernetes quantity strings: cpu in millicores, memory/storage in Mi, counts plain. */
export function resourceList(amounts: ResourceAmounts): Record<string, string> | undefined {
  const list: Record<string, string> = {};
  if (amounts.cpuMilli !== undefined) list.cpu = `${amounts.cpuMilli}m`;
  if (amounts.memoryMi !== undefined) list.memory = `${amounts.memoryMi}Mi`;
  if (amounts.ephemeralStorageMi !== undefined) list['ephemeral-storage'] = `${amounts.ephemeralStorageMi}Mi`;
  for (const [name, count] of Object.entries(amounts.extended ?? {})) list[name] = String(count);
  return Object.keys(list).length > 0 ? list : undefined;
}

/**
 * A quota or LimitRange value by resource name: cpu-like names in millicores, memory/storage-like in Mi,
 * counts (pods, count/*, extended resources) plain.
 */
export function quantityFor(resource: string, value: number): string {
  if (resource === 'cpu' || resource.endsWith('.cpu')) return `${value}m`;
  if (/(^|\.)(memory|ephemeral-storage|storage)$/.test(resource)) return `${value}Mi`;
  return String(value);
}
