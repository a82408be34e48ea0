import fc from 'fast-check';
import { compareField } from '../../verdicts/compare-field';
import { NO_UPPER_BOUND } from '../../model/observation';

const window = { kind: 'window' as const, earliest: 3, latest: 5, slack: 0.5 };

describe('compareField', () => {
  test.each([
    [2.5, 5.5, 'pass'],
    [2.49, 3, 'inconclusive'],
    [5.4, 5.51, 'inconclusive'],
    [1, 2.49, 'fail'],
    [5.51, 9, 'fail'],
  ])('an instant within [%d, %d] against the window 3–5 s ± 0.5 is %s', (lo, hi, outcome) => {
    expect(compareField(window, { kind: 'instant', lo, hi }).outcome).toBe(outcome);
  });

  test('an instant wholly inside the widened window always passes; wholly outside always fails', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 10, noNaN: true }),
        (lo, width) => {
          const outcome = compareField(window, { kind: 'instant', lo, hi: lo + width }).outcome;
          if (lo >= 2.5 && lo + width <= 5.5) return outcome === 'pass';
          if (lo + width < 2.5 || lo > 5.5) return outcome === 'fail';
          return outcome === 'inconclusive';
        },
      ),
    );
  });

  test('a missing observation is inconclusive and says why', () => {
    const verdict = compareField(
      { kind: 'equals', value: 137 },
      { kind: 'missing', reason: 'log stream cut' },
    );
    expect(verdict.outcome).toBe('inconclusive');
    expect(verdict.detail).toContain('log stream cut');
    expect(compareField({ kind: 'equals', value: 137 }, undefined).outcome).toBe('inconclusive');
  });

  test('scalars, ranges, texts, sets and sequences', () => {
    expect(compareField({ kind: 'equals', value: 137 }, { kind: 'value', value: 143 }).outcome).toBe('fail');
    expect(compareField({ kind: 'oneOf', values: [137, 143] }, { kind: 'value', value: 143 }).outcome).toBe(
      'pass',
    );
    expect(compareField({ kind: 'range', min: 1, max: 3 }, { kind: 'value', value: 3 }).outcome).toBe('pass');
    expect(compareField({ kind: 'range', min: 1, max: 3 }, { kind: 'value', value: 4 }).outcome).toBe('fail');
    expect(compareField({ kind: 'range', min: 1, max: 3 }, { kind: 'value', value: '2' }).outcome).toBe(
      'fail',
    );
    const quota = { kind: 'contains' as const, parts: ['exceeded quota', 'q'] };
    expect(
      compareField(quota, { kind: 'text', text: 'pods "x" is forbidden: exceeded quota: q, ...' }).outcome,
    ).toBe('pass');
    expect(
      compareField(quota, { kind: 'text', text: 'pods "x" is forbidden: failed quota: q' }).outcome,
    ).toBe('fail');
    const checks = { kind: 'setEquals' as const, values: ['privileged', 'runAsNonRoot'] };
    expect(compareField(checks, { kind: 'list', values: ['runAsNonRoot', 'privileged'] }).outcome).toBe(
      'pass',
    );
    expect(compareField(checks, { kind: 'list', values: ['privileged'] }).outcome).toBe('fail');
    expect(compareField(checks, { kind: 'list', values: ['privileged', 'privileged'] }).outcome).toBe('fail');
    const order = { kind: 'sequence' as const, values: ['init1', 'init2', 'app'] };
    expect(compareField(order, { kind: 'list', values: ['init1', 'init2', 'app'] }).outcome).toBe('pass');
    expect(compareField(order, { kind: 'list', values: ['init2', 'init1', 'app'] }).outcome).toBe('fail');
    expect(compareField(window, { kind: 'value', value: 4 }).outcome).toBe('fail');
  });

  test('the detail shows expected and observed side by side', () => {
    expect(compareField(window, { kind: 'instant', lo: 6.2, hi: 6.4 }).detail).toBe(
      'expected 3.00–5.00 s (±0.5), observed 6.20–6.40 s',
    );
  });

  test('an instant known only from below fails past the window and reads as a lower bound', () => {
    const lowerBound = compareField(window, { kind: 'instant', lo: 16, hi: NO_UPPER_BOUND });
    expect(lowerBound.outcome).toBe('fail');
    expect(lowerBound.detail).toBe('expected 3.00–5.00 s (±0.5), observed at least 16.00 s');
  });
});
