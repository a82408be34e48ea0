// @ts-nocheck
import type { FieldOutcome } from '../verdicts/compare-field';

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
 * time and an ETA from the mean time per case. On a TTY one line rewritten in place (\r and
 * erase-to-end-of-line); elsewhere plain lines at most every intervalMs, plus one at the end.
 */
export class Progress {
  private readonly planned = new Map<string, number>();
  private readonly done = new Map<string, number>();
  private readonly startedAt: number;
  private current: string | undefined;
  private failures = 0;
  private lastPrinted: number | undefined;

  constructor(
    private readonly stream: ProgressStream,
    private readonly clock: ProgressClock,
    private readonly options: ProgressOptions = {},
  ) {
    this.startedAt = clock.now();
  }

  plan(family: string, cases: number): void {
    this.planned.set(family, (this.planned.get(family) ?? 0) + cases);
    this.done.set(family, this.done.get(family) ?? 0);
  }

  startProperty(id: string): void {
    this.current = id;
    this.update(false);
  }

  caseDone(family: string, outcome: FieldOutcome): void {
    this.done.set(family, (this.done.get(family) ?? 0) + 1);
    if (outcome === 'fail') this.failures += 1;
    this.update(false);
  }

  finish(): void {
    this.current = undefined;
    this.update(true);
    if (this.stream.isTTY) this.stream.write('\n');
  }

  /** The status line as it would be shown now. */
  line(): string {
    const families = [...this.planned.keys()].map(
      (family) => `${family} ${this.done.get(family) ?? 0}/${this.planned.get(family) ?? 0}`,
    );
    const done = [...this.done.values()].reduce((a, b) => a + b, 0);
    const planned = [...this.planned.values()].reduce((a, b) => a + b, 0);
    const elapsed = this.clock.now() - this.startedAt;
    const eta = done > 0 ? clockText((elapsed / done) * Math.max(0, planned - done)) : '?';
    return [
      families.join(' · ') || 'no cases planned',
      this.current ? `running ${this.current}` : 'idle',
      `${this.failures} failure${this.failures === 1 ? '' : 's'}`,
      `${clockText(elapsed)} elapsed, ETA ${eta}`,
    ].join(' | ');
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
