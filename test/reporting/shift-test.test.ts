import { mannWhitneyP, SHIFT_NOISE, timingShift } from '../../reporting/shift-test';

describe('Mann–Whitney U (normal approximation, tie and continuity corrected)', () => {
  it('matches the textbook value for two separated samples of five', () => {
    // U = 0, mean 12.5, variance 25·11/12, z = (12.5 − 0.5)/4.787 = 2.507: p = 0.0122 (two-sided).
    expect(mannWhitneyP([1, 2, 3, 4, 5], [6, 7, 8, 9, 10])).toBeCloseTo(0.0122, 3);
  });

  it('is 1 for identical samples and symmetric in its arguments', () => {
    expect(mannWhitneyP([2, 2, 2, 2, 2], [2, 2, 2, 2, 2])).toBe(1);
    const [a, b] = [
      [1.1, 2.3, 0.7, 3.1, 2.2, 1.9],
      [2.5, 3.3, 1.7, 4.1, 2.9],
    ];
    expect(mannWhitneyP(a, b)).toBeCloseTo(mannWhitneyP(b, a), 12);
  });

  it('corrects for ties (one-second API timestamps): ties shrink the variance, so the p-value drops', () => {
    // Same ranks order, but a and b each all tied: variance with tie correction is smaller than without.
    const tied = mannWhitneyP([1, 1, 1, 1, 1], [2, 2, 2, 2, 2]);
    const untied = mannWhitneyP([1, 1.1, 1.2, 1.3, 1.4], [2, 2.1, 2.2, 2.3, 2.4]);
    expect(tied).toBeLessThan(untied);
  });
});

describe('timingShift', () => {
  const base = [3.0, 3.1, 3.2, 3.3, 3.4, 3.5, 3.6, 3.7];

  it('moved: a clear shift of the median beyond the measured jitter with enough samples', () => {
    const shift = timingShift(
      base,
      base.map((v) => v + 2),
    );
    expect(shift?.medianShiftSeconds).toBeCloseTo(2, 10);
    expect(shift?.pValue).toBeLessThan(SHIFT_NOISE.alpha);
    expect(shift?.beyondNoise).toBe(true);
  });

  it('not moved: significant but smaller than the jitter, or too few samples, or no samples', () => {
    // A tight sample shifted by 0.3 s: every B above every A, yet below the 0.5 s jitter.
    const tight = base.map((v) => 3 + (v - 3) / 10);
    const tiny = timingShift(
      tight,
      tight.map((v) => v + 0.3),
    );
    expect(tiny?.pValue).toBeLessThan(SHIFT_NOISE.alpha);
    expect(tiny?.beyondNoise).toBe(false);
    const few = timingShift([1, 2], [9, 10]);
    expect(few).toEqual({ medianShiftSeconds: 8, beyondNoise: false });
    expect(timingShift([], [1])).toBeUndefined();
  });
});
