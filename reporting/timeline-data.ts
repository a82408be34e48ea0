import type { Expected, Expectation } from '../model/expectation';
import { NO_UPPER_BOUND, type Observation, type Observed } from '../model/observation';
import type { FieldOutcome } from '../verdicts/compare-field';
import type { CaseVerdict } from '../verdicts/case-verdict';

/** What the HTML report draws for one case; seconds relative to `t0` (epoch ms). */
export interface TimelineData {
  t0: number;
  events: { x: number; what: string; lane: string; source: string; detail?: string }[];
  windows: {
    field: string;
    /** The model's window without and with slack. */
    earliest: number;
    latest: number;
    slack: number;
    observed?: { lo: number; hi: number };
    outcome: FieldOutcome;
  }[];
  /** Window fields whose anchor could not be found among the observation's anchors. */
  unanchored: string[];
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/**
 * The anchor a window field is relative to. Field names say their anchor ("c.sigkillAfterSigtermSeconds"
 * is relative to SIGTERM of container c), so the anchor is matched by name: the field itself, then
 * "<prefix>.<anchor>", then "<anchor>" alone; with a single anchor, that one.
 */
export function anchorForField(field: string, anchors: Record<string, number>): string | undefined {
  const names = Object.keys(anchors).sort();
  if (field in anchors) return field;
  const word = /After([A-Za-z0-9]+?)(?:Seconds|Ms)?$/.exec(lastSegment(field))?.[1];
  if (word !== undefined) {
    const prefix = field.includes('.') ? field.slice(0, field.lastIndexOf('.')) : '';
    const wanted = [normalise(prefix + word), normalise(word)];
    for (const target of wanted) {
      const exact = names.find((name) => normalise(name) === target);
      if (exact !== undefined) return exact;
    }
    const bySegment = names.filter((name) => normalise(lastSegment(name)) === normalise(word));
    if (bySegment.length === 1) return bySegment[0];
  }
  return names.length === 1 ? names[0] : undefined;
}

/** Lays a case's timeline and expected windows on one axis. */
export function timelineData(
  observation: Observation,
  expectation: Expectation,
  verdict: CaseVerdict,
): TimelineData {
  const instants = [...observation.timeline.map((entry) => entry.at), ...Object.values(observation.anchors)];
  const t0 = instants.length > 0 ? Math.min(...instants) : 0;
  const outcomes = new Map(verdict.diff.map((d) => [d.field, d.outcome]));
  const windows: TimelineData['windows'] = [];
  const unanchored: string[] = [];
  for (const field of Object.keys(expectation.fields).sort()) {
    const { expected } = expectation.fields[field];
    if (expected.kind !== 'window') continue;
    const anchor = anchorForField(field, observation.anchors);
    if (anchor === undefined) {
      unanchored.push(field);
      continue;
    }
    const offset = (observation.anchors[anchor] - t0) / 1000;
    const seen = observation.fields[field];
    windows.push({
      field,
      earliest: offset + expected.earliest,
      latest: offset + expected.latest,
      slack: expected.slack,
      observed: seen?.kind === 'instant' ? observedBar(offset, seen, expected) : undefined,
      outcome: outcomes.get(field) ?? 'inconclusive',
    });
  }
  const events = [...observation.timeline]
    .sort((a, b) => a.at - b.at)
    .map((entry) => ({
      x: (entry.at - t0) / 1000,
      what: entry.what,
      lane: entry.container ?? entry.pod ?? 'pod',
      source: entry.source,
      ...(entry.detail === undefined ? {} : { detail: entry.detail }),
    }));
  return { t0, events, windows, unanchored };
}

/** The observed bar; an instant known only from below is drawn up to a second past the window. */
function observedBar(
  offset: number,
  seen: Extract<Observed, { kind: 'instant' }>,
  expected: Extract<Expected, { kind: 'window' }>,
): { lo: number; hi: number } {
  const hi = seen.hi === NO_UPPER_BOUND ? Math.max(seen.lo, expected.latest + expected.slack) + 1 : seen.hi;
  return { lo: offset + seen.lo, hi: offset + hi };
}
