import { FAMILIES } from '../model/scenario';
import type { PropertySummary, ReportSkeleton } from './report-types';

/**
 * JUnit XML for CI test views: one testsuite per family, one testcase per property named by its
 * stable id (never a seed, so history lines up across runs). Mapping of verdicts:
 * fail → <failure> with the minimal counterexample; inconclusive → <error type="inconclusive"> (not a
 * pass, not a conformance failure); skipped and known → <skipped> with the reason; flaky → passes,
 * with a <system-out> note saying the failure did not reproduce.
 */

// XML 1.0's Char: tab, newline, carriage return, U+0020–U+D7FF, U+E000–U+FFFD and the supplementary
// planes (a surrogate only as half of a pair).
const NOT_XML_CHAR =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text for an XML attribute value or element content that reads back as written: tab, newline and
 * carriage return as character references, since a reader turns them into spaces in attribute values
 * and a carriage return into a newline anywhere.
 */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML_CHAR, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(3);
}

/** The first line of a failure: the first failing field of the minimal counterexample. */
export function failureHeadline(property: PropertySummary): string {
  const first = property.counterexample?.failedFields[0];
  return first ? `${first.field}: ${first.detail}` : 'property failed (no counterexample recorded)';
}

export function failureText(property: PropertySummary): string {
  const lines = [`property: ${property.statement}`];
  const example = property.counterexample;
  if (example) {
    lines.push(`counterexample: case ${example.caseId} (reproducer: ${example.reproducerPath})`);
    for (const diff of example.failedFields) {
      lines.push(`  ${diff.field} [${diff.rule}]: ${diff.detail} — because ${diff.because}`);
    }
  }
  lines.push(`replay: seed ${property.seed}${property.path === undefined ? '' : `, path ${property.path}`}`);
  return lines.join('\n');
}

function testcase(property: PropertySummary): string {
  const open = `    <testcase classname="kubeprop.${escapeXml(property.family)}" name="${escapeXml(property.id)}" time="${seconds(property.durationMs)}"`;
  const reason = property.reason ?? '';
  switch (property.verdict) {
    case 'pass':
      return `${open}/>`;
    case 'fail':
      return `${open}>\n      <failure type="fail" message="${escapeXml(failureHeadline(property))}">${escapeXml(failureText(property))}</failure>\n    </testcase>`;
    case 'inconclusive':
      return `${open}>\n      <error type="inconclusive" message="${escapeXml(`inconclusive: ${reason}`)}"/>\n    </testcase>`;
    case 'skipped':
      return `${open}>\n      <skipped message="${escapeXml(reason)}"/>\n    </testcase>`;
    case 'known':
      return `${open}>\n      <skipped message="${escapeXml(`known issue: ${reason}`)}"/>\n    </testcase>`;
    case 'flaky':
      return `${open}>\n      <system-out>${escapeXml(`flaky: ${reason}; counted as passed`)}</system-out>\n    </testcase>`;
  }
}

interface Counts {
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  ms: number;
}

function count(properties: readonly PropertySummary[]): Counts {
  return {
    tests: properties.length,
    failures: properties.filter((p) => p.verdict === 'fail').length,
    errors: properties.filter((p) => p.verdict === 'inconclusive').length,
    skipped: properties.filter((p) => p.verdict === 'skipped' || p.verdict === 'known').length,
    ms: properties.reduce((sum, p) => sum + p.durationMs, 0),
  };
}

function attributes(counts: Counts): string {
  return `tests="${counts.tests}" failures="${counts.failures}" errors="${counts.errors}" skipped="${counts.skipped}" time="${seconds(counts.ms)}"`;
}

export function renderJunit(report: ReportSkeleton): string {
  const suites = FAMILIES.map((family) => ({
    family,
    properties: report.properties
      .filter((p) => p.family === family)
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  })).filter((suite) => suite.properties.length > 0);
  const body = suites.map(
    ({ family, properties }) =>
      `  <testsuite name="${family}" ${attributes(count(properties))} timestamp="${escapeXml(report.startedAt)}">\n${properties.map(testcase).join('\n')}\n  </testsuite>`,
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kubeprop" ${attributes(count(report.properties))}>`,
    ...body,
    '</testsuites>',
    '',
  ].join('\n');
}
