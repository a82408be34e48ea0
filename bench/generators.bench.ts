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

const WARM_UP = 2_000;
const RATE_SAMPLES = 20_000;
const MEMORY_SAMPLES = 100_000;
const CHUNK = 10_000;

function perSecond(count: number, ms: number): number {
  return Math.round((count * 1000) / ms);
}

/** Pod scenarios per second on one core, per-family rates, and peak RSS while generating 100,000 pods. */
export async function run(): Promise<BenchResult[]> {
  const capabilities = defaultCapabilities(LATEST_VERSION);
  const pods = podScenario({ capabilities });
  fc.sample(pods, { seed: 1, numRuns: WARM_UP });
  const start = performance.now();
  fc.sample(pods, { seed: 2, numRuns: RATE_SAMPLES });
  const podMs = performance.now() - start;

  const results: BenchResult[] = [
    {
      name: 'generators: pod scenarios',
      value: perSecond(RATE_SAMPLES, podMs),
      unit: 'pods/s',
      target: '≥ 5000',
    },
  ];

  const options = { image: 'busybox', namespace: 'kp', labels: {} };
  const mapped = fc.sample(pods, { seed: 3, numRuns: RATE_SAMPLES });
  const mapStart = performance.now();
  for (const pod of mapped) manifestsFor({ family: 'init', pod, observeSeconds: 1 }, options);
  results.push({
    name: 'generators: pods mapped to V1Pod',
    value: perSecond(RATE_SAMPLES, performance.now() - mapStart),
    unit: 'pods/s',
  });

  for (const family of FAMILIES.filter((f) => f !== 'networkpolicy')) {
    const arbitrary = scenarioArbitrary(family, capabilities);
    fc.sample(arbitrary, { seed: 1, numRuns: 500 });
    const t = performance.now();
    fc.sample(arbitrary, { seed: 4, numRuns: 5_000 });
    results.push({
      name: `generators: ${family} scenarios`,
      value: perSecond(5_000, performance.now() - t),
      unit: 'scenarios/s',
    });
  }

  // Generated in chunks and dropped, as a property run consumes them: the peak is the generator's own.
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  for (let seed = 0; seed < MEMORY_SAMPLES / CHUNK; seed++) {
    fc.sample(pods, { seed: 100 + seed, numRuns: CHUNK });
    peak = Math.max(peak, process.memoryUsage().rss);
  }
  results.push(
    { name: 'generators: peak RSS, 100,000 pod scenarios', value: Math.round(peak / 2 ** 20), unit: 'MiB' },
    {
      name: 'generators: RSS growth, 100,000 pod scenarios',
      value: Math.round((peak - baseline) / 2 ** 20),
      unit: 'MiB',
    },
  );
  return results;
}
