// @ts-nocheck
import fc from 'fast-check';
import {
  formatMebibytes,
  formatMilli,
  formatQuantity,
  parseInUnitOf,
  parseQuantity,
  unitOf,
} from '../../model/quantities';

// Expected strings are Quantity.String() outputs (apimachinery resource/quantity.go canonical form:
// the largest suffix that keeps the mantissa whole; "1000" prints "1k", "1024Mi" prints "1Gi").
describe('quantity text', () => {
  it.each([
    [0, '0'],
    [1, '1m'],
    [10, '10m'],
    [999, '999m'],
    [1000, '1'],
    [1500, '1500m'],
    [500_000, '500'],
    [1_000_000, '1k'],
    [1_500_000, '1500'],
  ])('cpu %d millicores prints %s', (milli, text) => {
    expect(formatMilli(milli)).toBe(text);
  });

  it.each([
    [0, '0'],
    [0.5, '512Ki'],
    [8, '8Mi'],
    [64, '64Mi'],
    [1023, '1023Mi'],
    [1024, '1Gi'],
    [1536, '1536Mi'],
    [2048, '2Gi'],
    [1024 * 1024, '1Ti'],
  ])('memory %d Mi prints %s', (mi, text) => {
    expect(formatMebibytes(mi)).toBe(text);
  });

  it('picks the unit from the resource or quota key', () => {
    expect(unitOf('cpu')).toBe('milliCpu');
    expect(unitOf('limits.cpu')).toBe('milliCpu');
    expect(unitOf('requests.memory')).toBe('mebibytes');
    expect(unitOf('ephemeral-storage')).toBe('mebibytes');
    expect(unitOf('hugepages-2Mi')).toBe('mebibytes');
    expect(unitOf('pods')).toBe('count');
    expect(unitOf('count/pods')).toBe('count');
    expect(unitOf('requests.example.com/dongle')).toBe('count');
    expect(formatQuantity('pods', 3)).toBe('3');
    expect(formatQuantity('pods', 1000)).toBe('1k');
    expect(formatQuantity('requests.cpu', 100)).toBe('100m');
    expect(formatQuantity('limits.memory', 128)).toBe('128Mi');
  });
});

describe('parsing quantities', () => {
  it.each([
    ['100m', 0.1],
    ['2', 2],
    ['1.5', 1.5],
    ['1k', 1000],
    ['64Mi', 64 * 2 ** 20],
    ['1Gi', 2 ** 30],
    ['1e3', 1000],
    ['5n', 5e-9],
  ])('%s is %d base units', (textValue, base) => {
    expect(parseQuantity(textValue)).toBeCloseTo(base, 12);
  });

  it.each(['', 'abc', '5Q', '1..2', 'Mi'])('rejects %j', (bad) => {
    expect(parseQuantity(bad)).toBeUndefined();
  });

  it('converts into canonical units', () => {
    expect(parseInUnitOf('cpu', '500')).toBe(500_000);
    expect(parseInUnitOf('requests.cpu', '100m')).toBe(100);
    expect(parseInUnitOf('limits.memory', '1Gi')).toBe(1024);
    expect(parseInUnitOf('memory', '512Ki')).toBe(0.5);
    expect(parseInUnitOf('pods', '3')).toBe(3);
    expect(parseInUnitOf('cpu', 'x')).toBeUndefined();
  });

  it('reads back what it prints (cpu, memory, counts)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('cpu', 'memory', 'pods'),
        fc.integer({ min: 0, max: 10_000_000 }),
        (name, amount) => parseInUnitOf(name, formatQuantity(name, amount)) === amount,
      ),
    );
  });
});
