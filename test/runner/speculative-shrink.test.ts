import fc from 'fast-check';
import {
  costOrdered,
  descend,
  fastCheckChildren,
  replayAt,
  structureFirst,
} from '../../runner/speculative-shrink';

/** A scenario-like value: containers (a structure) and a duration (a number). */
const arbitrary = fc.record({
  containers: fc.array(fc.record({ grace: fc.integer({ min: 0, max: 60 }), hook: fc.boolean() }), {
    minLength: 1,
    maxLength: 5,
  }),
  periodSeconds: fc.integer({ min: 1, max: 30 }),
});
type Value = typeof arbitrary extends fc.Arbitrary<infer T> ? T : never;

/** The "cluster bug": a container with a hook and a grace of at least 10 s fails. */
const fails = (value: Value): boolean => value.containers.some((c) => c.hook && c.grace >= 10);

function firstFailingIndex(seed: number): number {
  const index = fc.sample(arbitrary, { seed, numRuns: 100 }).findIndex(fails);
  if (index < 0) throw new Error('no failing sample for this seed');
  return index;
}

describe('replayAt', () => {
  it("returns fast-check's own value at a run index, and each candidate replays at path:i", () => {
    const seed = 11;
    const index = firstFailingIndex(seed);
    const { value, candidates } = replayAt(arbitrary, seed, String(index));
    expect(value).toEqual(fc.sample(arbitrary, { seed, numRuns: index + 1 })[index]);
    expect(candidates.length).toBeGreaterThan(0);
    for (const i of [0, Math.floor(candidates.length / 2), candidates.length - 1])
      expect(replayAt(arbitrary, seed, `${index}:${i}`).value).toEqual(candidates[i]);
  });
});

describe('structureFirst', () => {
  it('puts structurally smaller candidates first, keeps the original index, drops duplicates', () => {
    const ordered = structureFirst([{ a: [1, 2, 3] }, { a: [1] }, { a: [1, 2, 3] }, { a: [9] }]);
    expect(ordered).toEqual([
      { value: { a: [1] }, index: 1 },
      { value: { a: [9] }, index: 3 },
      { value: { a: [1, 2, 3] }, index: 0 },
    ]);
  });
});

describe('descend', () => {
  async function shrink(seed: number, width: number, budgetBatches = Infinity) {
    let batches = 0;
    let inFlight = 0;
    let maxInFlight = 0;
    const evaluate = async (candidate: Value): Promise<{ failed: Value } | undefined> => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await Promise.resolve();
      inFlight -= 1;
      return fails(candidate) ? { failed: candidate } : undefined;
    };
    const stop = (): boolean => batches++ >= budgetBatches;
    const tree = await descend({
      root: String(firstFailingIndex(seed)),
      children: fastCheckChildren(arbitrary, seed),
      evaluate,
      width,
      stop,
    });
    return { tree, batches, maxInFlight, evaluate, stop };
  }

  /** A structural reducer like generators/scenario-reductions.ts: drop one container. */
  const dropOne = (value: Value) =>
    value.containers.length < 2
      ? []
      : value.containers.map((_, index) => {
          const next = { ...value, containers: value.containers.filter((__, i) => i !== index) };
          return { value: next, node: next };
        });

  it("fast-check's tree to its local minimum (numbers at their least), then structure: one container", async () => {
    for (const seed of [1, 2, 3, 11]) {
      const { tree, evaluate } = await shrink(seed, 4);
      expect(tree.localMinimum).toBe(true);
      const treeMinimal = tree.smallest?.value;
      if (treeMinimal === undefined) throw new Error(`seed ${seed}: nothing smaller failed`);
      expect(treeMinimal.periodSeconds).toBe(1);
      expect(treeMinimal.containers.filter((c) => c.hook && c.grace >= 10)).toEqual([
        { grace: 10, hook: true },
      ]);
      // The node is a fast-check path: replaying it gives that value.
      expect(replayAt(arbitrary, seed, tree.node).value).toEqual(treeMinimal);
      const structure = await descend({
        root: treeMinimal,
        children: dropOne,
        evaluate,
        width: 4,
        stop: () => false,
      });
      expect(structure.localMinimum).toBe(true);
      expect(structure.node).toEqual({ containers: [{ grace: 10, hook: true }], periodSeconds: 1 });
    }
  });

  it('runs a batch at once, and ends where a one-at-a-time shrinker ends, in fewer rounds', async () => {
    const one = await shrink(2, 1);
    const four = await shrink(2, 4);
    expect(four.maxInFlight).toBe(4);
    expect(one.maxInFlight).toBe(1);
    expect(four.tree.node).toBe(one.tree.node);
    expect(four.tree.steps).toBe(one.tree.steps);
    expect(four.batches).toBeLessThan(one.batches);
  });

  it('stopped early: keeps the smallest failure so far and says it is not shown minimal', async () => {
    const { tree } = await shrink(2, 1, 2);
    expect(tree.localMinimum).toBe(false);
    expect(tree.candidatesRun).toBe(2);
    if (tree.smallest !== undefined) expect(fails(tree.smallest.value)).toBe(true);
  });

  it('confirms a new node alongside the next batch: never more than `width` cases at once, and no round of its own', async () => {
    const confirmedOne = await (async () => {
      let inFlight = 0;
      let maxInFlight = 0;
      let rounds = 0;
      const track = async <R>(result: R): Promise<R> => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 1));
        inFlight -= 1;
        return result;
      };
      const tree = await descend({
        root: String(firstFailingIndex(2)),
        children: fastCheckChildren(arbitrary, 2),
        evaluate: (candidate: Value) => track(fails(candidate) ? { failed: candidate } : undefined),
        confirm: (candidate: Value) => track(fails(candidate)),
        width: 4,
        stop: () => {
          rounds += 1;
          return false;
        },
      });
      return { tree, maxInFlight, rounds };
    })();
    const unconfirmed = await shrink(2, 4);
    expect(confirmedOne.maxInFlight).toBeLessThanOrEqual(4);
    expect(confirmedOne.tree.localMinimum).toBe(true);
    expect(confirmedOne.tree.smallest?.value).toEqual(unconfirmed.tree.smallest?.value);
    // Each step's confirmation shared a batch: the descent took no round per confirmation.
    expect(confirmedOne.rounds).toBeLessThan(unconfirmed.batches + confirmedOne.tree.steps);
  });

  it('a node whose confirmation passes was flaky: the descent goes back to its parent and on past it', async () => {
    const root = { containers: [{ grace: 20, hook: true }], periodSeconds: 5 };
    const flaky = { containers: [{ grace: 12, hook: true }], periodSeconds: 5 };
    const solid = { containers: [{ grace: 15, hook: true }], periodSeconds: 5 };
    const children = (value: Value) =>
      value === root ? [flaky, solid].map((next) => ({ value: next, node: next })) : [];
    const tree = await descend({
      root,
      children,
      evaluate: async (candidate: Value) => (fails(candidate) ? { failed: candidate } : undefined),
      confirm: async (candidate: Value) => candidate !== flaky,
      width: 1,
      stop: () => false,
    });
    expect(tree.node).toBe(solid);
    expect(tree.steps).toBe(1);
    expect(tree.localMinimum).toBe(true);
  });
});

describe('descend, running ahead', () => {
  // A line of nodes 20 → 19 → … → 0 where every node below 20 fails: each node's first child is the next.
  const children = (node: number) =>
    node === 0 ? [] : [node - 1, node + 100, node + 200].map((value) => ({ value, node: value }));
  const evaluate = async (candidate: number) => (candidate < 20 ? { failed: candidate } : undefined);

  it('down a line of failing first children, half of each batch runs ahead: several steps a batch, same end', async () => {
    let batches = 0;
    const ahead = await descend({
      root: 20,
      children,
      evaluate,
      width: 6,
      stop: () => {
        batches += 1;
        return false;
      },
    });
    expect(ahead.node).toBe(0);
    expect(ahead.steps).toBe(20);
    expect(ahead.localMinimum).toBe(true);
    // One batch per step would be 20 (plus the last, whose candidates all pass); three steps a batch once ahead.
    expect(batches).toBeLessThan(12);
  });

  it('where the chain stops failing, the descent goes on from the last failing link, past the passing child', async () => {
    const tried: number[] = [];
    const tree = await descend({
      root: 20,
      children,
      evaluate: async (candidate: number) => {
        tried.push(candidate);
        return candidate < 20 && candidate !== 16 ? { failed: candidate } : undefined;
      },
      width: 6,
      stop: () => false,
    });
    // 16 passes: below 17 the next candidates are 117 and 217 (both pass), so 17 is the local minimum.
    expect(tree.node).toBe(17);
    expect(tree.localMinimum).toBe(true);
    expect(tried.filter((value) => value === 16)).toHaveLength(1);
  });
});

describe('costOrdered', () => {
  const cost = (value: Value): number =>
    value.periodSeconds + value.containers.reduce((sum, c) => sum + c.grace, 0);
  const node = { containers: [{ grace: 10, hook: true }], periodSeconds: 5 };
  const candidates = [
    { containers: [{ grace: 10, hook: false }], periodSeconds: 5 },
    { containers: [{ grace: 30, hook: true }], periodSeconds: 1 },
    { containers: [{ grace: 2, hook: true }], periodSeconds: 5 },
    { containers: [{ grace: 10, hook: true }], periodSeconds: 1 },
  ];
  const children = () => candidates.map((value) => ({ value, node: value }));

  it('drops candidates whose case would take longer than the parent, cheapest first, given order among equals', () => {
    const ordered = costOrdered(children, (value: Value) => value, cost)(node);
    expect(ordered.map((c) => c.value)).toEqual([candidates[2], candidates[3], candidates[0]]);
  });

  it('keeps a candidate without an estimate (NaN), last; a parent without one drops nothing', () => {
    const unknown = (value: Value): number => (value.periodSeconds === 1 ? Number.NaN : cost(value));
    expect(costOrdered(children, (value: Value) => value, unknown)(node).map((c) => c.value)).toEqual([
      candidates[2],
      candidates[0],
      candidates[1],
      candidates[3],
    ]);
    const parentUnknown = { containers: [{ grace: 10, hook: true }], periodSeconds: 1 };
    expect(costOrdered(children, (value: Value) => value, unknown)(parentUnknown)).toHaveLength(4);
  });
});
