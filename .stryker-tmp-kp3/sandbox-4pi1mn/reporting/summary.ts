// @ts-nocheck
import { FAMILIES } from '../model/scenario';
import { failureHeadline } from './junit';
import { PROPERTY_VERDICTS, type PropertySummary, type ReportSkeleton } from './report-types';

/** Markdown table cells: pipes and newlines would break the row. */
export function markdownCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function notPassingDetail(property: PropertySummary): string {
  if (property.verdict === 'fail') {
    const reproducer = property.counterexample?.reproducerPath;
    return `${failureHeadline(property)}${reproducer ? ` (reproducer: ${reproducer})` : ''}`;
  }
  return property.reason ?? '';
}

/** A short markdown summary for CI step summaries: counts per family, then what did not pass. */
export function renderSummary(report: ReportSkeleton): string {
  const { cluster } = report;
  const total = PROPERTY_VERDICTS.map(
    (verdict) => `${report.properties.filter((p) => p.verdict === verdict).length} ${verdict}`,
  ).join(', ');
  const lines = [
    `### kubeprop ${report.kubepropVersion} on ${cluster.serverVersion.gitVersion}${cluster.distribution ? ` (${cluster.distribution})` : ''}`,
    '',
    `Run ${report.runId}, seed ${report.seed}: ${total}.${report.interrupted ? ` **Interrupted: ${report.interrupted}.**` : ''}`,
    '',
    `| family | ${PROPERTY_VERDICTS.join(' | ')} |`,
    `|---|${PROPERTY_VERDICTS.map(() => '---:').join('|')}|`,
  ];
  for (const family of FAMILIES) {
    const properties = report.properties.filter((p) => p.family === family);
    if (properties.length === 0) continue;
    const counts = PROPERTY_VERDICTS.map((v) => properties.filter((p) => p.verdict === v).length);
    lines.push(`| ${family} | ${counts.join(' | ')} |`);
  }
  const notPassing = report.properties
    .filter((p) => p.verdict !== 'pass')
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (notPassing.length > 0) {
    lines.push('', '| property | verdict | detail |', '|---|---|---|');
    for (const property of notPassing) {
      lines.push(
        `| ${markdownCell(property.id)} | ${property.verdict} | ${markdownCell(notPassingDetail(property))} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
