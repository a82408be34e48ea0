import fc from 'fast-check';

/**
 * The value fast-check replays at `path` ("runIndex:shrinkIndex:…") for this seed, and the shrink
 * candidates of that value in fast-check's own order: candidate i replays at `${path}:${i}`.
 * fast-check walks the path and then offers every candidate to the predicate until one fails; a
 * predicate that fails only the first call (the value itself) sees them all. Pure and fast: no case
 * runs here.
 */
export function replayAt<T>(
  arbitrary: fc.Arbitrary<T>,
  seed: number,
  path: string,
): { value: T; candidates: T[] } {
  const seen: T[] = [];
  fc.check(
    fc.property(arbitrary, (value) => {
      seen.push(value);
      return seen.length > 1;
    }),
    { seed, path, numRuns: 1 },
  );
  if (seen.length === 0) throw new Error(`no value at fast-check path ${path} for seed ${seed}`);
  return { value: seen[0], candidates: seen.slice(1) };
}

/**
 * Structure first: a candidate whose JSON is shorter dropped a container, a hook, a probe or a port,
 * which shrinks a reproducer more than a smaller number does; equal sizes keep fast-check's order.
 */
export function structureFirst<T>(candidates: readonly T[]): Array<{ value: T; index: number }> {
  const seen = new Set<string>();
  const unique: Array<{ value: T; index: number; size: number }> = [];
  candidates.forEach((value, index) => {
    const json = JSON.stringify(value);
    // fast-check offers some candidates twice (an array shrunk two ways to the same array).
    if (seen.has(json)) return;
    seen.add(json);
    unique.push({ value, index, size: json.length });
  });
  return unique
    .sort((a, b) => a.size - b.size || a.index - b.index)
    .map(({ value, index }) => ({ value, index }));
}

/** A smaller value to try, and where shrinking goes on from if it fails. */
export interface ShrinkCandidate<T, N> {
  value: T;
  node: N;
}

export interface DescentOptions<T, N, R> {
  /** The node of the confirmed failure shrinking starts from. */
  root: N;
  /** The candidates below a node, best first. */
  children(node: N): Array<ShrinkCandidate<T, N>>;
  /** Runs a candidate live: its confirmed failure (the same failure), or undefined when it passed. */
  evaluate(candidate: T): Promise<R | undefined>;
  /** How many candidates to run at once (the run's slots: shrinking uses the idle ones). */
  width: number;
  /** Stop starting candidates when this says so (time spent, run aborted). */
  stop(): boolean;
}

export interface DescentResult<T, N, R> {
  /** The node of the smallest confirmed failure found (the root when none smaller failed). */
  node: N;
  smallest?: { value: T; failure: R };
  /** Steps taken: each replaced the counterexample with a smaller failing one. */
  steps: number;
  candidatesRun: number;
  /** Every candidate below the final node ran and passed: nothing smaller fails this way. */
  localMinimum: boolean;
}

/**
 * Greedy descent, several candidates at a time: the candidates below the current node are run in
 * batches of `width` concurrently, and the first of a batch (in the children's order) that fails
 * becomes the new node. Every candidate before it in that order passed, so the descent ends where a
 * one-at-a-time shrinker ends; a batch costs one case's time instead of `width`.
 */
export async function descend<T, N, R>(options: DescentOptions<T, N, R>): Promise<DescentResult<T, N, R>> {
  let node = options.root;
  let smallest: DescentResult<T, N, R>['smallest'];
  let steps = 0;
  let candidatesRun = 0;
  const width = Math.max(1, options.width);
  for (;;) {
    const children = options.children(node);
    let found: (ShrinkCandidate<T, N> & { failure: R }) | undefined;
    let tried = 0;
    while (found === undefined && tried < children.length) {
      if (options.stop()) return { node, smallest, steps, candidatesRun, localMinimum: false };
      const batch = children.slice(tried, tried + width);
      tried += batch.length;
      candidatesRun += batch.length;
      const failures = await Promise.all(batch.map((candidate) => options.evaluate(candidate.value)));
      for (const [index, failure] of failures.entries()) {
        if (failure === undefined) continue;
        found = { ...batch[index], failure };
        break;
      }
    }
    if (found === undefined) return { node, smallest, steps, candidatesRun, localMinimum: true };
    node = found.node;
    smallest = { value: found.value, failure: found.failure };
    steps += 1;
  }
}

/**
 * fast-check's shrink tree, descended structure first: nodes are fast-check paths, so the result
 * replays with `--path`.
 */
export function fastCheckChildren<T>(
  arbitrary: fc.Arbitrary<T>,
  seed: number,
): (path: string) => Array<ShrinkCandidate<T, string>> {
  return (path) =>
    structureFirst(replayAt(arbitrary, seed, path).candidates).map(({ value, index }) => ({
      value,
      node: `${path}:${index}`,
    }));
}
