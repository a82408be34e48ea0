// @ts-nocheck
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { compareReports } from '../../reporting/compare-reports';
import { renderComparisonMarkdown } from '../../reporting/compare-render';
import { runMatrix, type MatrixSteps } from '../../reporting/matrix';
import { openReport } from '../../reporting/report-stream';
import { EXIT, processOutput, type CommandOutput } from './report-output';

/** The cluster-facing steps of a matrix; the kind target provides them (harness/targets/kind.ts). */
export type ClusterSteps = Pick<MatrixSteps, 'createCluster' | 'runConformance' | 'deleteCluster'>;

export interface MatrixCommandOptions {
  nodeImages: string;
  out: string;
}

export async function runMatrixCommand(
  options: MatrixCommandOptions,
  steps: ClusterSteps | undefined,
  output: CommandOutput = processOutput,
): Promise<number> {
  const nodeImages = options.nodeImages
    .split(',')
    .map((image) => image.trim())
    .filter((image) => image !== '');
  if (nodeImages.length === 0) {
    output.err('kubeprop matrix: --node-images needs at least one image\n');
    return EXIT.error;
  }
  if (steps === undefined) {
    output.err('kubeprop matrix: no cluster target is wired into this build (needs the kind target)\n');
    return EXIT.error;
  }
  const result = await runMatrix(nodeImages, options.out, {
    ...steps,
    compare: async (a, b) => compareReports(await openReport(a), await openReport(b)),
    log: (line) => output.err(`${line}\n`),
  });
  const markdown = result.comparisons.map(renderComparisonMarkdown).join('\n');
  mkdirSync(options.out, { recursive: true });
  writeFileSync(join(options.out, 'matrix.md'), markdown);
  output.out(markdown);
  for (const run of result.runs) {
    output.out(`${run.nodeImage}: ${run.error ? `error: ${run.error}` : (run.reportPath ?? '')}\n`);
  }
  return result.exitCode;
}

export function registerMatrix(program: Command, steps?: ClusterSteps): void {
  program
    .command('matrix')
    .description('create a kind cluster per node image in turn, run the suite on each, compare the runs')
    .requiredOption(
      '--node-images <list>',
      'comma-separated kind node images (by digest for reproducibility)',
    )
    .option('--out <dir>', 'directory for the runs and matrix.md', 'reports/matrix')
    .action(async (options: MatrixCommandOptions) => {
      process.exitCode = await runMatrixCommand(options, steps);
    });
}
