import { join } from 'node:path';
import { commonBasis, describeBasis, type GenerationBasis } from '../model/generation-basis';
import type { Comparison } from './compare-reports';

/** What a matrix compares: kind clusters it creates per node image, or existing clusters by context. */
export type MatrixTarget =
  { kind: 'node-image'; nodeImage: string } | { kind: 'context'; context: string; kubeconfig?: string };

/** A cluster ready for a run; what `name` means is up to the target. */
export interface MatrixCluster {
  name: string;
  target: MatrixTarget;
  kubeconfig?: string;
  context?: string;
}

/** What every run of a matrix shares, so that all of them run the same cases. */
export interface MatrixRunInputs {
  seed: number;
  generation: GenerationBasis;
}

/** The steps of a matrix run, injected so the orchestration is tested without clusters. */
export interface MatrixSteps {
  /** What the target supports, known before any run (a context is asked; a node image's tag tells). */
  basisFor(target: MatrixTarget): Promise<GenerationBasis>;
  createCluster(target: MatrixTarget): Promise<MatrixCluster>;
  /** Runs the suite against the cluster, writing its report into outDir; resolves with report.json's path. */
  runConformance(cluster: MatrixCluster, outDir: string, inputs: MatrixRunInputs): Promise<string>;
  deleteCluster(cluster: MatrixCluster): Promise<void>;
  compare(a: string, b: string): Promise<Comparison>;
  log(line: string): void;
}

export interface MatrixRun {
  label: string;
  outDir: string;
  reportPath?: string;
  /** What went wrong finding its capabilities, creating, running or deleting, if anything. */
  error?: string;
}

export interface MatrixResult {
  runs: MatrixRun[];
  /** The basis every run generated from: what all the targets support. */
  generation?: GenerationBasis;
  /** Each run with a report against the first such run (the baseline). */
  comparisons: Comparison[];
  /** 2 when a run failed, else 1 when a property regressed against the baseline, else 0. */
  exitCode: number;
}

/** "kindest/node:v1.34.0@sha256:…" or "context prod" */
export function targetLabel(target: MatrixTarget): string {
  return target.kind === 'node-image' ? target.nodeImage : `context ${target.context}`;
}

/** A directory name for a target: "kindest/node:v1.34.0@sha256:…" → "kindest-node-v1.34.0". */
export function runDirName(label: string): string {
  return label.replace(/@sha256:[0-9a-f]+$/, '').replace(/[^A-Za-z0-9._-]+/g, '-');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

async function runOne(
  run: MatrixRun,
  target: MatrixTarget,
  inputs: MatrixRunInputs,
  steps: MatrixSteps,
): Promise<void> {
  steps.log(`matrix: ${run.label}: preparing cluster`);
  let cluster: MatrixCluster | undefined;
  try {
    cluster = await steps.createCluster(target);
    steps.log(`matrix: ${run.label}: running conformance into ${run.outDir}`);
    run.reportPath = await steps.runConformance(cluster, run.outDir, inputs);
  } catch (error) {
    run.error = message(error);
    steps.log(`matrix: ${run.label}: failed: ${run.error}`);
  } finally {
    if (cluster) {
      try {
        await steps.deleteCluster(cluster);
      } catch (error) {
        const text = `cluster ${cluster.name} not deleted: ${message(error)}`;
        run.error = run.error ? `${run.error}; ${text}` : text;
        steps.log(`matrix: ${run.label}: ${text}`);
      }
    }
  }
}

/**
 * First what every target supports (the common basis), then one cluster at a time (kind clusters
 * are heavy: never two at once) running the same seed from that basis — the same cases everywhere,
 * so a difference in verdicts is the cluster's — the cluster always released, then every run
 * compared with the first.
 */
export async function runMatrix(
  targets: readonly MatrixTarget[],
  outDir: string,
  seed: number,
  steps: MatrixSteps,
): Promise<MatrixResult> {
  const runs: MatrixRun[] = targets.map((target) => {
    const label = targetLabel(target);
    return { label, outDir: join(outDir, runDirName(label)) };
  });
  const bases = await Promise.all(
    targets.map(async (target, index) => {
      try {
        return await steps.basisFor(target);
      } catch (error) {
        runs[index].error = `capabilities unknown: ${message(error)}`;
        steps.log(`matrix: ${runs[index].label}: ${runs[index].error}`);
        return undefined;
      }
    }),
  );
  const known = bases.filter((basis): basis is GenerationBasis => basis !== undefined);
  const generation = known.length > 0 ? commonBasis(known) : undefined;
  if (generation !== undefined) {
    steps.log(`matrix: every run generates seed ${seed} for ${describeBasis(generation)}`);
    for (const [index, target] of targets.entries()) {
      if (bases[index] !== undefined) await runOne(runs[index], target, { seed, generation }, steps);
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
  return { runs, generation, comparisons, exitCode };
}
