// @ts-nocheck
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { FAMILIES } from '../model/scenario';
import { failureHeadline } from './junit';
import {
  PROPERTY_VERDICTS,
  type CaseReport,
  type PropertySummary,
  type ReportSkeleton,
} from './report-types';
import type { ReportSource } from './report-stream';
import { TIMELINE_SCRIPT } from './html-timeline-script';
import { timelineData } from './timeline-data';

/**
 * index.html: one self-contained file (inline CSS and script, system fonts, no network), a table of
 * properties, then each property's cases with a timeline drawn as SVG and the field diff.
 * Produced as chunks from a case stream so big reports are never held whole.
 */

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** JSON safe inside <script>: no "</script>" or "<!--" can appear. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

const STYLE = `
body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #1f2328; }
table { border-collapse: collapse; margin: 8px 0 16px; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; font-size: 13px; }
th { background: #f6f8fa; }
.verdict { font-weight: 600; padding: 1px 6px; border-radius: 4px; color: #fff; }
.v-pass { background: #1a7f37; } .v-fail { background: #cf222e; } .v-flaky { background: #9a6700; }
.v-inconclusive { background: #bf8700; } .v-known { background: #6e7781; } .v-skipped { background: #8c959f; }
details.case { border: 1px solid #d0d7de; border-radius: 6px; margin: 6px 0; padding: 4px 8px; }
details.case > summary { cursor: pointer; font-size: 14px; }
.timeline { overflow-x: auto; margin: 6px 0; }
.timeline-svg { font-size: 11px; }
.timeline-svg .grid { stroke: #eaeef2; } .timeline-svg .tick { fill: #57606a; }
.timeline-svg .lane { fill: #1f2328; font-weight: 600; } .timeline-svg .lane-line { stroke: #d0d7de; }
.timeline-svg .event { stroke: #0969da; stroke-width: 2; } .timeline-svg .event-api { stroke: #8250df; }
.timeline-svg .event-event { stroke: #bc4c00; } .timeline-svg .event-client { stroke: #57606a; }
.timeline-svg .event-label { fill: #24292f; }
.timeline-svg .slack { fill: #dafbe1; } .timeline-svg .expected { fill: #7ee2a8; }
.timeline-svg .window-label { fill: #24292f; }
.muted { color: #57606a; }
`;

function verdictBadge(verdict: string): string {
  return `<span class="verdict v-${escapeHtml(verdict)}">${escapeHtml(verdict)}</span>`;
}

function header(report: ReportSkeleton): string {
  const { cluster } = report;
  const counts = PROPERTY_VERDICTS.map(
    (v) => `${report.properties.filter((p) => p.verdict === v).length} ${v}`,
  ).join(' · ');
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>kubeprop report ${escapeHtml(report.runId)}</title><style>${STYLE}</style></head><body>
<h1>kubeprop report</h1>
<p>Run <code>${escapeHtml(report.runId)}</code>, seed ${report.seed}, ${escapeHtml(report.startedAt)} → ${escapeHtml(report.endedAt)}${report.interrupted ? ` <strong>(interrupted: ${escapeHtml(report.interrupted)})</strong>` : ''}<br>
Cluster ${escapeHtml(cluster.serverVersion.gitVersion)}${cluster.distribution ? ` (${escapeHtml(cluster.distribution)})` : ''}; node images: ${cluster.nodeImages.map((n) => escapeHtml(`${n.node}: ${n.image}${n.digest ? `@${n.digest}` : ''}`)).join(', ') || 'unknown'}<br>
${counts}</p>
`;
}

function propertyRow(property: PropertySummary, index: number): string {
  const detail = property.verdict === 'fail' ? failureHeadline(property) : (property.reason ?? '');
  return `<tr><td><a href="#p${index}">${escapeHtml(property.id)}</a></td><td>${escapeHtml(property.family)}</td><td>${verdictBadge(property.verdict)}</td><td>${property.runsMade} / ${property.runsPlanned}${property.outOfTime ? ' <strong>out of time</strong>' : ''}</td><td>${(property.durationMs / 1000).toFixed(1)} s</td><td>${escapeHtml(detail)}</td></tr>`;
}

function propertiesTable(report: ReportSkeleton): string {
  const order = FAMILIES as readonly string[];
  const rows = report.properties
    .map((property, index) => ({ property, index }))
    .sort(
      (a, b) =>
        order.indexOf(a.property.family) - order.indexOf(b.property.family) ||
        (a.property.id < b.property.id ? -1 : a.property.id > b.property.id ? 1 : 0),
    )
    .map(({ property, index }) => propertyRow(property, index));
  return `<h2>Properties</h2>
<table id="properties"><thead><tr><th>property</th><th>family</th><th>verdict</th><th>runs</th><th>time</th><th>detail</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>
`;
}

function propertyHeading(property: PropertySummary, index: number): string {
  const example = property.counterexample;
  return `<section id="p${index}"><h2>${escapeHtml(property.id)} ${verdictBadge(property.verdict)}</h2>
<p>${escapeHtml(property.statement)}</p>
${example ? `<p>Minimal counterexample: case <code>${escapeHtml(example.caseId)}</code>, reproducer <code>${escapeHtml(example.reproducerPath)}</code>; replay with seed ${property.seed}${property.path ? `, path <code>${escapeHtml(property.path)}</code>` : ''}.</p>` : ''}
`;
}

function caseBlock(item: CaseReport): string {
  const { verdict, attempt } = item;
  const data = timelineData(item.observation, item.expectation, verdict);
  const attemptText =
    attempt.number === 1
      ? attempt.status
        ? ` · ${attempt.status}`
        : ''
      : ` · re-run ${attempt.number} of ${escapeHtml(attempt.retryOf ?? '?')}`;
  const diffRows = verdict.diff
    .map(
      (d) =>
        `<tr><td>${escapeHtml(d.field)}</td><td>${verdictBadge(d.outcome)}</td><td>${escapeHtml(d.detail)}</td><td class="muted">${escapeHtml(d.rule)}: ${escapeHtml(d.because)}</td></tr>`,
    )
    .join('');
  const unanchored =
    data.unanchored.length > 0
      ? `<p class="muted">Windows not drawn (no matching anchor): ${escapeHtml(data.unanchored.join(', '))}</p>`
      : '';
  return `<details class="case" data-outcome="${verdict.outcome}"${verdict.outcome === 'pass' ? '' : ' open'}>
<summary><code>${escapeHtml(item.id)}</code> ${verdictBadge(verdict.outcome)}<span class="muted">${attemptText} · ${(item.durationMs / 1000).toFixed(1)} s</span></summary>
<div class="timeline"><script type="application/json">${scriptJson(data)}</script></div>${unanchored}
<table><thead><tr><th>field</th><th>outcome</th><th>expected vs observed</th><th>rule</th></tr></thead><tbody>${diffRows}</tbody></table>
</details>
`;
}

/** The page in chunks, cases streamed from the source in report order; every property gets a section. */
export async function* htmlChunks(source: ReportSource): AsyncIterable<string> {
  const { skeleton } = source;
  yield header(skeleton);
  yield propertiesTable(skeleton);
  const indexOf = new Map(skeleton.properties.map((p, index) => [p.id, index]));
  let next = 0;
  let open = false;
  for await (const entry of source.cases()) {
    const index = indexOf.get(entry.propertyId) ?? -1;
    while (next <= index) {
      if (open) yield '</section>\n';
      yield propertyHeading(skeleton.properties[next], next);
      open = true;
      next += 1;
    }
    yield caseBlock(entry.case);
  }
  for (; next < skeleton.properties.length; next += 1) {
    if (open) yield '</section>\n';
    yield propertyHeading(skeleton.properties[next], next);
    open = true;
  }
  if (open) yield '</section>\n';
  yield `<script>${TIMELINE_SCRIPT}</script>\n</body></html>\n`;
}

export async function renderHtml(source: ReportSource): Promise<string> {
  const parts: string[] = [];
  for await (const chunk of htmlChunks(source)) parts.push(chunk);
  return parts.join('');
}

/** Writes index.html with back-pressure; resolves with its size in bytes. */
export async function writeHtml(source: ReportSource, file: string): Promise<number> {
  const out = createWriteStream(file, 'utf8');
  for await (const chunk of htmlChunks(source)) {
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return out.bytesWritten;
}
