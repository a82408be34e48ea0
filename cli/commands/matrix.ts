import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import type { Command } from 'commander';
import { compareReports } from '../../reporting/compare-reports';
import { renderComparisonMarkdown } from '../../reporting/compare-render';
import { runMatrix, type MatrixSteps, type MatrixTarget } from '../../reporting/matrix';
import { openReport } from '../../reporting/report-stream';
import { describeBasis } from '../../model/generation-basis';
import { parseSeed } from '../run-options';
import { EXIT, processOutput, type CommandOutput } from './report-output';

/** The cluster-facing steps of a matrix (cli/commands/matrix-steps.ts). */
export type ClusterSteps = Pick<
  MatrixSteps,
  'basisFor' | 'createCluster' | 'runConformance' | 'deleteCluster'
>;

export interface MatrixCommandOptions {
  nodeImages?: string;
  contexts?: string;
  kubeconfig?: string;
  seed?: string;
  out: string;
}

function list(text: string | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** The targets, or the reason the options name none (or both kinds). */
function targets(options: MatrixCommandOptions): MatrixTarget[] | string {
  const images = list(options.nodeImages);
  const contexts = list(options.contexts);
  if (options.nodeImages !== undefined && options.contexts !== undefined)
    return 'give --node-images or --contexts, not both: one matrix compares one kind of target';
  if (images.length === 0 && contexts.length === 0)
    return options.contexts !== undefined
      ? '--contexts needs at least one context'
      : '--node-images needs at least one image (or compare existing clusters with --contexts)';
  if (options.kubeconfig !== undefined && options.contexts === undefined)
    return '--kubeconfig goes with --contexts (kind clusters have their own)';
  return images.length > 0
    ? images.map((nodeImage) => ({ kind: 'node-image', nodeImage }))
    : contexts.map((context) => ({ kind: 'context', context, kubeconfig: options.kubeconfig }));
}

/** The seed of every run, or why --seed is not one. */
function seedOf(text: string | undefined): number | string {
  if (text === undefined) return randomInt(2 ** 31);
  try {
    return parseSeed(text);
  } catch (error) {
    return (error as Error).message;
  }
}

export async function runMatrixCommand(
  options: MatrixCommandOptions,
  steps: ClusterSteps | undefined,
  output: CommandOutput = processOutput,
): Promise<number> {
  const refuse = (problem: string): number => {
    output.err(`kubeprop matrix: ${problem}\n`);
    return EXIT.error;
  };
  const chosen = targets(options);
  if (typeof chosen === 'string') return refuse(chosen);
  const seed = seedOf(options.seed);
  if (typeof seed === 'string') return refuse(seed);
  if (steps === undefined) return refuse('no cluster target is wired into this build');
  const result = await runMatrix(chosen, options.out, seed, {
    ...steps,
    compare: async (a, b) => compareReports(await openReport(a), await openReport(b)),
    log: (line) => output.err(`${line}\n`),
  });
  const basis = result.generation
    ? `Every run: seed ${seed}, cases generated for ${describeBasis(result.generation)} (what all the clusters support).\n\n`
    : '';
  const markdown = basis + result.comparisons.map(renderComparisonMarkdown).join('\n');
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, 'matrix.md'), markdown);
  output.out(markdown);
  for (const run of result.runs) {
    output.out(`${run.label}: ${run.error ? `error: ${run.error}` : (run.reportPath ?? '')}\n`);
  }
  return result.exitCode;
}

export function registerMatrix(program: Command, steps?: ClusterSteps): void {
  program
    .command('matrix')
    .description(
      'run the same cases on several clusters (kind node images, or existing clusters by context) and compare the runs',
    )
    .option('--node-images <list>', 'comma-separated kind node images (by digest for reproducibility)')
    .option('--contexts <list>', 'comma-separated kubeconfig contexts of existing clusters')
    .option('--kubeconfig <file>', 'kubeconfig holding the --contexts (default: KUBECONFIG, ~/.kube/config)')
    .option('--seed <n>', 'fast-check seed of every run (default: random, printed)')
    .option('--out <dir>', 'directory for the runs and matrix.md', 'reports/matrix')
    .action(async (options: MatrixCommandOptions) => {
      process.exitCode = await runMatrixCommand(options, steps);
    });
}
