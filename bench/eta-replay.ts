import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Capabilities } from '../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../model/expectation';
import type { Scenario } from '../model/scenario';
import { sharedClusterState } from '../harness/shared-cluster-state';
import { Progress } from '../reporting/progress';
import { planOfScenarios } from '../runner/case-estimate';
import { isPlannedCase } from '../runner/property-runner';
import type { PropertyDefinition } from '../runner/property-definition';

/**
 * Issue 11: how close the ETA shown during a real run came to the real remaining time. A real run's
 * cases (when each started and how long it took, from `kubeprop run --keep-traces`) are replayed
 * through reporting/progress.ts on a virtual clock, with the plan the CLI makes before the run
 * (runner/case-estimate.ts, from the same scenarios; skipped properties planned without cases), and
 * every ETA it would have shown is set against the time the run really had left: to the report's
 * endedAt, so the end of the run after its last case (the cleanups it waits for) counts too.
 */

/** One case of a real run: when it started (ms after the first case) and how long it took. */
export interface TimelineCase {
  propertyId: string;
  id: string;
  attempt: number;
  startMs: number;
  durationMs: number;
}

/** What the replay needs of a real run: its shape, its planned scenarios and its case timings. */
export interface RunTimeline {
  source: string;
  concurrency: number;
  capabilities: Capabilities;
  /** runsPlanned is 0 for a property the run skipped (unsupported), as the CLI plans it. */
  properties: { id: string; family: string; runsPlanned: number }[];
  /**
   * The run's wall, ms: report startedAt → endedAt, which takes in the end of the run after the last
   * case (the cases' background cleanups it waits for). Case starts are counted from startedAt.
   */
  wallMs: number;
  /** The exploration scenarios of each property, in case order (the plan is made from them). */
  scenarios: Record<string, Scenario[]>;
  cases: TimelineCase[];
}

interface LooseCaseLine {
  propertyId: string;
  case: {
    id: string;
    scenario: Scenario;
    attempt: { number: number };
    durationMs: number;
    trace?: { t?: number }[];
  };
}

interface LooseReportHead {
  startedAt: string;
  endedAt: string;
  options: { concurrency: number };
  cluster: { capabilities: Capabilities };
  properties: { id: string; family: string; runsPlanned: number; verdict: string }[];
}

/**
 * The timeline of a run directory's report.json and cases.ndjson. A case's start is its first
 * trace entry (the namespace create: the executor's first action), so the run needs --keep-traces;
 * times count from the report's startedAt, the run's end is its endedAt.
 */
export function timelineOfRun(dir: string, source: string): RunTimeline {
  const head = JSON.parse(readFileSync(`${dir}/report.json`, 'utf8')) as LooseReportHead;
  const lines = readFileSync(`${dir}/cases.ndjson`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as LooseCaseLine);
  const started = lines.map((line) => line.case.trace?.find((entry) => entry.t !== undefined)?.t);
  if (started.some((t) => t === undefined))
    throw new Error(`${dir}: a case has no trace (run with --keep-traces)`);
  const origin = Date.parse(head.startedAt);
  const scenarios: Record<string, Scenario[]> = {};
  for (const { propertyId, case: c } of lines) {
    const index = /-r(\d+)$/.exec(c.id)?.[1];
    if (c.attempt.number !== 1 || index === undefined) continue;
    (scenarios[propertyId] ??= [])[Number(index)] = c.scenario;
  }
  return {
    source,
    concurrency: head.options.concurrency,
    capabilities: head.cluster.capabilities,
    properties: head.properties.map(({ id, family, runsPlanned, verdict }) => ({
      id,
      family,
      runsPlanned: verdict === 'skipped' ? 0 : runsPlanned,
    })),
    wallMs: Date.parse(head.endedAt) - origin,
    scenarios,
    cases: lines.map(({ propertyId, case: c }, index) => ({
      propertyId,
      id: c.id,
      attempt: c.attempt.number,
      startMs: (started[index] as number) - origin,
      durationMs: c.durationMs,
    })),
  };
}

export function readTimeline(file: string): RunTimeline {
  const bytes = readFileSync(file);
  return JSON.parse((file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8')) as RunTimeline;
}

/** One ETA the run would have shown, and the time it really had left, ms. */
export interface EtaPoint {
  elapsedMs: number;
  etaMs: number;
  actualMs: number;
}

/**
 * Every ETA the progress line would have shown (one per case start or end, the last at the last
 * case's end with the run's wait for its cleanup still to go), replayed with today's plan and ETA
 * code. Properties without a definition (renamed since) are planned without estimate.
 */
export function replayEta(timeline: RunTimeline, definitions: readonly PropertyDefinition[]): EtaPoint[] {
  let now = 0;
  const progress = new Progress(
    { write: () => undefined },
    { now: () => now },
    {
      concurrency: timeline.concurrency,
    },
  );
  const byId = new Map(definitions.map((definition) => [definition.id, definition]));
  for (const property of timeline.properties) {
    const definition = byId.get(property.id);
    const scenarios = (timeline.scenarios[property.id] ?? []).filter((s) => s !== undefined);
    progress.plan(property.family, property.runsPlanned, {
      id: property.id,
      ...(definition === undefined
        ? {}
        : planOfScenarios(definition, scenarios, timeline.capabilities, DEFAULT_MODEL_OPTIONS)),
    });
  }
  const familyOf = new Map(timeline.properties.map((p) => [p.id, p.family]));
  const scenarioOf = (c: TimelineCase): Scenario | undefined => {
    const index = /-r(\d+)(?:-|$)/.exec(c.id)?.[1];
    return index === undefined ? undefined : timeline.scenarios[c.propertyId]?.[Number(index)];
  };
  const events = timeline.cases.flatMap((c) => [
    { at: c.startMs, start: true, c },
    { at: c.startMs + c.durationMs, start: false, c },
  ]);
  events.sort((a, b) => a.at - b.at || Number(a.start) - Number(b.start));
  const end = timeline.wallMs;
  const points: EtaPoint[] = [];
  for (const { at, start, c } of events) {
    now = at;
    const family = familyOf.get(c.propertyId) ?? c.propertyId.split('/')[0];
    if (start) {
      const scenario = scenarioOf(c);
      progress.caseStarted(family, c.propertyId, {
        caseId: c.id,
        planned: isPlannedCase({ id: c.id, attempt: { number: c.attempt } }),
        lockKeys: scenario === undefined ? [] : sharedClusterState(scenario),
      });
    } else {
      const extra = !isPlannedCase({ id: c.id, attempt: { number: c.attempt } });
      progress.caseDone(family, 'pass', {
        propertyId: c.propertyId,
        durationMs: c.durationMs,
        extra,
        caseId: c.id,
      });
    }
    const eta = progress.remainingMs();
    if (eta !== undefined) points.push({ elapsedMs: at, etaMs: eta, actualMs: end - at });
  }
  return points;
}

/** The ETA's relative error at each point after `afterMs` with time left: (eta − actual) ÷ actual. */
export function etaErrors(points: readonly EtaPoint[], afterMs: number): number[] {
  return points
    .filter((point) => point.elapsedMs >= afterMs && point.actualMs > 0)
    .map((point) => (point.etaMs - point.actualMs) / point.actualMs);
}
