// @ts-nocheck
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { checkReport, loadReport, ReportLoadError } from './load-report';
import { CASES_CLOSE, CASES_OPEN, PROPERTIES_OPEN, REPORT_CLOSE } from './report-layout';
import { caseSchemaErrors } from './report-schema';
import type { CaseEntry, CaseReport, PropertySummary, Report, ReportSkeleton } from './report-types';

/** A report whose cases are visited one at a time, so a 10,000-case report need not sit in memory. */
export interface ReportSource {
  file: string;
  skeleton: ReportSkeleton;
  /** The cases in report order; each call starts from the first. */
  cases(): AsyncIterable<CaseEntry>;
}

/** Wraps a report already in memory. */
export function reportSource(report: Report, file = '(in memory)'): ReportSource {
  const { properties, ...rest } = report;
  return {
    file,
    skeleton: {
      ...rest,
      properties: properties.map(({ cases, ...own }) => ({ ...own, caseCount: cases.length })),
    },
    async *cases() {
      for (const property of properties) {
        for (const item of property.cases) yield { propertyId: property.id, case: item };
      }
    },
  };
}

function lines(file: string): AsyncIterable<string> {
  return createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
}

function isLineLayout(first: string): boolean {
  return first.startsWith('{"schemaVersion":') && first.endsWith(PROPERTIES_OPEN);
}

/** Reads everything but the cases, checking the layout and the schema of what it read. */
async function readSkeleton(file: string): Promise<ReportSkeleton | undefined> {
  let head: string | undefined;
  const propertyHeads: string[] = [];
  const caseCounts: number[] = [];
  let inCases = false;
  let closed = false;
  for await (const line of lines(file)) {
    if (head === undefined) {
      if (!isLineLayout(line)) return undefined;
      head = line;
    } else if (closed) {
      if (line.trim() !== '') throw new ReportLoadError(file, 'has text after the end of the report');
    } else if (inCases) {
      if (line.startsWith(CASES_CLOSE)) inCases = false;
      else caseCounts[caseCounts.length - 1] += 1;
    } else if (line.endsWith(CASES_OPEN)) {
      propertyHeads.push(line);
      caseCounts.push(0);
      inCases = true;
    } else if (line === REPORT_CLOSE) {
      closed = true;
    } else {
      return undefined;
    }
  }
  if (head === undefined) throw new ReportLoadError(file, 'is empty');
  if (!closed) {
    const where = propertyHeads.length === 0 ? 'before any property' : `in property ${propertyHeads.length}`;
    throw new ReportLoadError(file, `is truncated (the report ends early, ${where})`);
  }
  const text = `${head}${propertyHeads.map((line) => `${line}${CASES_CLOSE}`).join(',')}${REPORT_CLOSE}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new ReportLoadError(file, `is not valid JSON (${(error as Error).message})`);
  }
  const report = checkReport(file, parsed);
  const { properties, ...rest } = report;
  return {
    ...rest,
    properties: properties.map(({ cases: _none, ...own }, index): PropertySummary => ({
      ...own,
      caseCount: caseCounts[index],
    })),
  };
}

async function* streamCases(file: string, skeleton: ReportSkeleton): AsyncIterable<CaseEntry> {
  let propertyIndex = -1;
  let caseIndex = 0;
  let inCases = false;
  let lineNumber = 0;
  for await (const line of lines(file)) {
    lineNumber += 1;
    if (lineNumber === 1) continue;
    if (!inCases) {
      if (line.endsWith(CASES_OPEN)) {
        propertyIndex += 1;
        caseIndex = 0;
        inCases = true;
      }
      continue;
    }
    if (line.startsWith(CASES_CLOSE)) {
      inCases = false;
      continue;
    }
    const where = `/properties/${propertyIndex}/cases/${caseIndex}`;
    let value: unknown;
    try {
      value = JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line);
    } catch (error) {
      throw new ReportLoadError(
        file,
        `is not valid JSON at line ${lineNumber} (${(error as Error).message})`,
      );
    }
    const errors = caseSchemaErrors(value, where);
    if (errors !== undefined) throw new ReportLoadError(file, `does not match the report schema: ${errors}`);
    caseIndex += 1;
    yield { propertyId: skeleton.properties[propertyIndex].id, case: value as CaseReport };
  }
}

/**
 * Opens a report.json for case-by-case reading. Reports in kubeprop's line layout are streamed;
 * any other valid JSON report (e.g. pretty-printed by hand) is loaded whole.
 */
export async function openReport(file: string): Promise<ReportSource> {
  let skeleton: ReportSkeleton | undefined;
  try {
    skeleton = await readSkeleton(file);
  } catch (error) {
    if (error instanceof ReportLoadError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportLoadError(file, code === 'ENOENT' ? 'no such file' : `cannot be read (${String(error)})`);
  }
  if (skeleton === undefined) return reportSource(loadReport(file), file);
  const known = skeleton;
  return { file, skeleton: known, cases: () => streamCases(file, known) };
}
