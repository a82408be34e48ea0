import type { FieldOutcome } from '../verdicts/compare-field';
import { END_OF_RUN_MS, estimateRemainingMs } from './eta';

/** Where progress goes: process.stderr in the CLI, a fake in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressClock {
  now(): number;
}

export interface ProgressOptions {
  /** Off a TTY, at most one line per this many milliseconds (CI logs stay short). */
  intervalMs?: number;
  /** Cases at once (the ETA shares the remaining cases among the slots); default 1. */
  concurrency?: number;
  /**
   * A case's cleanup after it ends (its namespace deleted in the background), which the run awaits
   * at its end, ms; default reporting/eta.ts END_OF_RUN_MS.
   */
  cleanupMs?: number;
}

/** A property of the run, as plan() is told it. */
export interface PlannedProperty {
  id: string;
  /** The plan's expected case duration (runner/case-estimate.ts propertyPlan), ms. */
  expectedCaseMs?: number;
  /** The lock keys each planned case will take, in run order (runner/case-estimate.ts propertyPlan). */
  lockKeys?: readonly (readonly string[])[];
}

/** A case that took a slot, as the runner announces it. */
export interface StartedCase {
  caseId: string;
  /** An exploration case of the plan (runner/property-runner.ts isPlannedCase). */
  planned: boolean;
  /** The locks it holds (runner/keyed-locks.ts). */
  lockKeys: readonly string[];
}

interface CaseInFlight {
  at: number;
  caseId?: string;
  lockKeys: readonly string[];
}

interface PropertyProgress {
  family: string;
  planned: number;
  done: number;
  doneMs: number;
  /** The done cases' durations, ms. */
  doneDurationsMs: number[];
  /** The cases in flight, oldest first. */
  started: CaseInFlight[];
  /** The lock keys of the planned cases not yet started, in run order. */
  queuedLockKeys: (readonly string[])[];
  expectedCaseMs?: number;
  /** Confirmation re-runs and shrink candidates done. */
  extra: number;
}

function clockText(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/**
 * Run progress: per family cases done/planned, the current property, failures so far, elapsed
 * time and an ETA (reporting/eta.ts: the plan's expected case durations rescaled by the observed
 * ones, the cases in flight and those still to start shared among the slots). On a TTY one line
 * rewritten in place (\r and erase-to-end-of-line); elsewhere plain lines at most every
 * intervalMs, plus one at the end.
 */
export class Progress {
  /** By property id (or by family, when planned without one), in run order. */
  private readonly properties = new Map<string, PropertyProgress>();
  private readonly startedAt: number;
  private current: string | undefined;
  private failures = 0;
  private lastPrinted: number | undefined;
  private readonly shrinkingUntil = new Map<string, number>();
  /** Failures waiting for the run's shrink turn (properties shrink one at a time): their budgets, ms. */
  private readonly shrinksQueued = new Map<string, number>();
  /** When the last case ended: its cleanup runs until cleanupMs after. */
  private lastCaseEnd: number | undefined;

  constructor(
    private readonly stream: ProgressStream,
    private readonly clock: ProgressClock,
    private readonly options: ProgressOptions = {},
  ) {
    this.startedAt = clock.now();
  }

  plan(family: string, cases: number, property?: PlannedProperty): void {
    const entry = this.entry(property?.id ?? family, family);
    entry.planned += cases;
    if (property?.expectedCaseMs !== undefined) entry.expectedCaseMs = property.expectedCaseMs;
    if (property?.lockKeys !== undefined) entry.queuedLockKeys.push(...property.lockKeys);
  }

  /** A case took a slot (exploration, confirmation or shrink run). */
  caseStarted(family: string, propertyId?: string, started?: StartedCase): void {
    const entry = this.entry(propertyId ?? family, family);
    entry.started.push({ at: this.clock.now(), caseId: started?.caseId, lockKeys: started?.lockKeys ?? [] });
    if (started?.planned !== true) return;
    // Its place in the plan: the first queued case that takes the same locks (else the first queued
    // one: a plan made without the runner's scenarios).
    const same = (keys: readonly string[]): boolean =>
      keys.length === started.lockKeys.length && keys.every((key) => started.lockKeys.includes(key));
    const index = entry.queuedLockKeys.findIndex(same);
    entry.queuedLockKeys.splice(Math.max(0, index), 1);
  }

  startProperty(id: string): void {
    this.current = id;
    this.update(false);
  }

  /** A case ended; its duration is the report's, else the time since its start was announced. */
  caseDone(
    family: string,
    outcome: FieldOutcome,
    timing?: { propertyId: string; durationMs: number; extra?: boolean; caseId?: string },
  ): void {
    const entry = this.entry(timing?.propertyId ?? family, family);
    const own = entry.started.findIndex((c) => c.caseId !== undefined && c.caseId === timing?.caseId);
    const startedAt = entry.started.splice(Math.max(0, own), 1)[0]?.at;
    // Confirmation re-runs and shrink candidates are not of the plan: counted apart, so that the
    // planned cases still to come keep their place in the ETA.
    if (timing?.extra === true) entry.extra += 1;
    else {
      entry.done += 1;
      const durationMs = timing?.durationMs ?? this.clock.now() - (startedAt ?? this.startedAt);
      entry.doneMs += durationMs;
      entry.doneDurationsMs.push(durationMs);
    }
    if (outcome === 'fail') this.failures += 1;
    this.lastCaseEnd = this.clock.now();
    this.update(false);
  }

  /** A property's failure waits for its shrink turn: the run lasts that shrink's budget longer. */
  shrinkQueued(propertyId: string, budgetMs: number): void {
    this.shrinksQueued.set(propertyId, budgetMs);
    this.update(false);
  }

  /** A property shrinks a failure until `untilMs` (its clock): the run lasts at least that long. */
  shrinkStarted(propertyId: string, untilMs: number): void {
    this.shrinksQueued.delete(propertyId);
    this.shrinkingUntil.set(propertyId, untilMs);
    this.update(false);
  }

  shrinkEnded(propertyId: string): void {
    this.shrinkingUntil.delete(propertyId);
  }

  finish(): void {
    this.current = undefined;
    this.update(true);
    if (this.stream.isTTY) this.stream.write('\n');
  }

  /** The status line as it would be shown now. */
  line(): string {
    const byFamily = new Map<string, { done: number; planned: number; extra: number }>();
    for (const p of this.properties.values()) {
      const family = byFamily.get(p.family) ?? { done: 0, planned: 0, extra: 0 };
      byFamily.set(p.family, {
        done: family.done + p.done,
        planned: family.planned + p.planned,
        extra: family.extra + p.extra,
      });
    }
    const families = [...byFamily].map(
      ([family, { done, planned, extra }]) =>
        `${family} ${done}/${planned}${extra > 0 ? ` (+${extra} re-run/shrink)` : ''}`,
    );
    const elapsed = this.clock.now() - this.startedAt;
    const remaining = this.remainingMs();
    const eta = remaining === undefined ? '?' : clockText(remaining);
    return [
      families.join(' · ') || 'no cases planned',
      this.current ? `running ${this.current}` : 'idle',
      `${this.failures} failure${this.failures === 1 ? '' : 's'}`,
      `${clockText(elapsed)} elapsed, ETA ${eta}`,
    ].join(' | ');
  }

  /** The ETA: the run's remaining wall time as estimated now, ms (undefined: nothing to go on yet). */
  remainingMs(): number | undefined {
    const now = this.clock.now();
    const cleanupMs = this.options.cleanupMs ?? END_OF_RUN_MS;
    const cases = estimateRemainingMs(
      [...this.properties.values()].map((p) => ({
        family: p.family,
        planned: p.planned,
        done: p.done,
        doneMs: p.doneMs,
        doneDurationsMs: p.doneDurationsMs,
        inFlightMs: p.started.map((c) => now - c.at),
        inFlightLockKeys: p.started.map((c) => c.lockKeys),
        queuedLockKeys: p.queuedLockKeys,
        expectedCaseMs: p.expectedCaseMs,
      })),
      this.options.concurrency ?? 1,
      {
        afterLastCaseMs: cleanupMs,
        cleanupsLeftMs: this.lastCaseEnd === undefined ? [] : [this.lastCaseEnd + cleanupMs - now],
      },
    );
    const queued = [...this.shrinksQueued.values()].reduce((sum, budget) => sum + budget, 0);
    const shrinking = Math.max(0, ...[...this.shrinkingUntil.values()].map((until) => until - now)) + queued;
    return cases === undefined ? undefined : Math.max(cases, shrinking);
  }

  private entry(key: string, family: string): PropertyProgress {
    let entry = this.properties.get(key);
    if (!entry) {
      entry = {
        family,
        planned: 0,
        done: 0,
        doneMs: 0,
        doneDurationsMs: [],
        started: [],
        queuedLockKeys: [],
        extra: 0,
      };
      this.properties.set(key, entry);
    }
    return entry;
  }

  private update(force: boolean): void {
    const text = this.line();
    if (this.stream.isTTY) {
      const width = this.stream.columns ?? 120;
      const fitted = text.length > width - 1 ? `${text.slice(0, width - 2)}…` : text;
      this.stream.write(`\r${fitted}\u001b[K`);
      return;
    }
    const now = this.clock.now();
    if (
      !force &&
      this.lastPrinted !== undefined &&
      now - this.lastPrinted < (this.options.intervalMs ?? 10000)
    ) {
      return;
    }
    this.lastPrinted = now;
    this.stream.write(`${text}\n`);
  }
}
