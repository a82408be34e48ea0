import type { Command } from 'commander';
import { badInput, environmentProblem, UserFacingError } from '../../harness/errors';
import { ReportLoadError } from '../../reporting/load-report';
import { openReport, type ReportSource } from '../../reporting/report-stream';
import type { CaseEntry } from '../../reporting/report-types';
import type { FieldOutcome } from '../../verdicts/compare-field';
import type { CliDeps } from '../cli-deps';
import { imageReference, parseTargetOptions, slackSeconds, type RawTargetOptions } from '../run-options';
import { openLiveSession } from './live-session';
import { addTargetOptions, errLine } from './run';

export interface RawReplayOptions extends RawTargetOptions {
  case: string;
  image?: string;
  slack?: string;
}

/** One mark per field, as Cyclonus prints its truth tables: pass, fail, undecided. */
const MARK: Record<FieldOutcome, string> = { pass: '.', fail: 'X', inconclusive: '?' };
/** How many case ids an unknown --case message suggests. */
const SUGGESTED_IDS = 5;

async function openReadable(file: string): Promise<ReportSource> {
  try {
    return await openReport(file);
  } catch (error) {
    if (error instanceof ReportLoadError) throw badInput(`cannot replay from ${error.message}`, error);
    throw error;
  }
}

async function findCase(source: ReportSource, caseId: string): Promise<CaseEntry> {
  const seen: string[] = [];
  for await (const entry of source.cases()) {
    if (entry.case.id === caseId) return entry;
    if (seen.length < SUGGESTED_IDS) seen.push(entry.case.id);
  }
  const examples = seen.length > 0 ? `its cases include ${seen.join(', ')}` : 'it has no cases';
  throw badInput(`no case "${caseId}" in ${source.file} (${examples}): pass a case id from the report`);
}

/**
 * `kubeprop replay <report.json> --case <id>`: deploys the recorded scenario of one case again and
 * prints the new verdict with its field diff next to the recorded outcome. Exit 1 when the case
 * fails now, 0 otherwise (pass or inconclusive), 2 bad input, 3 environment.
 */
export async function runReplayCommand(file: string, raw: RawReplayOptions, deps: CliDeps): Promise<number> {
  try {
    const source = await openReadable(file);
    const entry = await findCase(source, raw.case);
    const definition = deps.properties.find((p) => p.id === entry.propertyId);
    if (!definition) {
      throw badInput(
        `case ${raw.case} belongs to property ${entry.propertyId}, which this kubeprop does not have`,
      );
    }
    const recorded = entry.case;
    const image =
      raw.image === undefined ? source.skeleton.options.image : imageReference('--image', raw.image);
    const slack = slackSeconds(raw.slack);
    const target = parseTargetOptions(raw, deps.env);
    const runId = deps.newRunId();
    const session = await openLiveSession(
      {
        target,
        runId,
        image,
        families: [definition.family],
        keepTraces: false,
        modelOptions: { slackSeconds: slack },
      },
      deps,
      (line) => errLine(deps, line),
    );
    try {
      const { cluster } = session.target;
      const unsupported = definition.unsupported?.(cluster.capabilities);
      if (unsupported !== undefined) {
        throw environmentProblem(`${definition.id} cannot run on ${session.description}: ${unsupported}`);
      }
      const executor = session.target.executorFor(definition);
      const now = await executor(recorded.scenario, `${recorded.id}-replay`, { number: 1 });
      const interrupted = session.interruptedWith();
      if (interrupted !== undefined) return interrupted;
      deps.out(
        `case ${recorded.id} of ${definition.id}: recorded ${recorded.verdict.outcome} on ${source.skeleton.cluster.serverVersion.gitVersion}, now ${now.verdict.outcome} on ${cluster.serverVersion.gitVersion}\n`,
      );
      if (now.verdict.reason) deps.out(`  ${now.verdict.reason}\n`);
      for (const field of now.verdict.diff) {
        deps.out(`  ${MARK[field.outcome]} ${field.field} [${field.rule}]: ${field.detail}\n`);
      }
      return now.verdict.outcome === 'fail' ? 1 : 0;
    } finally {
      await session.close();
    }
  } catch (error) {
    if (!(error instanceof UserFacingError)) throw error;
    errLine(deps, error.toLine());
    return error.exitCode;
  }
}

export function registerReplay(program: Command, deps: CliDeps): void {
  const command = program
    .command('replay')
    .description('re-run one recorded case of a report against a cluster and print its new verdict')
    .argument('<report>', 'report.json of an earlier run')
    .requiredOption('--case <id>', 'the case id, as the report lists it')
    .option('--image <ref>', "container image (default: the one the report's run used)")
    .option(
      '--slack <seconds>',
      'one timing slack for every window, overriding the per-field slack (runtime-stamped 0.35 s, API timestamps 1 s, kubelet reactions 1.2 s)',
    );
  addTargetOptions(command).action(async (report: string, options: RawReplayOptions) => {
    deps.setExitCode(await runReplayCommand(report, options, deps));
  });
}
