import { parseInUnitOf, parseQuantity } from '../../../model/quantities';

/**
 * The fake reads quantities the API server has already validated (model/quantities parses them), so
 * a malformed one is a bug in whoever built the object: these readers throw rather than return undefined.
 */

/** The value of a quantity in base units (cores, bytes, counts). */
export function quantityValue(text: string): number {
  const value = parseQuantity(text);
  if (value === undefined) throw new Error(`invalid quantity "${text}"`);
  return value;
}

/** Value in the resource's canonical unit: millicores for cpu, Mi for memory/storage, counts otherwise. */
export function canonicalAmount(resource: string, text: string): number {
  const value = parseInUnitOf(resource, text);
  if (value === undefined) throw new Error(`invalid quantity "${text}" for ${resource}`);
  return value;
}
