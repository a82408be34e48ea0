import type { Expected, FieldExpectation } from './expectation';

/** One expectation field with its rule id (docs/semantics.md) and a one-line reason. */
export function field(expected: Expected, rule: string, because: string): FieldExpectation {
  return { expected, rule, because };
}

export function equals(
  value: string | number | boolean | null,
  rule: string,
  because: string,
): FieldExpectation {
  return field({ kind: 'equals', value }, rule, because);
}

export function contains(
  parts: string[],
  rule: string,
  because: string,
  orParts?: string[][],
): FieldExpectation {
  return field(orParts ? { kind: 'contains', parts, orParts } : { kind: 'contains', parts }, rule, because);
}
