import { runMatrixCommand } from '../../cli/commands/matrix';
import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { basisOf, type GenerationBasis } from '../../model/generation-basis';
import type { Comparison } from '../../reporting/compare-reports';
import {
  runDirName,
  runMatrix,
  targetLabel,
  type MatrixSteps,
  type MatrixTarget,
} from '../../reporting/matrix';

function comparison(regressed: boolean): Comparison {
  const run = { file: '', runId: '', serverVersion: '', nodeImages: [] };
  return {
    a: run,
    b: run,
    properties: [],
    families: [],
    capabilities: [],
    timings: [],
    inputs: { same: true, detail: '' },
    casesCompared: 0,
    caseDifferences: [],
    regressed,
  };
}

function basisFor(version: string, label: string): GenerationBasis {
  return basisOf(defaultCapabilities(parseServerVersion(version)), label);
}

type Step = 'basis' | 'create' | 'run' | 'delete';

/** Records every step; targets listed in `failing` fail at the given step. */
function fakeSteps(failing: Record<string, Step> = {}, regressed = false) {
  const calls: string[] = [];
  const live = new Set<string>();
  const inputs: Array<{ label: string; seed: number; generation: GenerationBasis }> = [];
  const steps: MatrixSteps = {
    async basisFor(target) {
      const label = targetLabel(target);
      if (failing[label] === 'basis') throw new Error('unreachable');
      return basisFor(/v1\.\d+/.exec(label)?.[0] ?? 'v1.34', label);
    },
    async createCluster(target) {
      const label = targetLabel(target);
      calls.push(`create ${label}`);
      if (failing[label] === 'create') throw new Error('docker not running');
      expect(live.size).toBe(0); // one cluster at a time
      live.add(label);
      return { name: `kp-${live.size}`, target, kubeconfig: '/tmp/kubeconfig' };
    },
    async runConformance(cluster, outDir, given) {
      const label = targetLabel(cluster.target);
      calls.push(`run ${label} ${outDir}`);
      inputs.push({ label, ...given });
      if (failing[label] === 'run') throw new Error('run crashed');
      return `${outDir}/report.json`;
    },
    async deleteCluster(cluster) {
      const label = targetLabel(cluster.target);
      calls.push(`delete ${label}`);
      live.delete(label);
      if (failing[label] === 'delete') throw new Error('kind delete failed');
    },
    async compare(a, b) {
      calls.push(`compare ${a} ${b}`);
      return comparison(regressed);
    },
    log: () => undefined,
  };
  return { steps, calls, live, inputs };
}

const IMAGES = ['kindest/node:v1.23.17@sha256:aaaa', 'kindest/node:v1.34.0'];
const TARGETS: MatrixTarget[] = IMAGES.map((nodeImage) => ({ kind: 'node-image', nodeImage }));

describe('runMatrix', () => {
  it('creates, runs and deletes one cluster per target in turn, then compares each run with the first', async () => {
    const { steps, calls } = fakeSteps();
    const result = await runMatrix(TARGETS, 'out', 7, steps);
    expect(calls).toEqual([
      `create ${IMAGES[0]}`,
      `run ${IMAGES[0]} out/kindest-node-v1.23.17`,
      `delete ${IMAGES[0]}`,
      `create ${IMAGES[1]}`,
      `run ${IMAGES[1]} out/kindest-node-v1.34.0`,
      `delete ${IMAGES[1]}`,
      'compare out/kindest-node-v1.23.17/report.json out/kindest-node-v1.34.0/report.json',
    ]);
    expect(result.exitCode).toBe(0);
  });

  it('runs every cluster with the same seed and the capabilities common to all of them', async () => {
    const { steps, inputs } = fakeSteps();
    const result = await runMatrix(TARGETS, 'out', 7, steps);
    // v1.34 supports all that v1.23 does: the common basis is v1.23's (no sidecars, sleep, gRPC probes).
    expect(result.generation?.version.minor).toBe(23);
    expect(result.generation?.features).toEqual(basisFor('v1.23', '').features);
    expect(result.generation?.features.grpcProbes).toBe(false);
    expect(result.generation?.sources).toEqual(IMAGES);
    expect(inputs.map((i) => [i.label, i.seed, i.generation])).toEqual([
      [IMAGES[0], 7, result.generation],
      [IMAGES[1], 7, result.generation],
    ]);
  });

  it('leaves out a target whose capabilities cannot be learnt, and runs the others', async () => {
    const { steps, calls } = fakeSteps({ [IMAGES[0]]: 'basis' });
    const result = await runMatrix(TARGETS, 'out', 7, steps);
    expect(result.runs[0].error).toBe('capabilities unknown: unreachable');
    expect(calls).toEqual([
      `create ${IMAGES[1]}`,
      `run ${IMAGES[1]} out/kindest-node-v1.34.0`,
      `delete ${IMAGES[1]}`,
    ]);
    expect(result.generation?.version.minor).toBe(34);
    expect(result.exitCode).toBe(2);
  });

  it('deletes the cluster even when the run fails, goes on with the next target, and exits 2', async () => {
    const { steps, calls, live } = fakeSteps({ [IMAGES[0]]: 'run' });
    const result = await runMatrix(TARGETS, 'out', 7, steps);
    expect(calls).toContain(`delete ${IMAGES[0]}`);
    expect(calls).toContain(`run ${IMAGES[1]} out/kindest-node-v1.34.0`);
    expect(live.size).toBe(0);
    expect(result.runs[0].error).toBe('run crashed');
    expect(result.comparisons).toHaveLength(0);
    expect(result.exitCode).toBe(2);
  });

  it('reports a cluster that could not be created or deleted', async () => {
    const created = await runMatrix(TARGETS, 'out', 7, fakeSteps({ [IMAGES[1]]: 'create' }).steps);
    expect(created.runs[1].error).toBe('docker not running');
    const deleted = await runMatrix(TARGETS, 'out', 7, fakeSteps({ [IMAGES[0]]: 'delete' }).steps);
    expect(deleted.runs[0].error).toBe('cluster kp-1 not deleted: kind delete failed');
    expect(deleted.exitCode).toBe(2);
  });

  it('exits 1 when a run regressed against the first', async () => {
    expect((await runMatrix(TARGETS, 'out', 7, fakeSteps({}, true).steps)).exitCode).toBe(1);
  });

  it('names run directories after the target without its digest', () => {
    expect(runDirName('kindest/node:v1.31.0@sha256:0123abcd')).toBe('kindest-node-v1.31.0');
    expect(runDirName(targetLabel({ kind: 'context', context: 'kind-a' }))).toBe('context-kind-a');
  });
});

describe('kubeprop matrix', () => {
  async function refusal(options: Parameters<typeof runMatrixCommand>[0], wired = true): Promise<string[]> {
    const err: string[] = [];
    const output = { out: () => undefined, err: (t: string) => err.push(t) };
    const steps = wired ? fakeSteps().steps : undefined;
    expect(await runMatrixCommand(options, steps, output)).toBe(2);
    return err;
  }

  it('refuses options that name no target, both kinds, a bad seed, or no wired target', async () => {
    expect(await refusal({ nodeImages: ' , ', out: 'x' })).toEqual([
      'kubeprop matrix: --node-images needs at least one image (or compare existing clusters with --contexts)\n',
    ]);
    expect(await refusal({ nodeImages: 'kindest/node:v1.34.0', contexts: 'a', out: 'x' })).toEqual([
      'kubeprop matrix: give --node-images or --contexts, not both: one matrix compares one kind of target\n',
    ]);
    expect(await refusal({ nodeImages: 'kindest/node:v1.34.0', kubeconfig: 'k', out: 'x' })).toEqual([
      'kubeprop matrix: --kubeconfig goes with --contexts (kind clusters have their own)\n',
    ]);
    expect(await refusal({ contexts: 'a,b', seed: 'x', out: 'x' })).toEqual([
      'kubeprop matrix: --seed "x" is not a whole number between -2147483648 and 2147483647\n',
    ]);
    expect(await refusal({ contexts: 'a,b', out: 'x' }, false)).toEqual([
      'kubeprop matrix: no cluster target is wired into this build\n',
    ]);
  });
});
