import { join } from 'node:path';
import type { Command } from 'commander';
import { badInput, userFacingOf } from '../../harness/errors';
import { Progress } from '../../reporting/progress';
import { runConformance, type ConformanceResult } from '../../runner/conformance-run';
import { isPlannedCase } from '../../runner/property-runner';
import { DEFAULT_IMAGE, DEFAULT_SERVER_IMAGE } from '../../runner/defaults';
import type { CliDeps } from '../cli-deps';
import { propertyPlan } from '../../runner/case-estimate';
import { runConcurrency } from '../../runner/concurrency';
import { describeEfficiency } from '../../runner/run-efficiency';
import { parseRunOptions, type RawRunOptions, type RunSettings } from '../run-options';
import {
  basisOf,
  basisProblems,
  describeBasis,
  generationCapabilities,
  type GenerationBasis,
} from '../../model/generation-basis';
import { loadGenerationSource, versionBasis } from './generation-options';
import { openLiveSession, type LiveSession } from './live-session';

/** Exit statuses of `kubeprop run` (2 bad input and 3 environment come from UserFacingError). */
export const RUN_EXIT = { ok: 0, failed: 1 } as const;

export interface RunCommandResult {
  exitCode: number;
  /** report.json, once the run wrote one. */
  reportPath?: string;
}

/** Writes a line to stderr: messages and progress, never results. */
export function errLine(deps: CliDeps, line: string): void {
  deps.err.write(`${line}\n`);
}

/** One line per property (verdict, id, why), the reproducers of failures, and where the report is. */
function printOutcome(deps: CliDeps, settings: RunSettings, result: ConformanceResult): void {
  for (const { end, start } of result.outcomes) {
    const why = end.reason ? ` (${end.reason})` : '';
    deps.out(`${end.verdict.padEnd(12)} ${start.id}${why}\n`);
    if (end.counterexample) {
      deps.out(`             reproducer: ${join(settings.reportDir, end.counterexample.reproducerPath)}\n`);
      deps.out(
        `             replay: kubeprop run --property ${start.id} --seed ${settings.seed} --path ${end.path ?? '?'}\n`,
      );
    }
  }
  deps.out(`efficiency: ${describeEfficiency(result.efficiency)}\n`);
  deps.out(`report: ${result.reportPath}\n`);
}

async function conduct(
  settings: RunSettings,
  runId: string,
  session: LiveSession,
  deps: CliDeps,
): Promise<RunCommandResult> {
  const { capabilities: own, serverVersion } = session.target.cluster;
  const basis = settings.generation ?? basisOf(own, serverVersion.gitVersion);
  const problems = basisProblems(basis, own);
  if (problems.length > 0) {
    throw badInput(
      `this cluster cannot run the cases generated for ${basis.sources.join(', ')}: ${problems.join('; ')}. Generate every run from what all clusters support: kubeprop matrix --contexts <a>,<b> (or --generate-from the report of the older cluster)`,
    );
  }
  // Judged by the cluster's own capabilities; generated from the basis (the same cases on every cluster compared).
  const capabilities = generationCapabilities(own, basis);
  const { concurrency, reason: concurrencyReason } = runConcurrency(
    settings.concurrency,
    session.target.detected.nodes,
  );
  const modelOptions = { slackSeconds: settings.slackSeconds };
  const progress = new Progress(deps.err, deps.clock, { concurrency });
  for (const definition of settings.selected) {
    const skipped = definition.unsupported?.(capabilities) !== undefined;
    const numRuns = skipped
      ? 0
      : settings.path !== undefined
        ? 1
        : (settings.runs ?? definition.budget.numRuns);
    progress.plan(definition.family, numRuns, {
      id: definition.id,
      ...propertyPlan(definition, capabilities, { seed: settings.seed, numRuns, modelOptions }),
    });
  }
  errLine(
    deps,
    `kubeprop: run ${runId}: ${settings.selected.length} properties, seed ${settings.seed}, concurrency ${concurrency} (${concurrencyReason}), report in ${settings.reportDir}`,
  );
  errLine(deps, `kubeprop: cases generated for ${describeBasis(basis)} (${basis.sources.join(', ')})`);
  let result: ConformanceResult;
  try {
    result = await session.windDown(
      runConformance(
        deps.properties,
        session.target,
        {
          runId,
          seed: settings.seed,
          families: settings.families,
          propertyIds: settings.propertyIds,
          runs: settings.runs,
          concurrency,
          concurrencyReason,
          image: settings.image,
          reportDir: settings.reportDir,
          budgetSeconds: settings.budgetSeconds,
          path: settings.path,
          knownIssues: settings.knownIssues,
          keepTraces: settings.keepTraces,
          modelOptions,
          kubepropVersion: deps.kubepropVersion,
          generation: basis,
        },
        {
          // An interrupt ends the process from its handler: the report must be complete before that.
          onWriter: (writer) => session.beforeInterruptExit(() => writer.finalize()),
          onPropertyStart: (definition) => progress.startProperty(definition.id),
          onCaseStart: (definition, started) =>
            progress.caseStarted(definition.family, definition.id, started),
          onCase: (definition, outcome, report) =>
            progress.caseDone(definition.family, outcome, {
              propertyId: definition.id,
              durationMs: report.durationMs,
              extra: !isPlannedCase(report),
              caseId: report.id,
            }),
          onShrinkQueued: (definition, budgetMs) => progress.shrinkQueued(definition.id, budgetMs),
          onShrinkStart: (definition, deadlineMs) => progress.shrinkStarted(definition.id, deadlineMs),
          onShrinkEnd: (definition) => progress.shrinkEnded(definition.id),
        },
      ),
    );
  } finally {
    progress.finish();
  }
  printOutcome(deps, settings, result);
  const interrupted = session.interruptedWith();
  if (interrupted !== undefined) return { exitCode: interrupted, reportPath: result.reportPath };
  return { exitCode: result.failed ? RUN_EXIT.failed : RUN_EXIT.ok, reportPath: result.reportPath };
}

/**
 * `kubeprop run`: validate every option, pick and start a cluster, check access, run the selected
 * properties writing the report as it goes, then always clean up and tear the target down.
 * 0: no confirmed failure; 1: a confirmed failure; 2: bad input; 3: environment; 130/143: interrupted.
 */
export async function runRunCommand(
  raw: RawRunOptions,
  deps: CliDeps,
  given: { generation?: GenerationBasis } = {},
): Promise<RunCommandResult> {
  try {
    const runId = deps.newRunId();
    const parsed = parseRunOptions(
      raw,
      { properties: deps.properties, runId, randomSeed: () => deps.randomSeed() },
      deps.env,
    );
    if (raw.generateFrom !== undefined && raw.generateFor !== undefined)
      throw badInput('--generate-from and --generate-for both say what to generate for: give one');
    const from = raw.generateFrom === undefined ? undefined : await loadGenerationSource(raw.generateFrom);
    const settings: RunSettings = {
      ...parsed,
      generation: given.generation ?? from?.basis ?? versionBasis(raw.generateFor),
      // The earlier run's seed, unless --seed chose another on purpose.
      seed: from !== undefined && raw.seed === undefined ? from.seed : parsed.seed,
    };
    const session = await openLiveSession(
      {
        target: settings.target,
        runId,
        image: settings.image,
        serverImage: settings.serverImage,
        families: [...new Set(settings.selected.map((definition) => definition.family))],
        keepTraces: settings.keepTraces,
        modelOptions: { slackSeconds: settings.slackSeconds },
      },
      deps,
      (line) => errLine(deps, line),
    );
    try {
      return await conduct(settings, runId, session, deps);
    } finally {
      await session.close();
    }
  } catch (error) {
    const userFacing = userFacingOf(error);
    if (userFacing === undefined) throw error;
    errLine(deps, userFacing.toLine());
    return { exitCode: userFacing.exitCode };
  }
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** The options that pick the cluster, shared by run and replay. */
export function addTargetOptions(command: Command): Command {
  return command
    .option('--kubeconfig <file>', 'kubeconfig of an existing cluster to test')
    .option('--context <name>', 'context in the kubeconfig (default: its current context)')
    .option('--node-image <image>', 'kind node image when kubeprop creates the kind cluster')
    .option('--k3s-image <image>', 'k3s image when kubeprop starts k3s (Docker without kind)')
    .option(
      '--audit-log <file>',
      "the API server's audit log file (--audit-log-path), where this machine can read it: Pod Security audit mode is judged from it",
    );
}

export function registerRun(program: Command, deps: CliDeps): void {
  const command = program
    .command('run')
    .description('run the conformance properties against a cluster and write a report')
    .option('--families <list>', 'comma-separated families (default: all)')
    .option('--property <id>', 'run only this property (repeatable; see `kubeprop list`)', collect, [])
    .option('--runs <n>', 'fast-check runs per property (default: each property its own)')
    .option('--seed <n>', 'fast-check seed (default: random, printed and in the report)')
    .option('--path <path>', 'replay one fast-check path of one --property (from a report)')
    .option(
      '--concurrency <k>',
      'cases at once (default: 2 per allocatable CPU of the schedulable nodes, 2–16)',
    )
    .option('--image <ref>', `container image of the cases (default ${DEFAULT_IMAGE}; mirrors, air-gapped)`)
    .option(
      '--server-image <ref>',
      `server image of the properties that need one (default ${DEFAULT_SERVER_IMAGE}, or $KUBEPROP_SERVER_IMAGE); "none" skips them`,
    )
    .option('--report <dir>', 'report directory (default: reports/<run-id>)')
    .option('--budget <seconds>', 'time budget of the whole run, shared among the properties')
    .option('--known-issues <file>', 'YAML list of known deviations: reported as known, not failed')
    .option(
      '--no-upstream-known-issues',
      'fail, rather than report as known, kubelet bugs that upstream confirmed and fixed later (runner/upstream-known-issues.ts)',
    )
    .option('--keep-traces', 'keep raw traces in the report (needed to re-judge offline)')
    .option(
      '--generate-from <report.json>',
      'generate the same cases as an earlier run (its seed and the capabilities its cases were generated from), to compare two clusters case by case',
    )
    .option(
      '--generate-for <version>',
      "generate for this release's default capabilities (e.g. v1.32, the oldest of the clusters compared) rather than this cluster's own",
    )
    .option(
      '--slack <seconds>',
      'one timing slack for every window, overriding the per-field slack (runtime-stamped 0.35 s, API timestamps 1 s, kubelet reactions 1.2 s)',
    );
  addTargetOptions(command).action(async (options: RawRunOptions) => {
    deps.setExitCode((await runRunCommand(options, deps)).exitCode);
  });
}
