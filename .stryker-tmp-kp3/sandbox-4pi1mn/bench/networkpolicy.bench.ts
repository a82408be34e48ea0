// @ts-nocheck
import fc from 'fast-check';
import { networkPolicyScenario } from '../generators/networkpolicy';
import { defaultCapabilities, LATEST_VERSION } from '../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../model/expectation';
import { expectNetworkPolicy } from '../model/networkpolicy/expect';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target?: string;
}

const SAMPLES = 2000;

/** The NetworkPolicy matcher's throughput (216-cell matrix with reasons) and the generator's. */
export async function run(): Promise<BenchResult[]> {
  const capabilities = defaultCapabilities(LATEST_VERSION);
  const arbitrary = networkPolicyScenario(capabilities);
  const generateStart = performance.now();
  const scenarios = fc.sample(arbitrary, { seed: 1, numRuns: SAMPLES });
  const generateMs = performance.now() - generateStart;
  // Warm up so the figure is the steady state, not JIT compilation.
  for (const s of scenarios.slice(0, 200)) expectNetworkPolicy(s, capabilities, DEFAULT_MODEL_OPTIONS);
  const modelStart = performance.now();
  for (const s of scenarios) expectNetworkPolicy(s, capabilities, DEFAULT_MODEL_OPTIONS);
  const modelMs = performance.now() - modelStart;
  return [
    {
      name: 'networkpolicy model: expectations',
      value: Math.round((SAMPLES / modelMs) * 1000),
      unit: 'matrices/s',
      target: '≥ 1000',
    },
    {
      name: 'networkpolicy generator: scenarios',
      value: Math.round((SAMPLES / generateMs) * 1000),
      unit: 'scenarios/s',
      target: '≥ 1000',
    },
  ];
}
