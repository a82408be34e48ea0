import type { ModelOptions } from '../model/expectation';
import { basisOf, generationCapabilities, type GenerationBasis } from '../model/generation-basis';
import type { Family } from '../model/scenario';
import type { Clock } from '../harness/clock';
import type { CleanupReport } from '../harness/cleanup';
import type { CaseReport, ClusterInfo, ReportHeader, RunOptions } from '../reporting/report-types';
import { ReportWriter } from '../reporting/report-writer';
import type { StartedCase } from '../reporting/progress';
import { sharedClusterState } from '../harness/shared-cluster-state';
import type { CaseExecutor } from './case-executor';
import { knownIssueForFailure, knownIssueForProperty, type KnownIssue } from './known-issues';
import type { PropertyDefinition } from './property-definition';
import { isPlannedCase, runProperty, type PropertyOutcome } from './property-runner';
import { writeReproducer } from './reproducer';
import { scenarioCaseMs } from './case-estimate';
import { runEfficiency, type RunEfficiency } from './run-efficiency';
import { Slots } from './slots';
import { KeyedLocks } from './keyed-locks';

/**
 * Properties shrink one at a time: a shrink runs several candidates at once in the slots exploration
 * leaves idle, and four termination properties shrinking together on the v1.26.1 node got about one
 * and a half slots each and none reached a minimum within its 5 minutes.
 */
const SHRINK_TURN = 'shrink';

export interface ConformanceOptions {
  runId: string;
  seed: number;
  families: Family[];
  /** Only these property ids, when given (e.g. `kubeprop replay`). */
  propertyIds?: string[];
  runs?: number;
  concurrency: number;
  /** How the concurrency was chosen (runner/concurrency.ts), for the report's options. */
  concurrencyReason?: string;
  image: string;
  reportDir: string;
  /** Whole-run time budget, seconds; shared out among the properties still to run. */
  budgetSeconds?: number;
  /** Replays one fast-check path (needs exactly one property selected). */
  path?: string;
  knownIssues: KnownIssue[];
  keepTraces: boolean;
  modelOptions: ModelOptions;
  kubepropVersion: string;
  /** What the scenarios are generated from (default: the cluster's own capabilities). */
  generation?: GenerationBasis;
}

export interface ConformanceTarget {
  cluster: ClusterInfo;
  clock: Clock;
  signal: AbortSignal;
  /** Builds the case executor of a property (live: deploys to the cluster; tests: the fake). */
  executorFor<F extends Family>(definition: PropertyDefinition<F>): CaseExecutor<F>;
  /** The cases' cleanups, which run in the background: the run waits for them before it ends. */
  cleanup?: { settle(): Promise<CleanupReport> };
}

export interface ConformanceResult {
  reportPath: string;
  outcomes: PropertyOutcome[];
  /** True when any property has a confirmed failure (not known, not flaky). */
  failed: boolean;
  /** Wall time against the waits the cases needed (printed at the end of every run). */
  efficiency: RunEfficiency;
  /** What the cases' cleanups removed and left behind, once all of them finished. */
  cleanup?: CleanupReport;
}

export interface ConformanceHooks {
  /** The writer is open: signal handlers can finalize it on interrupt. */
  onWriter?(writer: ReportWriter): void;
  onPropertyStart?(definition: PropertyDefinition, index: number, total: number): void;
  /** A case of the property took a slot (exploration, confirmation or shrink run). */
  onCaseStart?(definition: PropertyDefinition, started: StartedCase): void;
  onCase?(
    definition: PropertyDefinition,
    outcome: 'pass' | 'fail' | 'inconclusive',
    report: CaseReport,
  ): void;
  /** The property shrinks a failure until `deadlineMs` (target clock). */
  onShrinkQueued?(definition: PropertyDefinition, budgetMs: number): void;
  onShrinkStart?(definition: PropertyDefinition, deadlineMs: number): void;
  onShrinkEnd?(definition: PropertyDefinition): void;
}

/** Selects the properties of a run, in registry order. */
export function selectProperties(
  properties: readonly PropertyDefinition[],
  families: readonly Family[],
  propertyIds?: readonly string[],
): PropertyDefinition[] {
  const unknown = (propertyIds ?? []).filter((id) => !properties.some((p) => p.id === id));
  if (unknown.length > 0) {
    throw new Error(`unknown property ${unknown.join(', ')}: see \`kubeprop list\` for the property ids`);
  }
  return properties.filter(
    (p) => families.includes(p.family) && (propertyIds === undefined || propertyIds.includes(p.id)),
  );
}

/**
 * The main job: runs the selected properties in registry order over a shared pool of `concurrency`
 * case slots, writing the report as it goes. The caller owns the target's lifetime; the run waits
 * for the cases' background cleanups (target.cleanup) so that its wall time includes them.
 */
export async function runConformance(
  properties: readonly PropertyDefinition[],
  target: ConformanceTarget,
  options: ConformanceOptions,
  hooks: ConformanceHooks = {},
): Promise<ConformanceResult> {
  const selected = selectProperties(properties, options.families, options.propertyIds);
  if (options.path !== undefined && selected.length !== 1) {
    throw new Error('--path replays one property: select it with --property <id>');
  }
  const generation =
    options.generation ?? basisOf(target.cluster.capabilities, target.cluster.serverVersion.gitVersion);
  const generatingFrom = generationCapabilities(target.cluster.capabilities, generation);
  const runOptions: RunOptions = {
    families: options.families,
    runs: options.runs,
    concurrency: options.concurrency,
    ...(options.concurrencyReason === undefined ? {} : { concurrencyReason: options.concurrencyReason }),
    image: options.image,
    budgetSeconds: options.budgetSeconds,
    keepTraces: options.keepTraces,
    generation,
  };
  const header: ReportHeader = {
    kubepropVersion: options.kubepropVersion,
    runId: options.runId,
    startedAt: new Date(target.clock.now()).toISOString(),
    seed: options.seed,
    options: runOptions,
    cluster: target.cluster,
  };
  const writer = ReportWriter.open(options.reportDir, header, { now: () => target.clock.now() });
  hooks.onWriter?.(writer);
  const version = target.cluster.serverVersion;
  const runStart = target.clock.now();

  const slots = new Slots(options.concurrency);
  const locks = new KeyedLocks();
  const shrinkTurns = new KeyedLocks();
  let waitsMs = 0;
  const outcomes: PropertyOutcome[] = new Array<PropertyOutcome>(selected.length);
  const runOne = async (
    definition: PropertyDefinition,
    index: number,
    scheduled: () => void,
  ): Promise<void> => {
    hooks.onPropertyStart?.(definition, index, selected.length);
    const remaining = selected.length - index;
    const budgetLeft =
      options.budgetSeconds === undefined
        ? undefined
        : Math.max(1, (options.budgetSeconds - (target.clock.now() - runStart) / 1000) / remaining);
    const executor = target.executorFor(definition);
    const outcome = await runProperty(
      definition,
      generatingFrom,
      (scenario, caseId, attempt) => {
        hooks.onCaseStart?.(definition, {
          caseId,
          planned: isPlannedCase({ id: caseId, attempt }),
          lockKeys: sharedClusterState(scenario),
        });
        return executor(scenario, caseId, attempt);
      },
      {
        seed: options.seed,
        numRuns: options.runs,
        concurrency: options.concurrency,
        clock: target.clock,
        signal: target.signal,
        path: options.path,
        totalSeconds:
          budgetLeft === undefined ? undefined : Math.min(budgetLeft, definition.budget.totalSeconds),
        knownIssue: knownIssueForProperty(options.knownIssues, definition.id, version),
        knownFailure: (failedFields) => knownIssueForFailure(options.knownIssues, failedFields, version),
        slots,
        locks,
        priority: index,
        shrinkTurn: (shrink) => shrinkTurns.with([SHRINK_TURN], shrink),
        caseCost: (scenario) => {
          try {
            return scenarioCaseMs(definition, scenario, generatingFrom, options.modelOptions);
          } catch {
            return Number.NaN;
          }
        },
      },
      {
        onStart: (start) => writer.beginProperty(start),
        onExplorationScheduled: scheduled,
        onShrinkQueued: (budgetMs) => hooks.onShrinkQueued?.(definition, budgetMs),
        onShrinkStart: (deadlineMs) => hooks.onShrinkStart?.(definition, deadlineMs),
        onShrinkEnd: () => hooks.onShrinkEnd?.(definition),
        onCase: (report) => {
          writer.addCase(definition.id, report);
          waitsMs += report.waitedMs ?? 0;
          hooks.onCase?.(definition, report.verdict.outcome, report);
        },
        writeReproducer: (minimal, path, shrink) =>
          writeReproducer(options.reportDir, {
            propertyId: definition.id,
            statement: definition.statement,
            seed: options.seed,
            path,
            serverVersion: version.gitVersion,
            minimal: minimal.report,
            shrink,
          }),
      },
    );
    const knownRule =
      outcome.end.verdict === 'fail' && outcome.end.counterexample
        ? knownIssueForFailure(options.knownIssues, outcome.end.counterexample.failedFields, version)
        : undefined;
    if (knownRule !== undefined) outcome.end = { ...outcome.end, verdict: 'known', reason: knownRule };
    writer.endProperty(definition.id, outcome.end);
    outcomes[index] = outcome;
  };

  // A property starts as soon as the one before it has started its last exploration case, so its
  // cases fill the slots the tail of the previous one leaves idle (slots favour earlier properties).
  const running: Promise<void>[] = [];
  for (const [index, definition] of selected.entries()) {
    if (target.signal.aborted) break;
    let scheduled: () => void = () => undefined;
    const explorationScheduled = new Promise<void>((resolve) => (scheduled = resolve));
    const done = runOne(definition, index, scheduled);
    running.push(done);
    await Promise.race([explorationScheduled, done]);
  }
  await Promise.all(running);
  // Cases left their namespaces to be deleted in the background: the run ends when they are gone.
  const cleanup = await target.cleanup?.settle();
  const efficiency = runEfficiency(target.clock.now() - runStart, waitsMs, options.concurrency);

  const reportPath = await writer.close(target.signal.aborted ? { interrupted: 'interrupted' } : {});
  const finished = outcomes.filter((outcome): outcome is PropertyOutcome => outcome !== undefined);
  return {
    reportPath,
    outcomes: finished,
    failed: finished.some((o) => o.end.verdict === 'fail'),
    efficiency,
    ...(cleanup === undefined ? {} : { cleanup }),
  };
}
