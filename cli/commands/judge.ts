import type { Command } from 'commander';
import { judgeReport, type JudgeSink } from '../../reporting/judge-report';
import { ReportWriter } from '../../reporting/report-writer';
import { openReport } from '../../reporting/report-stream';
import type { PropertyDefinition } from '../../runner/property-definition';
import { PROPERTIES } from '../../suites/registry';
import { knownIssueForFailure } from '../../runner/known-issues';
import { knownIssues } from '../run-options';
import { EXIT, processOutput, type CommandOutput } from './report-output';

export interface JudgeCommandOptions {
  /** Write the re-judged report (report.json, junit.xml, summary.md, index.html) into this directory. */
  out?: string;
  /** As for run: a YAML list of known deviations, and whether the bundled upstream list applies. */
  knownIssues?: string;
  upstreamKnownIssues?: boolean;
}

function writerSink(writer: ReportWriter): JudgeSink {
  return {
    beginProperty: (property) => writer.beginProperty(property),
    addCase: (propertyId, item) => writer.addCase(propertyId, item),
    endProperty: (propertyId, end) => writer.endProperty(propertyId, end),
  };
}

/** Re-judges a report and prints what changed; resolves with the exit code. */
export async function runJudge(
  file: string,
  options: JudgeCommandOptions,
  properties: readonly PropertyDefinition[],
  output: CommandOutput = processOutput,
): Promise<number> {
  try {
    const source = await openReport(file);
    const {
      schemaVersion: _version,
      endedAt: _ended,
      interrupted,
      properties: _p,
      ...header
    } = source.skeleton;
    const issues = knownIssues(options.knownIssues, options.upstreamKnownIssues ?? true);
    const writer = options.out === undefined ? undefined : ReportWriter.open(options.out, header);
    const result = await judgeReport(source, properties, {
      sink: writer && writerSink(writer),
      knownFailure: (failedFields, version) => knownIssueForFailure(issues, failedFields, version),
    });
    if (writer) await writer.close({ endedAt: source.skeleton.endedAt, interrupted });
    for (const change of result.changes) {
      const where =
        change.caseId === undefined ? change.propertyId : `${change.propertyId} case ${change.caseId}`;
      output.out(`${where}: ${change.from} → ${change.to}\n`);
    }
    output.out(
      `${result.changes.length === 0 ? 'no verdict changed' : `${result.changes.length} verdict(s) changed`}; ${result.casesJudged} case(s) re-judged, ${result.casesReduced} re-reduced from traces\n`,
    );
    if (result.unknownProperties.length > 0) {
      output.err(`not in the registry (kept as recorded): ${result.unknownProperties.join(', ')}\n`);
    }
    if (writer) output.out(`re-judged report: ${writer.reportPath}\n`);
    return EXIT.ok;
  } catch (error) {
    output.err(`kubeprop judge: ${(error as Error).message}\n`);
    return EXIT.error;
  }
}

/** `properties` defaults to the registry (suites/registry.ts); tests pass a registry of their own. */
export function registerJudge(
  program: Command,
  properties: readonly PropertyDefinition[] = PROPERTIES,
): void {
  program
    .command('judge')
    .description(
      're-compute expectations and verdicts of a report with the current model; print what changed',
    )
    .argument('<report>', 'report.json of a run')
    .option('--out <dir>', 'also write the re-judged report into this directory')
    .option('--known-issues <file>', 'YAML list of known deviations: reported as known, not failed')
    .option(
      '--no-upstream-known-issues',
      'fail, rather than report as known, kubelet bugs that upstream confirmed and fixed later (runner/upstream-known-issues.ts)',
    )
    .action(async (file: string, options: JudgeCommandOptions) => {
      process.exitCode = await runJudge(file, options, properties);
    });
}
