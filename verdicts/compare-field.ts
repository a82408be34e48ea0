import type { Expected, Scalar } from '../model/expectation';
import { NO_UPPER_BOUND, type Observed } from '../model/observation';

export type FieldOutcome = 'pass' | 'fail' | 'inconclusive';

export interface FieldVerdict {
  outcome: FieldOutcome;
  /** Human-readable expected vs observed, e.g. "expected 3.0–5.0 s (±1), observed 6.2–6.4 s". */
  detail: string;
}

function show(value: Scalar): string {
  return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

export function describeExpected(expected: Expected): string {
  switch (expected.kind) {
    case 'window':
      return `${expected.earliest.toFixed(2)}–${expected.latest.toFixed(2)} s (±${expected.slack})`;
    case 'equals':
      return show(expected.value);
    case 'oneOf':
      return `one of ${expected.values.map(show).join(', ')}`;
    case 'range':
      return expected.min === expected.max ? `${expected.min}` : `${expected.min}–${expected.max}`;
    case 'contains':
      return [expected.parts, ...(expected.orParts ?? [])]
        .map((parts) => `text containing ${parts.map((p) => JSON.stringify(p)).join(', ')}`)
        .join(' or ');
    case 'setEquals':
      return `{${[...expected.values].sort().join(', ')}}`;
    case 'sequence':
      return `[${expected.values.join(' → ')}]`;
  }
}

export function describeObserved(observed: Observed): string {
  switch (observed.kind) {
    case 'instant':
      if (observed.lo === observed.hi) return `${observed.lo.toFixed(2)} s`;
      if (observed.hi === NO_UPPER_BOUND) return `at least ${observed.lo.toFixed(2)} s`;
      return `${observed.lo.toFixed(2)}–${observed.hi.toFixed(2)} s`;
    case 'value':
      return show(observed.value);
    case 'text':
      return JSON.stringify(observed.text);
    case 'list':
      return `[${observed.values.join(', ')}]`;
    case 'missing':
      return `not observed (${observed.reason})`;
  }
}

function outcomeOf(expected: Expected, observed: Observed): FieldOutcome {
  if (observed.kind === 'missing') return 'inconclusive';
  switch (expected.kind) {
    case 'window': {
      if (observed.kind !== 'instant') return 'fail';
      const low = expected.earliest - expected.slack;
      const high = expected.latest + expected.slack;
      if (observed.lo >= low && observed.hi <= high) return 'pass';
      // An uncertainty interval that straddles a bound cannot decide either way.
      if (observed.hi < low || observed.lo > high) return 'fail';
      return 'inconclusive';
    }
    case 'equals':
      return observed.kind === 'value' && observed.value === expected.value ? 'pass' : 'fail';
    case 'oneOf':
      return observed.kind === 'value' && expected.values.includes(observed.value) ? 'pass' : 'fail';
    case 'range':
      return observed.kind === 'value' &&
        typeof observed.value === 'number' &&
        observed.value >= expected.min &&
        observed.value <= expected.max
        ? 'pass'
        : 'fail';
    case 'contains':
      return observed.kind === 'text' &&
        [expected.parts, ...(expected.orParts ?? [])].some((parts) =>
          parts.every((part) => observed.text.includes(part)),
        )
        ? 'pass'
        : 'fail';
    case 'setEquals': {
      if (observed.kind !== 'list') return 'fail';
      const seen = new Set(observed.values);
      const wanted = new Set(expected.values);
      return seen.size === wanted.size && [...wanted].every((v) => seen.has(v)) ? 'pass' : 'fail';
    }
    case 'sequence':
      return observed.kind === 'list' &&
        observed.values.length === expected.values.length &&
        observed.values.every((v, i) => v === expected.values[i])
        ? 'pass'
        : 'fail';
  }
}

/** Compares one expected field with what was observed. */
export function compareField(expected: Expected, observed: Observed | undefined): FieldVerdict {
  const seen: Observed = observed ?? { kind: 'missing', reason: 'no observation for this field' };
  return {
    outcome: outcomeOf(expected, seen),
    detail: `expected ${describeExpected(expected)}, observed ${describeObserved(seen)}`,
  };
}
