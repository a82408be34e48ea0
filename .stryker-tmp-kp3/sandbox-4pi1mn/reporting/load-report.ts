// @ts-nocheck
import { readFileSync } from 'node:fs';
import { reportSchemaErrors } from './report-schema';
import { REPORT_SCHEMA_VERSION, type Report } from './report-types';

/** A report that cannot be read; the message names the file and the problem. Offline commands exit 2. */
export class ReportLoadError extends Error {
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
    this.name = 'ReportLoadError';
  }
}

export function readReportText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ReportLoadError(
      file,
      code === 'ENOENT' ? 'no such file' : `cannot be read (${(error as Error).message})`,
    );
  }
}

export function parseReportJson(file: string, text: string): unknown {
  if (text.trim() === '') throw new ReportLoadError(file, 'is empty');
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    // Text that stops early fails at its very end ("Unexpected end of JSON input", "Unterminated
    // string", or an error whose position is the end of the text).
    const position = /at position (\d+)/.exec(message);
    const truncated =
      /Unexpected end|Unterminated/.test(message) ||
      (position !== null && Number(position[1]) >= text.trimEnd().length);
    throw new ReportLoadError(
      file,
      truncated ? `is truncated (the JSON ends early: ${message})` : `is not valid JSON (${message})`,
    );
  }
}

/** Checks version first (a clearer message than a schema diff), then the schema. */
export function checkReport(file: string, value: unknown): Report {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ReportLoadError(file, 'does not hold a report (expected a JSON object)');
  }
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  if (version !== REPORT_SCHEMA_VERSION) {
    throw new ReportLoadError(
      file,
      `has schemaVersion ${JSON.stringify(version)}; this kubeprop reads schemaVersion ${REPORT_SCHEMA_VERSION}`,
    );
  }
  const errors = reportSchemaErrors(value);
  if (errors !== undefined) throw new ReportLoadError(file, `does not match the report schema: ${errors}`);
  return value as Report;
}

/** Reads and validates a whole report.json. */
export function loadReport(file: string): Report {
  return checkReport(file, parseReportJson(file, readReportText(file)));
}
