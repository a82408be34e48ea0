// @ts-nocheck
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { compareReports } from '../../reporting/compare-reports';
import { renderComparisonHtml, renderComparisonMarkdown } from '../../reporting/compare-render';
import { openReport } from '../../reporting/report-stream';
import { EXIT, processOutput, type CommandOutput } from './report-output';

export interface CompareCommandOptions {
  out?: string;
  /** Regular expression selecting the instant fields whose timings are compared. */
  timing?: string;
}

export const COMPARISON_FILES = { markdown: 'comparison.md', html: 'comparison.html' } as const;

/** Compares two reports; prints markdown, writes markdown and HTML with --out; 1 on a regression. */
export async function runCompare(
  fileA: string,
  fileB: string,
  options: CompareCommandOptions,
  output: CommandOutput = processOutput,
): Promise<number> {
  try {
    const timingPattern = options.timing === undefined ? undefined : new RegExp(options.timing);
    const comparison = await compareReports(await openReport(fileA), await openReport(fileB), {
      timingPattern,
    });
    const markdown = renderComparisonMarkdown(comparison);
    output.out(markdown);
    if (options.out !== undefined) {
      mkdirSync(options.out, { recursive: true });
      writeFileSync(join(options.out, COMPARISON_FILES.markdown), markdown);
      writeFileSync(join(options.out, COMPARISON_FILES.html), renderComparisonHtml(comparison));
    }
    return comparison.regressed ? EXIT.regressed : EXIT.ok;
  } catch (error) {
    output.err(`kubeprop compare: ${(error as Error).message}\n`);
    return EXIT.error;
  }
}

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description('compare two runs: verdict changes, capability differences, timing distributions')
    .argument('<a>', 'report.json of the baseline run')
    .argument('<b>', 'report.json of the run compared with it')
    .option(
      '--out <dir>',
      `write ${COMPARISON_FILES.markdown} and ${COMPARISON_FILES.html} into this directory`,
    )
    .option('--timing <regex>', 'compare timings only of instant fields whose name matches')
    .action(async (a: string, b: string, options: CompareCommandOptions) => {
      process.exitCode = await runCompare(a, b, options);
    });
}
