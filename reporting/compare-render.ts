import type { Comparison, TimingComparison } from './compare-reports';
import type { Distribution } from './distribution';
import { escapeHtml } from './html-report';
import { PROPERTY_VERDICTS } from './report-types';
import { markdownCell } from './summary';

/** Tables of a comparison as rows of cells, shared by the markdown and HTML renderings. */
interface Table {
  title: string;
  head: string[];
  rows: string[][];
}

function seconds(value: number): string {
  return value.toFixed(2);
}

function stats(d: Distribution | undefined): string[] {
  return d ? [String(d.n), seconds(d.median), seconds(d.p90), seconds(d.p99)] : ['0', '–', '–', '–'];
}

function signedSeconds(value: number): string {
  return `${value >= 0 ? '+' : '−'}${Math.abs(value).toFixed(2)}`;
}

function shiftCells(t: TimingComparison): string[] {
  if (!t.shift) return ['–', '–', ''];
  const p =
    t.shift.pValue === undefined ? 'too few' : t.shift.pValue < 0.001 ? '<0.001' : t.shift.pValue.toFixed(3);
  return [signedSeconds(t.shift.medianShiftSeconds), p, t.shift.beyondNoise ? 'moved' : ''];
}

function timingRow(t: TimingComparison): string[] {
  return [t.family, t.metric, ...stats(t.a), ...stats(t.b), ...shiftCells(t)];
}

function moved(c: Comparison): TimingComparison[] {
  return c.timings
    .filter((t) => t.shift?.beyondNoise === true)
    .sort((x, y) => Math.abs(y.shift?.medianShiftSeconds ?? 0) - Math.abs(x.shift?.medianShiftSeconds ?? 0));
}

function tables(c: Comparison): Table[] {
  const changed = c.properties.filter((p) => p.change !== 'same');
  const timingHead = [
    'family',
    'field',
    'A n',
    'A median',
    'A p90',
    'A p99',
    'B n',
    'B median',
    'B p90',
    'B p99',
  ];
  const shiftHead = ['Δ median', 'p', ''];
  return [
    {
      title: `Verdict changes (${changed.length} of ${c.properties.length} properties)`,
      head: ['property', 'family', 'A', 'B', 'change'],
      rows: changed.map((p) => [p.id, p.family, p.a ?? '–', p.b ?? '–', p.change]),
    },
    {
      title: `Cases whose outcome differs (${c.caseDifferences.length} of ${c.casesCompared} run on both with the same scenario)`,
      head: ['property', 'case', 'A', 'B', 'failing fields'],
      rows: c.caseDifferences.map((d) => [d.propertyId, d.caseId, d.a, d.b, d.failing.join('; ')]),
    },
    {
      title: 'Timings that moved beyond noise',
      head: [...timingHead, ...shiftHead],
      rows: moved(c).map(timingRow),
    },
    {
      title: 'Capability differences',
      head: ['capability', 'A', 'B'],
      rows: c.capabilities.map((d) => [d.name, d.a, d.b]),
    },
    {
      title: 'Runs',
      head: ['', 'run', 'server', 'node images', 'report'],
      rows: [
        ['A', c.a.runId, c.a.serverVersion, c.a.nodeImages.join(', '), c.a.file],
        ['B', c.b.runId, c.b.serverVersion, c.b.nodeImages.join(', '), c.b.file],
      ],
    },
    {
      title: 'Verdicts per family (A → B)',
      head: ['family', ...PROPERTY_VERDICTS],
      rows: c.families.map((f) => [f.family, ...PROPERTY_VERDICTS.map((v) => `${f.a[v]} → ${f.b[v]}`)]),
    },
    {
      title: 'All timings in seconds (midpoints of observed instants)',
      head: [...timingHead, ...shiftHead],
      rows: c.timings.map(timingRow),
    },
  ];
}

function headline(c: Comparison): string {
  const regressions = c.properties.filter((p) => p.change === 'regressed').map((p) => p.id);
  return regressions.length > 0
    ? `Regressed (pass → fail): ${regressions.join(', ')}`
    : 'No regression (pass → fail).';
}

/** What to read first: the inputs, then what changed, each in one line. */
function summary(c: Comparison): string[] {
  const changed = c.properties.filter((p) => p.change !== 'same');
  const movedTimings = moved(c);
  return [
    c.inputs.same
      ? `- **Inputs:** the same cases on both (${c.inputs.detail}).`
      : `- **Inputs differ** (${c.inputs.detail}): a verdict difference may be the inputs', not the clusters'; run both with \`kubeprop matrix\` or \`--generate-from\`.`,
    changed.length === 0
      ? '- **Verdicts:** no property changed verdict.'
      : `- **Verdicts:** ${changed.length} of ${c.properties.length} properties changed: ${changed.map((p) => `${p.id} ${p.a ?? '–'} → ${p.b ?? '–'}`).join(', ')}.`,
    ...(c.inputs.same
      ? [
          `- **Cases:** ${c.caseDifferences.length} of ${c.casesCompared} cases run on both differ in outcome.`,
        ]
      : []),
    movedTimings.length === 0
      ? '- **Timings:** no distribution moved beyond noise.'
      : `- **Timings:** ${movedTimings.length} moved beyond noise: ${movedTimings
          .slice(0, 5)
          .map((t) => `${t.family} ${t.metric} ${signedSeconds(t.shift?.medianShiftSeconds ?? 0)} s`)
          .join(', ')}${movedTimings.length > 5 ? ', …' : ''}.`,
    c.capabilities.length === 0
      ? '- **Capabilities:** the same.'
      : `- **Capabilities differ:** ${c.capabilities.map((d) => d.name).join(', ')}.`,
  ];
}

export function renderComparisonMarkdown(c: Comparison): string {
  const lines = ['## kubeprop comparison', '', headline(c), '', ...summary(c)];
  for (const table of tables(c)) {
    lines.push('', `### ${table.title}`, '');
    if (table.rows.length === 0) {
      lines.push('None.');
      continue;
    }
    lines.push(
      `| ${table.head.map(markdownCell).join(' | ')} |`,
      `|${table.head.map(() => '---').join('|')}|`,
    );
    for (const row of table.rows) lines.push(`| ${row.map(markdownCell).join(' | ')} |`);
  }
  return `${lines.join('\n')}\n`;
}

export function renderComparisonHtml(c: Comparison): string {
  const body = tables(c)
    .map((table) => {
      const content =
        table.rows.length === 0
          ? '<p>None.</p>'
          : `<table><thead><tr>${table.head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${table.rows
              .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
              .join('')}</tbody></table>`;
      return `<h2>${escapeHtml(table.title)}</h2>\n${content}`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>kubeprop comparison</title>
<style>body{font-family:system-ui,sans-serif;margin:24px}table{border-collapse:collapse}th,td{border:1px solid #d0d7de;padding:4px 8px;font-size:13px}th{background:#f6f8fa}</style>
</head><body><h1>kubeprop comparison</h1><p>${escapeHtml(headline(c))}</p>
<ul>${summary(c)
    .map((line) => `<li>${escapeHtml(line.replace(/^- /, '').replace(/\*\*/g, ''))}</li>`)
    .join('')}</ul>
${body}
</body></html>
`;
}
