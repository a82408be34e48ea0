/**
 * fc.oneof option for every choice between alternatives: the shrinker also tries the first (simplest)
 * alternative, so counterexamples lose features (hooks, exit codes, resources) instead of keeping the
 * smallest value of whatever alternative they started in.
 */
export const CROSS_SHRINK = { withCrossShrink: true } as const;
