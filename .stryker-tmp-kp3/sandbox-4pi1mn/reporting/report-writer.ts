// @ts-nocheck
import { closeSync, mkdirSync, openSync, readSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { INTERRUPTED } from './property-verdict';
import { writeDerivedFiles, writeSummaryFiles, REPORT_FILES } from './report-files';
import { CASES_CLOSE, headLine, propertyOpenLine, REPORT_CLOSE } from './report-layout';
import { openReport } from './report-stream';
import {
  REPORT_SCHEMA_VERSION,
  type CaseReport,
  type PropertyEnd,
  type PropertyStart,
  type PropertySummary,
  type ReportHeader,
  type ReportSkeleton,
  type RunEnd,
} from './report-types';
import { scrubSecrets } from './scrub-secrets';

/** A property's cases are read in one piece when they span at most this much of the journal. */
const MAX_SPAN_BYTES = 16 * 2 ** 20;
const CASE_SEPARATOR = Buffer.from(',\n');
const LINE_END = Buffer.from('\n');

/** Where a case's JSON sits in the journal: the writer keeps only this in memory. */
interface CaseRef {
  offset: number;
  length: number;
  firstRun: boolean;
}

interface PropertyState {
  start: PropertyStart;
  beganAt: number;
  end?: PropertyEnd;
  cases: CaseRef[];
}

export interface ReportWriterOptions {
  /** Epoch milliseconds; injectable for tests. */
  now?: () => number;
  /**
   * report.json is rewritten at a property boundary only when this long has passed since the last
   * rewrite (the journal has every case at once; close and finalize always rewrite). Rewriting is
   * linear in the report's size, so many quick properties would otherwise cost quadratic time.
   */
  rewriteIntervalMs?: number;
}

export const DEFAULT_REWRITE_INTERVAL_MS = 5000;

/**
 * Writes a run's report as it happens. Each case is appended to cases.ndjson when it completes
 * (one line: {"propertyId", "case"}), and report.json is rewritten atomically from the journal at
 * property boundaries (at most every rewriteIntervalMs) and at the end, so an interrupted run always leaves a valid report of
 * what was observed. Everything written is scrubbed of credentials first. Memory holds only the
 * journal offsets of the cases, never the cases.
 */
export class ReportWriter {
  private readonly properties = new Map<string, PropertyState>();
  private readonly journalFd: number;
  private journalBytes = 0;
  private finished = false;
  private lastRewrite: number;

  private constructor(
    readonly dir: string,
    private readonly header: ReportHeader,
    private readonly now: () => number,
    private readonly rewriteIntervalMs: number,
  ) {
    this.lastRewrite = now();
    this.journalFd = openSync(join(dir, REPORT_FILES.journal), 'w+');
  }

  static open(dir: string, header: ReportHeader, options: ReportWriterOptions = {}): ReportWriter {
    mkdirSync(dir, { recursive: true });
    const writer = new ReportWriter(
      dir,
      scrubSecrets(header),
      options.now ?? Date.now,
      options.rewriteIntervalMs ?? DEFAULT_REWRITE_INTERVAL_MS,
    );
    writer.writeReport(undefined);
    return writer;
  }

  get reportPath(): string {
    return join(this.dir, REPORT_FILES.report);
  }

  beginProperty(start: PropertyStart): void {
    this.assertOpen();
    if (this.properties.has(start.id)) throw new Error(`property ${start.id} was already begun`);
    // Only the start fields: callers may pass a whole property summary (re-judging does).
    const { id, family, statement, runsPlanned, seed } = start;
    const own: PropertyStart = { id, family, statement, runsPlanned, seed };
    this.properties.set(id, { start: scrubSecrets(own), beganAt: this.now(), cases: [] });
  }

  addCase(propertyId: string, item: CaseReport): void {
    this.assertOpen();
    const state = this.running(propertyId);
    const prefix = `{"propertyId":${JSON.stringify(propertyId)},"case":`;
    const json = JSON.stringify(scrubSecrets(item));
    const line = `${prefix}${json}}\n`;
    writeSync(this.journalFd, line, this.journalBytes);
    const offset = this.journalBytes + Buffer.byteLength(prefix);
    state.cases.push({ offset, length: Buffer.byteLength(json), firstRun: item.attempt.number === 1 });
    this.journalBytes += Buffer.byteLength(line);
  }

  endProperty(propertyId: string, end: PropertyEnd): void {
    this.assertOpen();
    this.running(propertyId).end = scrubSecrets(end);
    if (this.now() - this.lastRewrite >= this.rewriteIntervalMs) this.writeReport(undefined);
  }

  /** Ends the run: report.json, junit.xml, summary.md and index.html. Resolves with report.json's path. */
  async close(end: Partial<RunEnd> = {}): Promise<string> {
    this.assertOpen();
    this.complete(end.interrupted ?? (this.hasRunning() ? INTERRUPTED : undefined), end.endedAt);
    await writeDerivedFiles(this.dir, await openReport(this.reportPath));
    return this.reportPath;
  }

  /**
   * Synchronous end for signal handlers: properties still running become inconclusive
   * ("interrupted"); report.json, junit.xml and summary.md are written. Safe to call more than once.
   */
  finalize(reason: string = INTERRUPTED): string {
    if (!this.finished) this.complete(reason, undefined);
    return this.reportPath;
  }

  private complete(interrupted: string | undefined, endedAt: string | undefined): void {
    const skeleton = this.writeReport({
      endedAt: endedAt ?? new Date(this.now()).toISOString(),
      ...(interrupted === undefined ? {} : { interrupted }),
    });
    writeSummaryFiles(this.dir, skeleton);
    closeSync(this.journalFd);
    this.finished = true;
  }

  private assertOpen(): void {
    if (this.finished) throw new Error(`report in ${this.dir} is already closed`);
  }

  private running(propertyId: string): PropertyState {
    const state = this.properties.get(propertyId);
    if (!state) throw new Error(`property ${propertyId} was not begun`);
    if (state.end) throw new Error(`property ${propertyId} has already ended`);
    return state;
  }

  private hasRunning(): boolean {
    return [...this.properties.values()].some((state) => state.end === undefined);
  }

  /** A property still running is shown as inconclusive: "in progress", or "interrupted" at the end. */
  private summary(state: PropertyState, ending: boolean): PropertySummary {
    const end: PropertyEnd = state.end ?? {
      verdict: 'inconclusive',
      reason: ending ? INTERRUPTED : 'in progress',
      runsMade: state.cases.filter((ref) => ref.firstRun).length,
      outOfTime: false,
      durationMs: this.now() - state.beganAt,
    };
    return { ...state.start, ...end, caseCount: state.cases.length };
  }

  /**
   * A property's case lines, read from the journal in one read when its cases lie close together
   * (the usual case), else case by case, so rewriting stays cheap for big reports.
   */
  private casesText(refs: readonly CaseRef[]): Buffer {
    if (refs.length === 0) return Buffer.alloc(0);
    const from = refs[0].offset;
    const to = refs[refs.length - 1].offset + refs[refs.length - 1].length;
    const span = to - from <= MAX_SPAN_BYTES ? Buffer.alloc(to - from) : undefined;
    if (span) readSync(this.journalFd, span, 0, span.length, from);
    const parts: Buffer[] = [];
    refs.forEach((ref, index) => {
      let json: Buffer;
      if (span) {
        json = span.subarray(ref.offset - from, ref.offset - from + ref.length);
      } else {
        json = Buffer.alloc(ref.length);
        readSync(this.journalFd, json, 0, ref.length, ref.offset);
      }
      parts.push(json, index < refs.length - 1 ? CASE_SEPARATOR : LINE_END);
    });
    return Buffer.concat(parts);
  }

  /** Rewrites report.json from the journal; `end` given only when the run ends. */
  private writeReport(end: RunEnd | undefined): ReportSkeleton {
    const skeleton: ReportSkeleton = {
      schemaVersion: REPORT_SCHEMA_VERSION,
      ...this.header,
      endedAt: end?.endedAt ?? new Date(this.now()).toISOString(),
      ...(end?.interrupted === undefined ? {} : { interrupted: end.interrupted }),
      properties: [...this.properties.values()].map((state) => this.summary(state, end !== undefined)),
    };
    const temporary = `${this.reportPath}.tmp-${process.pid}`;
    const out = openSync(temporary, 'w');
    try {
      writeSync(out, `${headLine(skeleton)}\n`);
      const states = [...this.properties.values()];
      skeleton.properties.forEach(({ caseCount: _count, ...own }, index) => {
        writeSync(out, `${propertyOpenLine(own)}\n`);
        writeSync(out, this.casesText(states[index].cases));
        writeSync(out, `${CASES_CLOSE}${index < skeleton.properties.length - 1 ? ',' : ''}\n`);
      });
      writeSync(out, `${REPORT_CLOSE}\n`);
    } finally {
      closeSync(out);
    }
    renameSync(temporary, this.reportPath);
    this.lastRewrite = this.now();
    return skeleton;
  }
}
