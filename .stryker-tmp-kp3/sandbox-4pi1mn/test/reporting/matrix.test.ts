// @ts-nocheck
import { runMatrixCommand } from '../../cli/commands/matrix';
import type { Comparison } from '../../reporting/compare-reports';
import { runDirName, runMatrix, type MatrixCluster, type MatrixSteps } from '../../reporting/matrix';

function comparison(regressed: boolean): Comparison {
  const run = { file: '', runId: '', serverVersion: '', nodeImages: [] };
  return { a: run, b: run, properties: [], families: [], capabilities: [], timings: [], regressed };
}

/** Records every step; images listed in `failing` fail at the given step. */
function fakeSteps(failing: Record<string, 'create' | 'run' | 'delete'> = {}, regressed = false) {
  const calls: string[] = [];
  const live = new Set<string>();
  const steps: MatrixSteps = {
    async createCluster(nodeImage) {
      calls.push(`create ${nodeImage}`);
      if (failing[nodeImage] === 'create') throw new Error('docker not running');
      expect(live.size).toBe(0); // one cluster at a time
      live.add(nodeImage);
      return { name: `kp-${live.size}`, nodeImage, kubeconfig: '/tmp/kubeconfig' };
    },
    async runConformance(cluster: MatrixCluster, outDir) {
      calls.push(`run ${cluster.nodeImage} ${outDir}`);
      if (failing[cluster.nodeImage] === 'run') throw new Error('run crashed');
      return `${outDir}/report.json`;
    },
    async deleteCluster(cluster) {
      calls.push(`delete ${cluster.nodeImage}`);
      live.delete(cluster.nodeImage);
      if (failing[cluster.nodeImage] === 'delete') throw new Error('kind delete failed');
    },
    async compare(a, b) {
      calls.push(`compare ${a} ${b}`);
      return comparison(regressed);
    },
    log: () => undefined,
  };
  return { steps, calls, live };
}

const IMAGES = ['kindest/node:v1.33.4@sha256:aaaa', 'kindest/node:v1.34.0'];

describe('runMatrix', () => {
  it('creates, runs and deletes one cluster per image in turn, then compares each run with the first', async () => {
    const { steps, calls } = fakeSteps();
    const result = await runMatrix(IMAGES, 'out', steps);
    expect(calls).toEqual([
      `create ${IMAGES[0]}`,
      `run ${IMAGES[0]} out/kindest-node-v1.33.4`,
      `delete ${IMAGES[0]}`,
      `create ${IMAGES[1]}`,
      `run ${IMAGES[1]} out/kindest-node-v1.34.0`,
      `delete ${IMAGES[1]}`,
      'compare out/kindest-node-v1.33.4/report.json out/kindest-node-v1.34.0/report.json',
    ]);
    expect(result.exitCode).toBe(0);
  });

  it('deletes the cluster even when the run fails, goes on with the next image, and exits 2', async () => {
    const { steps, calls, live } = fakeSteps({ [IMAGES[0]]: 'run' });
    const result = await runMatrix(IMAGES, 'out', steps);
    expect(calls).toContain(`delete ${IMAGES[0]}`);
    expect(calls).toContain(`run ${IMAGES[1]} out/kindest-node-v1.34.0`);
    expect(live.size).toBe(0);
    expect(result.runs[0].error).toBe('run crashed');
    expect(result.comparisons).toHaveLength(0);
    expect(result.exitCode).toBe(2);
  });

  it('reports a cluster that could not be created or deleted', async () => {
    const created = await runMatrix(IMAGES, 'out', fakeSteps({ [IMAGES[1]]: 'create' }).steps);
    expect(created.runs[1].error).toBe('docker not running');
    const deleted = await runMatrix(IMAGES, 'out', fakeSteps({ [IMAGES[0]]: 'delete' }).steps);
    expect(deleted.runs[0].error).toBe('cluster kp-1 not deleted: kind delete failed');
    expect(deleted.exitCode).toBe(2);
  });

  it('exits 1 when a run regressed against the first', async () => {
    expect((await runMatrix(IMAGES, 'out', fakeSteps({}, true).steps)).exitCode).toBe(1);
  });

  it('names run directories after the image without its digest', () => {
    expect(runDirName('kindest/node:v1.31.0@sha256:0123abcd')).toBe('kindest-node-v1.31.0');
  });
});

describe('kubeprop matrix', () => {
  it('refuses to start without images or without a wired cluster target', async () => {
    const err: string[] = [];
    const output = { out: () => undefined, err: (t: string) => err.push(t) };
    expect(await runMatrixCommand({ nodeImages: ' , ', out: 'x' }, undefined, output)).toBe(2);
    expect(await runMatrixCommand({ nodeImages: 'kindest/node:v1.34.0', out: 'x' }, undefined, output)).toBe(
      2,
    );
    expect(err).toEqual([
      'kubeprop matrix: --node-images needs at least one image\n',
      'kubeprop matrix: no cluster target is wired into this build (needs the kind target)\n',
    ]);
  });
});
