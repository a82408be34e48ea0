import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import type { Family, Scenario, ScenarioOf } from '../model/scenario';
import type { Clock } from '../harness/clock';
import { derivePropertyVerdict, INTERRUPTED, type CaseOutcome } from '../reporting/property-verdict';
import type {
  AttemptInfo,
  CaseReport,
  PropertyEnd,
  PropertyStart,
  ShrinkSummary,
} from '../reporting/report-types';
import type { FieldDiff } from '../verdicts/case-verdict';
import type { CaseExecutor } from './case-executor';
import { FAILURE_SHRINK_SECONDS } from './defaults';
import { runPool } from './pool';
import { costOrdered, descend, fastCheckChildren, replayAt } from './speculative-shrink';
import { scenarioReductions } from '../generators/scenario-reductions';
import type { Slots } from './slots';
import type { KeyedLocks } from './keyed-locks';
import { sharedClusterState } from '../harness/shared-cluster-state';
import type { PropertyDefinition } from './property-definition';

export interface PropertyRunOptions {
  seed: number;
  /** Overrides the property's budget.numRuns. */
  numRuns?: number;
  concurrency: number;
  clock: Clock;
  signal: AbortSignal;
  /** Replays one fast-check path (from an earlier failure) instead of exploring. */
  path?: string;
  /** Overrides the property's budget.totalSeconds. */
  totalSeconds?: number;
  /** Why this property is expected to fail on this target (from --known-issues). */
  knownIssue?: string;
  /**
   * Why a case's failing fields are all known deviations of this target (rule-level known issues),
   * or undefined. Such a case is neither re-run nor shrunk, and exploration goes on past it: a
   * release's known bug must not hide another failure of the same property.
   */
  knownFailure?(failedFields: readonly FieldDiff[]): string | undefined;
  /** The run's case slots, shared with other properties in flight; each case holds one. */
  slots?: Slots;
  /** The run's locks on shared cluster state (harness/shared-cluster-state.ts), taken before a slot. */
  locks?: KeyedLocks;
  /** This property's place in the run: earlier properties get free slots first. */
  priority?: number;
  /**
   * Runs a property's shrinking when the run's turn comes: one property shrinks at a time, with all
   * the slots exploration leaves idle, and its shrink budget starts with its turn.
   */
  shrinkTurn?<T>(shrink: () => Promise<T>): Promise<T>;
  /**
   * A scenario's expected case duration, ms (runner/case-estimate.ts): shrinking never trades a
   * shorter case for a longer one, and tries the cheapest candidates first.
   */
  caseCost?(scenario: Scenario): number;
}

/** The minimal confirmed counterexample, for the reproducer. */
export interface MinimalFailure<F extends Family = Family> {
  scenario: ScenarioOf<F>;
  report: CaseReport;
}

export interface PropertyOutcome<F extends Family = Family> {
  start: PropertyStart;
  end: PropertyEnd;
  minimal?: MinimalFailure<F>;
}

export interface PropertyRunHooks<F extends Family> {
  /** Before the first case (the report writer opens the property). */
  onStart?(start: PropertyStart): void;
  /** Once no further exploration case will start (the next property may start filling free slots). */
  onExplorationScheduled?(): void;
  /** Each case as it completes (the report writer appends it at once). */
  onCase(report: CaseReport): void;
  /** A confirmed failure waits for the run's shrink turn; its shrink will take up to `budgetMs`. */
  onShrinkQueued?(budgetMs: number): void;
  /** Shrinking a confirmed failure began; it stops starting candidates at `deadlineMs` (the run's clock). */
  onShrinkStart?(deadlineMs: number): void;
  onShrinkEnd?(): void;
  /** Writes the reproducer of the minimal failure and returns its path relative to the report. */
  writeReproducer?(minimal: MinimalFailure<F>, path: string, shrink: ShrinkSummary): string;
}

/**
 * How long a confirmed failure may shrink. An unexpected failure is what the user came for: up to
 * FAILURE_SHRINK_SECONDS (the run's idle slots evaluate candidates side by side), unless a run budget
 * (--budget) was given, which shrinking shares as before. A known failure keeps its property's budget.
 */
function shrinkBudgetMs(
  definition: PropertyDefinition,
  options: PropertyRunOptions,
  totalMs: number,
): number {
  const own = definition.budget.shrinkSeconds * 1000;
  if (options.totalSeconds !== undefined) return Math.min(own, totalMs / 2);
  if (options.knownIssue !== undefined) return own;
  return Math.max(own, FAILURE_SHRINK_SECONDS * 1000);
}

/**
 * Whether a shrink candidate's failure is the original's: it fails the rule of the original's first
 * failing field (its primary symptom, in the expectation's order). Secondary symptoms may go; a
 * candidate failing only some other rule shows another face of the bug, or another bug.
 */
function sameFailure(original: CaseReport, candidate: CaseReport): boolean {
  const primary = original.verdict.diff.find((field) => field.outcome === 'fail')?.rule;
  return candidate.verdict.diff.some((field) => field.outcome === 'fail' && field.rule === primary);
}

/** Exploration cases are `<property>-r<i>`: anything else is a confirmation re-run or a shrink candidate. */
export function isPlannedCase(report: Pick<CaseReport, 'id' | 'attempt'>): boolean {
  return report.attempt.number === 1 && /-r\d+$/.test(report.id);
}

function slug(id: string): string {
  return id.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}

/**
 * Runs one property: explores `numRuns` generated scenarios (up to `concurrency` at once), re-runs a
 * failing case to tell a confirmed failure from a flaky one, then shrinks the first confirmed failure
 * with fast-check — each shrink step is a live case, so shrinking stops when its time is spent and the
 * smallest failure confirmed so far is kept.
 */
export async function runProperty<F extends Family>(
  definition: PropertyDefinition<F>,
  capabilities: Capabilities,
  execute: CaseExecutor<F>,
  options: PropertyRunOptions,
  hooks: PropertyRunHooks<F>,
): Promise<PropertyOutcome<F>> {
  const { clock, signal } = options;
  const numRuns = options.path === undefined ? (options.numRuns ?? definition.budget.numRuns) : 1;
  const start: PropertyStart = {
    id: definition.id,
    family: definition.family,
    statement: definition.statement,
    runsPlanned: numRuns,
    seed: options.seed,
  };
  const startedAt = clock.now();
  hooks.onStart?.(start);
  const unsupported = definition.unsupported?.(capabilities);
  if (unsupported !== undefined) {
    return {
      start,
      end: { verdict: 'skipped', reason: unsupported, runsMade: 0, outOfTime: false, durationMs: 0 },
    };
  }

  const totalMs = (options.totalSeconds ?? definition.budget.totalSeconds) * 1000;
  const shrinkMs = Math.min(definition.budget.shrinkSeconds * 1000, totalMs / 2);
  // The budget runs from the first case holding a slot: time queued behind the cases of earlier
  // properties sharing the run's slots is theirs, not this property's.
  let budgetStart: number | undefined;
  const exploreDeadline = (): number => (budgetStart ?? clock.now()) + totalMs - shrinkMs;
  const outcomes: CaseOutcome[] = [];
  const arbitrary = definition.arbitrary(capabilities);
  const base = slug(definition.id);

  // The next property may start once every exploration case of this one holds a slot (not merely
  // queued for one): only then are the slots it leaves free really idle.
  let explorationQueued: number | undefined;
  let explorationSlotted = 0;
  let shrinking = false;
  let scheduledSignalled = false;
  const signalScheduledOnce = (): void => {
    if (scheduledSignalled || explorationQueued === undefined || explorationSlotted < explorationQueued)
      return;
    scheduledSignalled = true;
    hooks.onExplorationScheduled?.();
  };

  const runOnce = async (
    scenario: ScenarioOf<F>,
    caseId: string,
    attempt: AttemptInfo,
  ): Promise<CaseReport> => {
    const scheduled = (): void => {
      if (attempt.number === 1 && !shrinking) {
        explorationSlotted += 1;
        signalScheduledOnce();
      }
    };
    const keys = options.locks ? sharedClusterState(scenario) : [];
    // A case queued for shared node state holds no slot while it waits: the next property may fill
    // the slots meanwhile (on the v1.26.1 node the resources family's queued cases left 3-5 of 6
    // slots idle for 3.5 minutes).
    if (keys.length > 0) scheduled();
    const run = (): Promise<CaseReport> => {
      budgetStart ??= clock.now();
      if (keys.length === 0) scheduled();
      return execute(scenario, caseId, attempt);
    };
    const slotted = (): Promise<CaseReport> =>
      options.slots ? options.slots.with(options.priority ?? 0, run) : run();
    const report = await (options.locks ? options.locks.with(keys, slotted) : slotted());
    outcomes.push({ id: report.id, outcome: report.verdict.outcome, attempt: report.attempt });
    hooks.onCase(report);
    return report;
  };
  // The first exploration case that failed known rules only: the counterexample of a `known` verdict.
  let knownFailure: { index: number; minimal: MinimalFailure<F> } | undefined;
  const knownOnly = (report: CaseReport): boolean =>
    options.path === undefined &&
    options.knownFailure?.(report.verdict.diff.filter((field) => field.outcome === 'fail')) !== undefined;
  /** A failure counts only when a re-run of the same scenario fails too. */
  const runConfirmed = async (
    scenario: ScenarioOf<F>,
    caseId: string,
    index?: number,
  ): Promise<CaseReport | undefined> => {
    const first = await runOnce(scenario, caseId, { number: 1 });
    if (first.verdict.outcome !== 'fail' || signal.aborted) return undefined;
    if (knownOnly(first)) {
      if (index !== undefined && (knownFailure === undefined || index < knownFailure.index))
        knownFailure = { index, minimal: { scenario, report: first } };
      return undefined;
    }
    const again = await runOnce(scenario, `${caseId}-again`, { number: 2, retryOf: caseId });
    return again.verdict.outcome === 'fail' ? first : undefined;
  };

  let runsMade = 0;
  let failingIndex: number | undefined;
  let minimal: MinimalFailure<F> | undefined;
  if (options.path === undefined) {
    const scenarios = fc.sample(arbitrary, { seed: options.seed, numRuns });
    runsMade = await runPool(
      numRuns,
      options.concurrency,
      () => !signal.aborted && failingIndex === undefined && clock.now() < exploreDeadline(),
      async (index) => {
        const confirmed = await runConfirmed(scenarios[index], `${base}-r${index}`, index);
        if (confirmed && (failingIndex === undefined || index < failingIndex)) {
          failingIndex = index;
          minimal = { scenario: scenarios[index], report: confirmed };
        }
      },
      (started) => {
        explorationQueued = started;
        signalScheduledOnce();
      },
    );
  }

  let path: string | undefined;
  let shrink: ShrinkSummary | undefined;
  const startPath = options.path ?? (failingIndex === undefined ? undefined : String(failingIndex));
  if (startPath !== undefined && !signal.aborted) {
    shrinking = true;
    let step = 0;
    const nextShrinkCase = (): string => `${base}-s${step++}`;
    if (options.path !== undefined) {
      // A replay: the scenario at the path must fail again before it is shrunk further.
      runsMade = 1;
      const scenario = replayAt(arbitrary, options.seed, options.path).value;
      const confirmed = await runConfirmed(scenario, nextShrinkCase());
      if (confirmed !== undefined) minimal = { scenario, report: confirmed };
    }
    /** Shrinks a confirmed failure live, from `startPath`, until a local minimum or the budget. */
    const shrinkLive = async (
      counterexample: MinimalFailure<F>,
    ): Promise<{ minimal: MinimalFailure<F>; path: string; shrink: ShrinkSummary }> => {
      const shrinkStart = clock.now();
      const shrinkDeadline = shrinkStart + shrinkBudgetMs(definition, options, totalMs);
      const original = counterexample.report;
      // Only a failure of the original's primary rule counts: a candidate that fails otherwise is
      // another bug (or a shape outside the property), not a smaller example of this one.
      const failsTheSame = (report: CaseReport): CaseReport | undefined =>
        report.verdict.outcome === 'fail' && sameFailure(original, report) ? report : undefined;
      // The longest candidate case so far: a batch is started only if it can end within the budget.
      let longestCaseMs = original.durationMs;
      const timed = async (scenario: ScenarioOf<F>, caseId: string, attempt: AttemptInfo) => {
        const report = await runOnce(scenario, caseId, attempt);
        longestCaseMs = Math.max(longestCaseMs, report.durationMs);
        return report;
      };
      const evaluate = async (scenario: ScenarioOf<F>): Promise<CaseReport | undefined> =>
        failsTheSame(await timed(scenario, nextShrinkCase(), { number: 1 }));
      const confirm = async (scenario: ScenarioOf<F>, failure: CaseReport): Promise<boolean> =>
        failsTheSame(await timed(scenario, `${failure.id}-again`, { number: 2, retryOf: failure.id })) !==
        undefined;
      // Half again the longest case: a batch of several ends with its slowest (grace-zero's overran by 16 s).
      const stop = (): boolean => signal.aborted || clock.now() + 1.5 * longestCaseMs >= shrinkDeadline;
      const cost = options.caseCost ?? (() => 0);
      hooks.onShrinkStart?.(shrinkDeadline);
      const tree = await descend({
        root: startPath,
        children: costOrdered(
          fastCheckChildren(arbitrary, options.seed),
          (node) => replayAt(arbitrary, options.seed, node).value,
          cost,
        ),
        evaluate,
        confirm,
        width: options.concurrency,
        stop,
      });
      const treeMinimal = tree.smallest
        ? { scenario: tree.smallest.value, report: tree.smallest.failure }
        : counterexample;
      const structure = await descend({
        root: treeMinimal.scenario,
        children: costOrdered(
          (scenario) =>
            (scenarioReductions(scenario) as Array<ScenarioOf<F>>).map((value) => ({ value, node: value })),
          (scenario) => scenario,
          cost,
        ),
        evaluate,
        confirm,
        width: options.concurrency,
        stop,
      });
      const summary: ShrinkSummary = {
        steps: tree.steps + structure.steps,
        candidatesRun: tree.candidatesRun + structure.candidatesRun,
        localMinimum: tree.localMinimum && structure.localMinimum,
        seconds: (clock.now() - shrinkStart) / 1000,
        structuralSteps: structure.steps,
      };
      hooks.onShrinkEnd?.();
      return {
        minimal: structure.smallest
          ? { scenario: structure.smallest.value, report: structure.smallest.failure }
          : treeMinimal,
        path: tree.node,
        shrink: summary,
      };
    };
    const counterexample = minimal;
    const shrinkTurn = options.shrinkTurn ?? ((shrinkNow) => shrinkNow());
    if (counterexample !== undefined) {
      hooks.onShrinkQueued?.(shrinkBudgetMs(definition, options, totalMs));
      ({ minimal, path, shrink } = await shrinkTurn(() => shrinkLive(counterexample)));
    }
  }

  if (minimal === undefined && knownFailure !== undefined) {
    // Not shrunk: a known deviation needs its reference, not a minimal example, and its shrink
    // candidates would hold the slots the rest of the run needs.
    minimal = knownFailure.minimal;
    path = String(knownFailure.index);
    shrink = {
      steps: 0,
      candidatesRun: 0,
      localMinimum: false,
      seconds: 0,
      structuralSteps: 0,
      notShrunk:
        'it fails known rules only (a known deviation of this release), so the first such case is kept',
    };
  }

  const interrupted = signal.aborted;
  const outOfTime =
    !interrupted && options.path === undefined && failingIndex === undefined && runsMade < numRuns;
  const derived = derivePropertyVerdict(
    {
      verdict: options.knownIssue === undefined ? 'pass' : 'known',
      reason: interrupted ? INTERRUPTED : options.knownIssue,
      outOfTime,
      runsMade,
      runsPlanned: numRuns,
    },
    outcomes,
  );
  const end: PropertyEnd = {
    ...derived,
    runsMade,
    outOfTime,
    durationMs: clock.now() - startedAt,
  };
  if (minimal !== undefined && path !== undefined && shrink !== undefined) {
    end.path = path;
    end.counterexample = {
      caseId: minimal.report.id,
      reproducerPath: hooks.writeReproducer?.(minimal, path, shrink) ?? '',
      failedFields: minimal.report.verdict.diff.filter((field) => field.outcome === 'fail'),
      shrink,
    };
  }
  return { start, end, minimal };
}
