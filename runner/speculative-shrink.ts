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
  /** Runs a candidate live once: its failure (the same failure), or undefined when it did not fail so. */
  evaluate(candidate: T): Promise<R | undefined>;
  /**
   * Runs a failing candidate a second time: whether it fails the same way again. The descent moves on
   * at once and runs this alongside the next batch; a candidate that does not fail again was flaky,
   * and the descent returns to its parent and goes on with the parent's next candidates.
   */
  confirm?(candidate: T, failure: R): Promise<boolean>;
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

/** A node of the descent and how far through its candidates it got. */
interface Level<T, N, R> {
  node: N;
  smallest?: { value: T; failure: R };
  children: Array<ShrinkCandidate<T, N>>;
  tried: number;
}

/**
 * Greedy descent, several candidates at a time: the candidates below the current node are run in
 * batches of `width` concurrently, and the first of a batch (in the children's order) that fails
 * becomes the new node. Every candidate before it in that order passed, so the descent ends where a
 * one-at-a-time shrinker ends; a batch costs one case's time instead of `width`. A new node's
 * confirmation takes one place of the next batch instead of a case's time of its own.
 *
 * While the descent keeps taking the first candidate (most steps of a long shrink, where every
 * removal still fails), half a batch runs ahead down the tree instead: the first candidate, its first
 * child, that one's first child, and so on. A chain that fails to its end is that many steps for one
 * batch's time; where it stops failing, the descent goes on where the one-at-a-time shrinker would.
 */
export async function descend<T, N, R>(options: DescentOptions<T, N, R>): Promise<DescentResult<T, N, R>> {
  const width = Math.max(1, options.width);
  const levelOf = (node: N, smallest?: { value: T; failure: R }): Level<T, N, R> => ({
    node,
    smallest,
    children: options.children(node),
    tried: 0,
  });
  let level = levelOf(options.root);
  let pending: { confirmed: Promise<boolean>; parent: Level<T, N, R>; steps: number } | undefined;
  let steps = 0;
  let candidatesRun = 0;
  let streak = false;
  // A node is kept only once its confirmation came back: a flaky one hands the descent back to its parent.
  const settle = async (): Promise<void> => {
    if (pending === undefined) return;
    const { confirmed, parent, steps: taken } = pending;
    pending = undefined;
    if (await confirmed) return;
    level = parent;
    steps -= taken;
    streak = false;
  };
  const result = (localMinimum: boolean): DescentResult<T, N, R> => ({
    node: level.node,
    smallest: level.smallest,
    steps,
    candidatesRun,
    localMinimum,
  });
  for (;;) {
    if (options.stop()) {
      await settle();
      return result(false);
    }
    const room = Math.max(1, width - (pending === undefined ? 0 : 1));
    const untried = level.children.slice(level.tried);
    if (untried.length === 0) {
      if (pending === undefined) return result(true);
      await settle();
      continue;
    }
    const chain = [untried[0]];
    const depth = streak ? Math.ceil(room / 2) : 1;
    while (chain.length < depth) {
      const next = options.children(chain[chain.length - 1].node)[0];
      if (next === undefined) break;
      chain.push(next);
    }
    const siblings = untried.slice(1, 1 + room - chain.length);
    const batch = [...chain, ...siblings];
    const current = level;
    current.tried += 1 + siblings.length;
    candidatesRun += batch.length;
    const confirming = settle();
    const failures = await Promise.all(batch.map((candidate) => options.evaluate(candidate.value)));
    await confirming;
    // The node these ran below was flaky: they are children of a node that is not a counterexample.
    if (level !== current) continue;
    let reached = -1;
    while (reached + 1 < chain.length && failures[reached + 1] !== undefined) reached += 1;
    let taken: number;
    let next: Level<T, N, R>;
    if (reached >= 0) {
      const found = chain[reached];
      next = levelOf(found.node, { value: found.value, failure: failures[reached] as R });
      // The chain's next link is this node's first child, and it passed.
      if (reached + 1 < chain.length) next.tried = 1;
      taken = reached + 1;
      streak = true;
    } else {
      const index = failures.findIndex((failure, i) => i >= chain.length && failure !== undefined);
      streak = false;
      if (index < 0) continue;
      const found = batch[index];
      next = levelOf(found.node, { value: found.value, failure: failures[index] as R });
      taken = 1;
    }
    level = next;
    steps += taken;
    const smallest = next.smallest;
    if (options.confirm && smallest)
      pending = {
        confirmed: options.confirm(smallest.value, smallest.failure),
        parent: current,
        steps: taken,
      };
  }
}

/**
 * The candidates below a node that do not make a case longer, cheapest first, in the given order
 * among equals. A live shrinker spends its budget on case durations, and durations are part of what
 * a minimal counterexample minimises, so a candidate whose case would take longer than its parent's
 * (fast-check may offer one: an optional grace period dropped for the 30 s default, a chained value
 * drawn afresh) is no smaller; cheaper cases first make every later batch quicker. `cost` answers
 * NaN where it has no estimate.
 */
export function costOrdered<T, N>(
  children: (node: N) => Array<ShrinkCandidate<T, N>>,
  valueOf: (node: N) => T,
  cost: (value: T) => number,
): (node: N) => Array<ShrinkCandidate<T, N>> {
  // NaN: no estimate (a plan that cannot be made offline); such a candidate is kept, and tried last.
  const rank = (value: number): number => (Number.isNaN(value) ? Infinity : value);
  return (node) => {
    const ceiling = cost(valueOf(node));
    return children(node)
      .map((candidate, order) => ({ candidate, order, cost: cost(candidate.value) }))
      .filter((entry) => Number.isNaN(ceiling) || Number.isNaN(entry.cost) || entry.cost <= ceiling)
      .sort((a, b) => rank(a.cost) - rank(b.cost) || a.order - b.order)
      .map((entry) => entry.candidate);
  };
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
