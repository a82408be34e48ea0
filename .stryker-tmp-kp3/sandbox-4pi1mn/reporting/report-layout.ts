// @ts-nocheck
import type { PropertyReport, Report } from './report-types';

/**
 * report.json is written with one case per line so that big reports can be read case by case
 * (reporting/report-stream.ts) instead of parsed whole; it is ordinary JSON all the same.
 *
 *   {"schemaVersion":1,...,"properties":[
 *   {"id":"termination/...",...,"cases":[
 *   {case},
 *   {case}
 *   ]},
 *   {"id":...,"cases":[
 *   ]}
 *   ]}
 */
export const PROPERTIES_OPEN = '"properties":[';
export const CASES_OPEN = '"cases":[';
export const CASES_CLOSE = ']}';
export const REPORT_CLOSE = ']}';

/** Everything of the report but its properties, as the first line (keys in a fixed order). */
export function headLine(report: Omit<Report, 'properties'>): string {
  const head: Omit<Report, 'properties'> = {
    schemaVersion: report.schemaVersion,
    kubepropVersion: report.kubepropVersion,
    runId: report.runId,
    startedAt: report.startedAt,
    endedAt: report.endedAt,
    ...(report.interrupted === undefined ? {} : { interrupted: report.interrupted }),
    seed: report.seed,
    options: report.options,
    cluster: report.cluster,
  };
  return `${JSON.stringify(head).slice(0, -1)},${PROPERTIES_OPEN}`;
}

/** A property's own fields, its `cases` array left open. */
export function propertyOpenLine(property: Omit<PropertyReport, 'cases'>): string {
  const own = JSON.stringify(property);
  return own === '{}' ? `{${CASES_OPEN}` : `${own.slice(0, -1)},${CASES_OPEN}`;
}

/** The whole report in the line layout (for reports held in memory). */
export function formatReport(report: Report): string {
  const lines = [headLine(report)];
  report.properties.forEach((property, index) => {
    const { cases, ...own } = property;
    lines.push(propertyOpenLine(own));
    cases.forEach((item, caseIndex) =>
      lines.push(`${JSON.stringify(item)}${caseIndex < cases.length - 1 ? ',' : ''}`),
    );
    lines.push(`${CASES_CLOSE}${index < report.properties.length - 1 ? ',' : ''}`);
  });
  lines.push(REPORT_CLOSE);
  return `${lines.join('\n')}\n`;
}
