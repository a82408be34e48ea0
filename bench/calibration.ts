import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { CoreV1Event } from '@kubernetes/client-node';
import type { TraceEntry } from '../model/trace';
import { sharedClusterState } from '../harness/shared-cluster-state';
import type { Capabilities } from '../model/capabilities';
import type { Scenario } from '../model/scenario';
import { quantile } from '../reporting/distribution';

/**
 * Issue 11: the latencies of a real cluster, measured from the traces of `kubeprop run --keep-traces`
 * reports, so that the fake cluster (harness/fake/latency.ts) can be calibrated to them and the
 * calibration regenerated (bench/calibration.bench.ts writes bench/calibration.md).
 *
 * Reports are read loosely (not through the schema): older reports, written before fields such as
 * waitedMs existed, are measured too. `t` is the harness's clock when it sent an action or received
 * a watch event; a log line's runtimeTime is containerd's stamp; both come from the same host clock.
 */

/** The parts of a report this file reads. */
export interface LooseReport {
  startedAt: string;
  endedAt: string;
  seed?: number;
  options: { concurrency: number };
  cluster?: {
    serverVersion?: { major?: number; minor?: number; gitVersion?: string };
    capabilities?: Capabilities;
  };
  properties: LooseProperty[];
}

interface LooseProperty {
  id: string;
  family: string;
  cases: LooseCase[];
}

interface LooseCase {
  id: string;
  durationMs: number;
  waitedMs?: number;
  scenario?: unknown;
  trace?: TraceEntry[];
}

export function readLooseReport(file: string): LooseReport {
  const bytes = readFileSync(file);
  const text = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  return JSON.parse(text) as LooseReport;
}

/** A sample's summary, in seconds. */
export interface Quantiles {
  n: number;
  min: number;
  p10: number;
  p25: number;
  p50: number;
  p75: number;
  p90: number;
  max: number;
}

export function quantilesOf(values: readonly number[]): Quantiles | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0],
    p10: quantile(sorted, 0.1),
    p25: quantile(sorted, 0.25),
    p50: quantile(sorted, 0.5),
    p75: quantile(sorted, 0.75),
    p90: quantile(sorted, 0.9),
    max: sorted[sorted.length - 1],
  };
}

function cases(report: LooseReport): LooseCase[] {
  return report.properties.flatMap((p) => p.cases);
}

type LogEntry = Extract<TraceEntry, { kind: 'log' }>;
type ActionEntry = Extract<TraceEntry, { kind: 'action' }>;
type EventEntry = Extract<TraceEntry, { kind: 'event' }>;

function logs(trace: TraceEntry[]): LogEntry[] {
  return trace.filter((e): e is LogEntry => e.kind === 'log');
}

function events(trace: TraceEntry[], reason: string): EventEntry[] {
  return trace.filter((e): e is EventEntry => e.kind === 'event' && e.event.reason === reason);
}

/** Pod creates the API accepted: the action and the pod's name. */
function acceptedPodCreates(trace: TraceEntry[]): { action: ActionEntry; pod: string }[] {
  const accepted = new Set(
    trace.flatMap((e) => (e.kind === 'actionResult' && e.action === 'create' && e.ok ? [e.target] : [])),
  );
  return trace.flatMap((e) =>
    e.kind === 'action' && e.action === 'create' && e.target?.startsWith('Pod/') && accepted.has(e.target)
      ? [{ action: e, pod: e.target.slice('Pod/'.length) }]
      : [],
  );
}

/** The container a kubelet event is about (involvedObject.fieldPath `spec.containers{name}`). */
function eventContainer(event: CoreV1Event): string | undefined {
  return /\{(.+)\}$/.exec(event.involvedObject.fieldPath ?? '')?.[1];
}

/** The first line any container of the pod wrote: the runtime's stamp of the first container start. */
function firstLineOfPod(trace: TraceEntry[], pod: string): number | undefined {
  const stamps = logs(trace)
    .filter((l) => l.pod === pod)
    .map((l) => l.runtimeTime);
  return stamps.length === 0 ? undefined : Math.min(...stamps);
}

/** The scheduler's Scheduled event carries a microsecond eventTime (events.k8s.io/v1). */
function scheduledAt(trace: TraceEntry[], pod: string): number | undefined {
  const event = events(trace, 'Scheduled').find((e) => e.event.involvedObject.name === pod)?.event;
  const time = event?.eventTime as unknown;
  if (time === undefined || time === null) return undefined;
  const ms = new Date(time as string | Date).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

/** Pod start: the create request → the first line a container of the pod wrote (its program's start). */
export function podStartSeconds(report: LooseReport): number[] {
  return cases(report).flatMap(({ trace = [] }) =>
    acceptedPodCreates(trace).flatMap(({ action, pod }) => {
      const first = firstLineOfPod(trace, pod);
      return first === undefined ? [] : [(first - action.t) / 1000];
    }),
  );
}

/** Scheduling: the create request → the scheduler's Scheduled event (its eventTime). */
export function schedulingSeconds(report: LooseReport): number[] {
  return cases(report).flatMap(({ trace = [] }) =>
    acceptedPodCreates(trace).flatMap(({ action, pod }) => {
      const at = scheduledAt(trace, pod);
      return at === undefined || firstLineOfPod(trace, pod) === undefined ? [] : [(at - action.t) / 1000];
    }),
  );
}

/** Binding → first container start: the Scheduled event's eventTime → the pod's first line. */
export function bindToStartSeconds(report: LooseReport): number[] {
  return cases(report).flatMap(({ trace = [] }) =>
    acceptedPodCreates(trace).flatMap(({ pod }) => {
      const at = scheduledAt(trace, pod);
      const first = firstLineOfPod(trace, pod);
      return at === undefined || first === undefined ? [] : [(first - at) / 1000];
    }),
  );
}

/** The first thing a container does when the kubelet stops it: SIGTERM, or its preStop hook starting. */
const STOP_MARKERS = /^kp (sigterm|prestop-start|http \/cgi-bin\/prestop)/;

/** Kubelet reaction to a delete: the delete request → the pod's first SIGTERM or preStop start. */
export function deleteReactionSeconds(report: LooseReport): number[] {
  return cases(report).flatMap(({ trace = [] }) =>
    trace.flatMap((e) => {
      // A delete's target is the pod's name (an object create's is Kind/name).
      if (e.kind !== 'action' || e.action !== 'delete' || e.target === undefined) return [];
      const pod = e.target.replace(/^Pod\//, '');
      const stops = logs(trace)
        .filter((l) => l.pod === pod && STOP_MARKERS.test(l.text) && l.runtimeTime >= e.t - 50)
        .map((l) => l.runtimeTime);
      return stops.length === 0 ? [] : [(Math.min(...stops) - e.t) / 1000];
    }),
  );
}

/** periodSeconds of an httpGet probe of a container, from the case's scenario (any family's shape). */
function httpProbePeriods(scenario: unknown): Map<string, number> {
  const periods = new Map<string, number>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const probes = record.probes as Record<string, { periodSeconds?: number; handler?: { kind?: string } }>;
      if (typeof record.name === 'string' && probes && typeof probes === 'object') {
        for (const [kind, probe] of Object.entries(probes)) {
          if (probe?.handler?.kind === 'httpGet' && probe.periodSeconds !== undefined) {
            periods.set(`${record.name}/${kind}`, probe.periodSeconds);
          }
        }
      }
      Object.values(record).forEach(visit);
    }
  };
  visit(scenario);
  return periods;
}

/**
 * Probe timer: consecutive requests of one httpGet probe in one container instance (no restart in
 * between) − periodSeconds. Only gaps within half a period of the nominal one count (a failure
 * threshold's restart or two probes on one path would otherwise be read as timer error).
 */
export function probePeriodOffsetSeconds(report: LooseReport): number[] {
  return cases(report).flatMap(({ trace = [], scenario }) => {
    const periods = httpProbePeriods(scenario);
    const result: number[] = [];
    for (const [key, period] of periods) {
      const [container, kind] = key.split('/');
      const lines = logs(trace).filter((l) => l.container === container);
      let previous: number | undefined;
      for (const line of lines) {
        if (line.text === 'kp started') previous = undefined;
        if (line.text !== `kp http /cgi-bin/probe-${kind}`) continue;
        if (previous !== undefined) {
          const offset = (line.runtimeTime - previous) / 1000 - period;
          if (Math.abs(offset) < period / 2) result.push(offset);
        }
        previous = line.runtimeTime;
      }
    }
    return result;
  });
}

/**
 * Event delivery: the watch delivering a kubelet event (its `t`) − the runtime stamp of what it
 * reports. Started: the container's first line. Killing: the container's stop marker nearest to the
 * event. Unhealthy (HTTP probes): the last request of that probe before the event.
 */
export function eventDelaySeconds(
  report: LooseReport,
  reason: 'Started' | 'Killing' | 'Unhealthy',
): number[] {
  return cases(report).flatMap(({ trace = [] }) => {
    const all = logs(trace);
    const seen = new Set<string>();
    return events(trace, reason).flatMap(({ t, event }) => {
      const container = eventContainer(event);
      const pod = event.involvedObject.name;
      // A repeated event (count > 1) is the same event updated: only its first delivery is measured.
      const id = event.metadata?.name ?? '';
      if (container === undefined || seen.has(id)) return [];
      seen.add(id);
      const mine = all.filter((l) => l.pod === pod && l.container === container);
      let stamp: number | undefined;
      if (reason === 'Started') stamp = mine[0]?.runtimeTime;
      // Only containers without a preStop hook: the kubelet records Killing, then runs a hook before
      // the signal, so with a hook the first marker comes a hook start-up after the event.
      if (
        reason === 'Killing' &&
        !mine.some((l) => /^kp (prestop-start|http \/cgi-bin\/prestop)/.test(l.text))
      ) {
        const stops = mine.filter((l) => l.text === 'kp sigterm' && Math.abs(l.runtimeTime - t) < 5000);
        stops.sort((a, b) => Math.abs(a.runtimeTime - t) - Math.abs(b.runtimeTime - t));
        stamp = stops[0]?.runtimeTime;
      }
      if (reason === 'Unhealthy') {
        const kind = /^(Readiness|Liveness|Startup) probe failed: HTTP/.exec(event.message ?? '')?.[1];
        const requests = mine.filter(
          (l) => kind && l.text === `kp http /cgi-bin/probe-${kind.toLowerCase()}` && l.runtimeTime <= t,
        );
        stamp = requests[requests.length - 1]?.runtimeTime;
      }
      return stamp === undefined ? [] : [(t - stamp) / 1000];
    });
  });
}

/**
 * Namespace deletion, where cleanup was on a case's critical path (reports whose cases have no
 * waitedMs, i.e. before cleanup ran in the background): the case's duration beyond its last trace
 * entry, i.e. the namespace's delete → gone, plus releasing the pods' finalizers.
 */
export function namespaceDeletionSeconds(report: LooseReport): number[] {
  return cases(report).flatMap(({ trace = [], durationMs, waitedMs }) => {
    if (waitedMs !== undefined || trace.length === 0) return [];
    const span = trace[trace.length - 1].t - trace[0].t;
    return [(durationMs - span) / 1000];
  });
}

/** A case's start: its first trace entry (the namespace create, the executor's first action). */
function caseStart(trace: TraceEntry[]): number | undefined {
  return trace.find((e) => e.t !== undefined)?.t;
}

/**
 * Cleanup on the critical path in a run that cleans up in the background: a case holding a lock on
 * shared node state (harness/shared-cluster-state.ts) restores it and deletes its namespace (pods
 * force-deleted) before it returns, so its duration beyond its last trace entry is the namespace's
 * delete → gone (plus one node patch).
 */
export function lockedCaseCleanupSeconds(report: LooseReport): number[] {
  return cases(report).flatMap(({ trace = [], durationMs, waitedMs, scenario }) => {
    if (waitedMs === undefined || trace.length === 0 || scenario === undefined) return [];
    if (sharedClusterState(scenario as Scenario).length === 0) return [];
    const start = caseStart(trace);
    return start === undefined ? [] : [(durationMs - (trace[trace.length - 1].t - start)) / 1000];
  });
}

/**
 * The end of the run: the last case's end (its start plus its duration) → the report's endedAt, i.e.
 * the cases' background cleanups the run waits for (the last case's namespace deletion). One figure
 * per run; needs traces.
 */
export function endOfRunSeconds(report: LooseReport): number[] {
  const ends = cases(report).flatMap(({ trace = [], durationMs }) => {
    const start = caseStart(trace);
    return start === undefined ? [] : [start + durationMs];
  });
  return ends.length === 0 ? [] : [(Date.parse(report.endedAt) - Math.max(...ends)) / 1000];
}

/** One API call: an action → its result (namespace creates apart), as the run's load made it. */
export function apiCallSeconds(report: LooseReport): number[] {
  return cases(report).flatMap(({ trace = [] }) => {
    const open = new Map<string, number>();
    const result: number[] = [];
    for (const e of trace) {
      if ((e.kind !== 'action' && e.kind !== 'actionResult') || e.action === 'createNamespace') continue;
      const key = `${e.action} ${e.target ?? ''}`;
      if (e.kind === 'action') open.set(key, e.t);
      else if (open.has(key)) {
        result.push((e.t - (open.get(key) ?? e.t)) / 1000);
        open.delete(key);
      }
    }
    return result;
  });
}

/** A case's set-up: its start → its first action after the namespaces (creates, watches opened). */
export function caseSetupSeconds(report: LooseReport): number[] {
  return cases(report).flatMap(({ trace = [] }) => {
    const start = caseStart(trace);
    const first = trace.find((e) => e.kind === 'action' && e.action !== 'createNamespace');
    return start === undefined || first === undefined ? [] : [(first.t - start) / 1000];
  });
}

/** The quota controller counting a new custom resource: the probe quota's create → counted. */
export function quotaDiscoverySeconds(report: LooseReport): number[] {
  return cases(report).flatMap(({ trace = [] }) => {
    const probe = trace.find(
      (e) => e.kind === 'action' && e.action === 'create' && e.target === 'ResourceQuota/discovery-probe',
    );
    const counted = trace.find(
      (e) => e.kind === 'waitDone' && e.what.endsWith('counted by the quota controller'),
    );
    return probe === undefined || counted === undefined ? [] : [(counted.t - probe.t) / 1000];
  });
}

/** The NetworkPolicy topology: its last pod create → every pod Running with an IP. */
export function topologyRunningSeconds(report: LooseReport): number[] {
  return cases(report).flatMap(({ trace = [] }) => {
    const running = trace.findIndex((e) => e.kind === 'waitDone' && e.what.endsWith('Running with an IP'));
    if (running < 0) return [];
    const creates = trace
      .slice(0, running)
      .filter((e) => e.kind === 'action' && e.action === 'create' && e.target?.startsWith('Pod/'));
    return creates.length === 0 ? [] : [(trace[running].t - creates[creates.length - 1].t) / 1000];
  });
}

/** The reachability matrix: the last policy created → the last cell's result (the 3 s settle included). */
export function reachabilityMatrixSeconds(report: LooseReport): number[] {
  return cases(report).flatMap(({ trace = [] }) => {
    const policies = trace.filter((e) => e.kind === 'actionResult' && e.target?.startsWith('NetworkPolicy/'));
    const cells = trace.filter((e) => e.kind === 'reachability');
    if (policies.length === 0 || cells.length === 0) return [];
    return [(cells[cells.length - 1].t - policies[policies.length - 1].t) / 1000];
  });
}

/** Each case's duration, by family. */
export function caseSecondsByFamily(report: LooseReport): Map<string, number[]> {
  const byFamily = new Map<string, number[]>();
  for (const property of report.properties) {
    const list = byFamily.get(property.family) ?? [];
    list.push(...property.cases.map((c) => c.durationMs / 1000));
    byFamily.set(property.family, list);
  }
  return byFamily;
}

/** The run as a whole: its wall (startedAt → endedAt), concurrency and case totals. */
export interface RunFigures {
  wallSeconds: number;
  concurrency: number;
  cases: number;
  caseSeconds: number;
  /** Σ waitedMs, where the report records it. */
  waitSeconds?: number;
}

export function runFigures(report: LooseReport): RunFigures {
  const all = cases(report);
  const waits = all.every((c) => c.waitedMs !== undefined)
    ? all.reduce((sum, c) => sum + (c.waitedMs ?? 0), 0) / 1000
    : undefined;
  return {
    wallSeconds: (Date.parse(report.endedAt) - Date.parse(report.startedAt)) / 1000,
    concurrency: report.options.concurrency,
    cases: all.length,
    caseSeconds: all.reduce((sum, c) => sum + c.durationMs, 0) / 1000,
    ...(waits !== undefined ? { waitSeconds: waits } : {}),
  };
}

/** One measured quantity of one report. */
export interface Measured {
  quantity: string;
  how: string;
  source: string;
  quantiles?: Quantiles;
}

/** Every latency this file measures, of one report. */
export function measureLatencies(report: LooseReport, source: string): Measured[] {
  const row = (quantity: string, how: string, values: number[]): Measured => ({
    quantity,
    how,
    source,
    quantiles: quantilesOf(values),
  });
  return [
    row(
      'pod start',
      '`create Pod` action → the first line any container of the pod wrote',
      podStartSeconds(report),
    ),
    row('scheduling', '`create Pod` action → `Scheduled` eventTime (µs)', schedulingSeconds(report)),
    row(
      'binding → first container start',
      '`Scheduled` eventTime → the pod’s first line',
      bindToStartSeconds(report),
    ),
    row(
      'kubelet reaction to a delete',
      '`delete` action → the pod’s first `kp sigterm`, `kp prestop-start` or preStop HTTP request',
      deleteReactionSeconds(report),
    ),
    row(
      'probe timer offset',
      'consecutive requests of one httpGet probe in one container instance − periodSeconds',
      probePeriodOffsetSeconds(report),
    ),
    row(
      'Started event delivery',
      'watch delivers `Started` − the container’s first line',
      eventDelaySeconds(report, 'Started'),
    ),
    row(
      'Killing event delivery',
      'watch delivers `Killing` − the nearest `kp sigterm` of that container (containers without preStop)',
      eventDelaySeconds(report, 'Killing'),
    ),
    row(
      'Unhealthy event delivery',
      'watch delivers `Unhealthy` (HTTP probe) − the probe’s last request before it',
      eventDelaySeconds(report, 'Unhealthy'),
    ),
    row(
      'namespace deletion',
      'case duration beyond its last trace entry (cleanup on the critical path: reports without waitedMs)',
      namespaceDeletionSeconds(report),
    ),
    row(
      'namespace deletion (locked cases)',
      'case duration beyond its last trace entry, for cases under a shared-node-state lock (their cleanup is on the critical path)',
      lockedCaseCleanupSeconds(report),
    ),
    row(
      'end of the run',
      'the last case’s end → the report’s `endedAt` (the background cleanups the run waits for)',
      endOfRunSeconds(report),
    ),
    row('API call', 'an action → its result (namespace creates apart)', apiCallSeconds(report)),
    row(
      'case set-up',
      'a case’s first trace entry → its first action after its namespaces',
      caseSetupSeconds(report),
    ),
    row(
      'quota discovery of a new resource',
      '`create ResourceQuota/discovery-probe` → its count in status.used (quota/custom-resource)',
      quotaDiscoverySeconds(report),
    ),
    row(
      'NetworkPolicy topology start',
      'the last topology pod’s create → all nine Running with an IP',
      topologyRunningSeconds(report),
    ),
    row(
      'reachability matrix',
      'the last NetworkPolicy created → the last cell’s result',
      reachabilityMatrixSeconds(report),
    ),
  ];
}

function secondsText(value: number): string {
  return `${value.toFixed(Math.abs(value) < 10 ? 2 : 1)} s`;
}

function table(rows: { name: string; how?: string; source: string; q?: Quantiles }[]): string[] {
  const lines = [
    '| quantity | how | source | n | min | p10 | p25 | p50 | p75 | p90 | max |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const { name, how = '', source, q } of rows) {
    const cells = q
      ? [q.n, q.min, q.p10, q.p25, q.p50, q.p75, q.p90, q.max].map((v, i) =>
          i === 0 ? String(v) : secondsText(v),
        )
      : ['0', '—', '—', '—', '—', '—', '—', '—'];
    lines.push(`| ${name} | ${how} | \`${source}\` | ${cells.join(' | ')} |`);
  }
  return lines;
}

/** A report to measure: its path as shown in the document, and its contents. */
export interface CalibrationSource {
  path: string;
  report: LooseReport;
}

/** bench/calibration.md: every figure with its n, quantiles and source file. */
export function renderCalibration(sources: readonly CalibrationSource[], missing: readonly string[]): string {
  const out = [
    '# Calibration of the fake cluster from real runs',
    '',
    'Generated by `npm run bench calibration` (bench/calibration.bench.ts, measurements in',
    'bench/calibration.ts) from the traces of `kubeprop run --keep-traces` reports; do not edit by hand.',
    '`t` is the harness’s clock (action sent, watch event received), a log line’s stamp is containerd’s;',
    'both are the same host’s clock. The fake’s latencies (harness/fake/latency.ts) are the first',
    'source’s quantile tables, sampled by inverse CDF from the fake’s seeded generator;',
    'test/harness/fake/latency-tables.test.ts holds them equal to what this file measures.',
    '',
    '## Latencies',
    '',
  ];
  const rows = sources.flatMap(({ path, report }) =>
    measureLatencies(report, path).map((m) => ({
      name: m.quantity,
      how: m.how,
      source: m.source,
      q: m.quantiles,
    })),
  );
  rows.sort((a, b) => (a.name === b.name ? 0 : a.name < b.name ? -1 : 1));
  out.push(...table(rows), '');
  out.push('## Case durations per family', '');
  out.push(
    ...table(
      sources.flatMap(({ path, report }) =>
        [...caseSecondsByFamily(report)].map(([family, values]) => ({
          name: family,
          source: path,
          q: quantilesOf(values),
        })),
      ),
    ),
    '',
  );
  out.push('## Runs', '');
  out.push(
    '| source | server | concurrency | cases | wall | Σ case durations | Σ case waits | wall ÷ (Σ waits ÷ concurrency) |',
  );
  out.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const { path, report } of sources) {
    const f = runFigures(report);
    const ratio = f.waitSeconds ? (f.wallSeconds / (f.waitSeconds / f.concurrency)).toFixed(2) : '—';
    out.push(
      `| \`${path}\` | ${report.cluster?.serverVersion?.gitVersion ?? '?'} | ${f.concurrency} | ${f.cases} | ` +
        `${secondsText(f.wallSeconds)} | ${secondsText(f.caseSeconds)} | ` +
        `${f.waitSeconds === undefined ? '—' : secondsText(f.waitSeconds)} | ${ratio} |`,
    );
  }
  out.push('');
  out.push(
    '## What the fake and the ETA take from them',
    '',
    'From the first source (run10: the default run on the v1.26.1 node, 6 slots, 215 cases, 530 s):',
    '',
    '- Scheduling and binding → first container start: harness/fake/latency.ts draws from run10’s tables',
    '  (the fake kubelet’s default, `createFakeKubelet({ calibrated: false })` turns it off), pod start up',
    '  to its p99; observe windows follow a late start (harness/observe/watch-window.ts).',
    '- Namespace deletion: run10 deleted namespaces in the background, except for the cases under a',
    '  shared-node-state lock, whose cleanup was on their critical path (“namespace deletion (locked',
    '  cases)”, 5.7–20.4 s): every fake namespace is drawn from that table. The end of the run, the last',
    '  case’s namespace deletion, took 7.0 s; reporting/eta.ts counts 6.5 s (run10 and the 5.9 s of run7).',
    '- Kubelet reaction to a delete: run10’s mean is 0.60 s (n 44); the fake reacts within 30–100 % of',
    '  1 s (mean 0.65 s), kept.',
    '- Event delivery and probe timers: within ±0.02 s at the median in run10; the fake delivers events',
    '  at once and keeps its probe ticker’s ±0.01 s.',
    '- API calls (mean 0.12 s at 6 slots) and case set-up (mean 0.39 s): the plan’s figures',
    '  (runner/case-estimate.ts), with the quota discovery, the NetworkPolicy topology start and the',
    '  reachability matrix; the fake answers API calls at once and runs its reachability execs at once',
    '  (not calibrated: the NetworkPolicy cases took 48 s on the fake against 315 s on run10’s node).',
    '',
  );
  if (missing.length > 0) {
    out.push(
      `Not found when this was generated (not measured): ${missing.map((m) => `\`${m}\``).join(', ')}.`,
      '',
    );
  }
  return out.join('\n');
}
