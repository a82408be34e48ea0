// @ts-nocheck
import fc from 'fast-check';

export interface SecondsConstraints {
  /** Smallest value, seconds (default 0). */
  min?: number;
  /** Largest value, seconds. */
  max: number;
  /** Resolution, seconds (default 0.5): half seconds exercise the kubelet's whole-second rounding. */
  step?: number;
}

/** A duration in seconds on a grid of `step`, shrinking toward `min`. */
export function seconds(constraints: SecondsConstraints): fc.Arbitrary<number> {
  const step = constraints.step ?? 0.5;
  const min = constraints.min ?? 0;
  const steps = Math.floor((constraints.max - min) / step);
  return fc.integer({ min: 0, max: Math.max(0, steps) }).map((n) => min + n * step);
}
