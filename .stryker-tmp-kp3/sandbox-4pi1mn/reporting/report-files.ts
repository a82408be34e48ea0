// @ts-nocheck
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeHtml } from './html-report';
import { renderJunit } from './junit';
import type { ReportSkeleton } from './report-types';
import type { ReportSource } from './report-stream';
import { renderSummary } from './summary';

/** The files a report directory holds, by name. */
export const REPORT_FILES = {
  report: 'report.json',
  journal: 'cases.ndjson',
  junit: 'junit.xml',
  html: 'index.html',
  summary: 'summary.md',
} as const;

/** Write to a temporary name, then rename: readers never see half a file. */
export function writeFileAtomic(file: string, text: string): void {
  const temporary = `${file}.tmp-${process.pid}`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** junit.xml and summary.md need no cases, so they are written synchronously (also from a signal handler). */
export function writeSummaryFiles(dir: string, skeleton: ReportSkeleton): void {
  writeFileAtomic(join(dir, REPORT_FILES.junit), renderJunit(skeleton));
  writeFileAtomic(join(dir, REPORT_FILES.summary), renderSummary(skeleton));
}

/** Every file derived from report.json; resolves with the size of index.html in bytes. */
export async function writeDerivedFiles(dir: string, source: ReportSource): Promise<number> {
  writeSummaryFiles(dir, source.skeleton);
  const temporary = join(dir, `${REPORT_FILES.html}.tmp-${process.pid}`);
  const bytes = await writeHtml(source, temporary);
  renameSync(temporary, join(dir, REPORT_FILES.html));
  return bytes;
}
