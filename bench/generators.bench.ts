import fc from 'fast-check';
import { podScenario, scenarioArbitrary } from '../generators';
import { manifestsFor } from '../generators/manifests';
import { defaultCapabilities, LATEST_VERSION } from '../model/capabilities';
import { FAMILIES } from '../model/scenario';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const WARM_UP = 10_000;
const ROUNDS = 3;
const RATE_SAMPLES = 20_000;
const FAMILY_SAMPLES = 5_000;
const MEMORY_SAMPLES = 100_000;
const CHUNK = 10_000;

/** Best of ROUNDS timings of fn, per second: the steady state, not a collection that fell inside one round. */
function bestRate(count: number, fn: (round: number) => void): number {
  let best = Infinity;
  for (let round = 0; round < ROUNDS; round++) {
    const start = performance.now();
    fn(round);
    best = Math.min(best, performance.now() - start);
  }
  return Math.round((count * 1000) / best);
}

/** Pod scenarios per second (one thread), per-family rates, and peak RSS while generating 100,000 pods. */
export async function run(): Promise<BenchResult[]> {
  const capabilities = defaultCapabilities(LATEST_VERSION);
  const pods = podScenario({ capabilities });

  // Memory first, from a fresh heap; generated in chunks and dropped, as a property run consumes them.
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  for (let chunk = 0; chunk < MEMORY_SAMPLES / CHUNK; chunk++) {
    fc.sample(pods, { seed: 100 + chunk, numRuns: CHUNK });
    peak = Math.max(peak, process.memoryUsage().rss);
  }

  fc.sample(pods, { seed: 1, numRuns: WARM_UP });
  const results: BenchResult[] = [
    {
      name: 'generators: pod scenarios',
      value: bestRate(RATE_SAMPLES, (round) => fc.sample(pods, { seed: 2 + round, numRuns: RATE_SAMPLES })),
      unit: 'pods/s',
      target: '≥ 5000',
    },
    { name: 'generators: peak RSS, 100,000 pod scenarios', value: Math.round(peak / 2 ** 20), unit: 'MiB' },
    {
      name: 'generators: RSS growth, 100,000 pod scenarios',
      value: Math.round((peak - baseline) / 2 ** 20),
      unit: 'MiB',
    },
  ];

  const options = { image: 'busybox', namespace: 'kp', labels: {} };
  const mapped = fc.sample(pods, { seed: 3, numRuns: RATE_SAMPLES });
  results.push({
    name: 'generators: pods mapped to V1Pod',
    value: bestRate(RATE_SAMPLES, () => {
      for (const pod of mapped) manifestsFor({ family: 'init', pod, observeSeconds: 1 }, options);
    }),
    unit: 'pods/s',
  });

  for (const family of FAMILIES.filter((f) => f !== 'networkpolicy')) {
    const arbitrary = scenarioArbitrary(family, capabilities);
    fc.sample(arbitrary, { seed: 1, numRuns: 1_000 });
    results.push({
      name: `generators: ${family} scenarios`,
      value: bestRate(FAMILY_SAMPLES, (round) =>
        fc.sample(arbitrary, { seed: 4 + round, numRuns: FAMILY_SAMPLES }),
      ),
      unit: 'scenarios/s',
    });
  }
  return results;
}
