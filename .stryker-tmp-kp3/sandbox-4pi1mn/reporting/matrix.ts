// @ts-nocheck
import { join } from 'node:path';
import type { Comparison } from './compare-reports';

/** A cluster created for one node image; what `name` and `kubeconfig` mean is up to the target. */
export interface MatrixCluster {
  name: string;
  nodeImage: string;
  kubeconfig: string;
}

/** The steps of a matrix run, injected so the orchestration is tested without kind. */
export interface MatrixSteps {
  createCluster(nodeImage: string): Promise<MatrixCluster>;
  /** Runs the suite against the cluster, writing its report into outDir; resolves with report.json's path. */
  runConformance(cluster: MatrixCluster, outDir: string): Promise<string>;
  deleteCluster(cluster: MatrixCluster): Promise<void>;
  compare(a: string, b: string): Promise<Comparison>;
  log(line: string): void;
}

export interface MatrixRun {
  nodeImage: string;
  outDir: string;
  reportPath?: string;
  /** What went wrong creating, running or deleting, if anything. */
  error?: string;
}

export interface MatrixResult {
  runs: MatrixRun[];
  /** Each run with a report against the first such run (the baseline). */
  comparisons: Comparison[];
  /** 2 when a run failed, else 1 when a property regressed against the baseline, else 0. */
  exitCode: number;
}

/** A directory name for a node image: "kindest/node:v1.34.0@sha256:…" → "kindest-node-v1.34.0". */
export function runDirName(nodeImage: string): string {
  return nodeImage.replace(/@sha256:[0-9a-f]+$/, '').replace(/[^A-Za-z0-9._-]+/g, '-');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * One cluster per node image in turn (kind clusters are heavy: never two at once), the suite run
 * against each, the cluster always deleted, then every run compared with the first.
 */
export async function runMatrix(
  nodeImages: readonly string[],
  outDir: string,
  steps: MatrixSteps,
): Promise<MatrixResult> {
  const runs: MatrixRun[] = [];
  for (const nodeImage of nodeImages) {
    const run: MatrixRun = { nodeImage, outDir: join(outDir, runDirName(nodeImage)) };
    runs.push(run);
    steps.log(`matrix: ${nodeImage}: creating cluster`);
    let cluster: MatrixCluster | undefined;
    try {
      cluster = await steps.createCluster(nodeImage);
      steps.log(`matrix: ${nodeImage}: running conformance into ${run.outDir}`);
      run.reportPath = await steps.runConformance(cluster, run.outDir);
    } catch (error) {
      run.error = message(error);
      steps.log(`matrix: ${nodeImage}: failed: ${run.error}`);
    } finally {
      if (cluster) {
        try {
          await steps.deleteCluster(cluster);
        } catch (error) {
          const text = `cluster ${cluster.name} not deleted: ${message(error)}`;
          run.error = run.error ? `${run.error}; ${text}` : text;
          steps.log(`matrix: ${nodeImage}: ${text}`);
        }
      }
    }
  }
  const reported = runs.filter(
    (run): run is MatrixRun & { reportPath: string } => run.reportPath !== undefined,
  );
  const comparisons: Comparison[] = [];
  for (const run of reported.slice(1))
    comparisons.push(await steps.compare(reported[0].reportPath, run.reportPath));
  const exitCode = runs.some((run) => run.error !== undefined)
    ? 2
    : comparisons.some((comparison) => comparison.regressed)
      ? 1
      : 0;
  return { runs, comparisons, exitCode };
}
