import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import type { Family, ScenarioOf } from '../model/scenario';
import type { Clock } from '../harness/clock';
import { derivePropertyVerdict, INTERRUPTED, type CaseOutcome } from '../reporting/property-verdict';
import type { AttemptInfo, CaseReport, PropertyEnd, PropertyStart } from '../reporting/report-types';
import type { CaseExecutor } from './case-executor';
import { runPool } from './pool';
import type { Slots } from './slots';
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
  /** The run's case slots, shared with other properties in flight; each case holds one. */
  slots?: Slots;
  /** This property's place in the run: earlier properties get free slots first. */
  priority?: number;
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
  /** Writes the reproducer of the minimal failure and returns its path relative to the report. */
  writeReproducer?(minimal: MinimalFailure<F>, path: string): string;
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
    const run = (): Promise<CaseReport> => {
      budgetStart ??= clock.now();
      if (attempt.number === 1 && !shrinking) {
        explorationSlotted += 1;
        signalScheduledOnce();
      }
      return execute(scenario, caseId, attempt);
    };
    const report = await (options.slots ? options.slots.with(options.priority ?? 0, run) : run());
    outcomes.push({ id: report.id, outcome: report.verdict.outcome, attempt: report.attempt });
    hooks.onCase(report);
    return report;
  };
  /** A failure counts only when a re-run of the same scenario fails too. */
  const runConfirmed = async (scenario: ScenarioOf<F>, caseId: string): Promise<CaseReport | undefined> => {
    const first = await runOnce(scenario, caseId, { number: 1 });
    if (first.verdict.outcome !== 'fail' || signal.aborted) return undefined;
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
        const confirmed = await runConfirmed(scenarios[index], `${base}-r${index}`);
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
  const replayPath = options.path ?? (failingIndex === undefined ? undefined : String(failingIndex));
  if (replayPath !== undefined && !signal.aborted) {
    shrinking = true;
    const shrinkDeadline = clock.now() + shrinkMs;
    let alreadyConfirmed = options.path === undefined;
    let step = 0;
    const details = await fc.check(
      fc.asyncProperty(arbitrary, async (scenario) => {
        if (alreadyConfirmed) {
          alreadyConfirmed = false;
          return false;
        }
        if (signal.aborted || clock.now() >= shrinkDeadline) return true;
        const confirmed = await runConfirmed(scenario, `${base}-s${step++}`);
        if (confirmed === undefined) return true;
        minimal = { scenario, report: confirmed };
        return false;
      }),
      { seed: options.seed, path: replayPath, numRuns: 1 },
    );
    if (options.path !== undefined) runsMade = 1;
    if (details.failed) path = details.counterexamplePath ?? replayPath;
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
  if (minimal !== undefined && path !== undefined) {
    end.path = path;
    end.counterexample = {
      caseId: minimal.report.id,
      reproducerPath: hooks.writeReproducer?.(minimal, path) ?? '',
      failedFields: minimal.report.verdict.diff.filter((field) => field.outcome === 'fail'),
    };
  }
  return { start, end, minimal };
}
