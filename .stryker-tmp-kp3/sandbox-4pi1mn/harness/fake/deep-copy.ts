/**
 * A deep copy of API objects (plain objects, arrays, Dates). Not structuredClone: that builds its
 * Dates in Node's main realm, which fail `instanceof Date` inside jest's sandboxed modules.
 */
// @ts-nocheck

export function deepCopy<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map((item: unknown) => deepCopy(item)) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) copy[key] = deepCopy(item);
    return copy as T;
  }
  return value;
}
