import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCapabilities, parseServerVersion } from '../model/capabilities';
import type { Expectation } from '../model/expectation';
import type { Observation } from '../model/observation';
import type { TerminationScenario } from '../model/scenario';
import { compareReports } from '../reporting/compare-reports';
import { writeHtml } from '../reporting/html-report';
import { judgeReport } from '../reporting/judge-report';
import { ReportWriter } from '../reporting/report-writer';
import { openReport } from '../reporting/report-stream';
import type { CaseReport, ReportHeader } from '../reporting/report-types';
import type { PropertyDefinition } from '../runner/property-definition';
import type { BenchResult } from './run-all';
import { judgeCase } from '../verdicts/case-verdict';

/** Benchmarks of the offline side on a synthetic 10,000-case report (100 properties × 100 cases). */
const PROPERTIES = 100;
const CASES_PER_PROPERTY = 100;
const T0 = Date.parse('2025-01-01T00:00:00Z');

function scenario(grace: number): TerminationScenario {
  return {
    family: 'termination',
    withService: true,
    delete: { afterRunningSeconds: 1 },
    pod: {
      name: 'p',
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: grace,
      initContainers: [],
      labels: { app: 'kp' },
      containers: [
        {
          name: 'app',
          behaviour: { startDelaySeconds: 0.5, sigterm: { kind: 'ignore' }, readyAfterSeconds: 1 },
          ports: [{ name: 'http', containerPort: 8080 }],
          resources: { requests: { cpuMilli: 10, memoryMi: 16 }, limits: { cpuMilli: 100, memoryMi: 32 } },
          lifecycle: { preStop: { kind: 'exec', durationSeconds: 1, exitCode: 0 } },
          probes: {},
        },
      ],
    },
  };
}

function expectation(grace: number): Expectation {
  return {
    family: 'termination',
    fields: {
      'app.sigkillAfterSigtermSeconds': {
        expected: { kind: 'window', earliest: grace - 1, latest: grace - 1, slack: 1 },
        rule: 'termination.sigkill-after-grace',
        because: `grace ${grace} s, preStop 1 s`,
      },
      'app.exitCode': {
        expected: { kind: 'equals', value: 137 },
        rule: 'termination.exit-code',
        because: '128 + 9',
      },
    },
  };
}

function observation(i: number, grace: number): Observation {
  const start = T0 + i * 20000;
  const sigterm = start + 3000;
  const delay = grace - 1 + ((i * 7919) % 100) / 100;
  return {
    fields: {
      'app.sigkillAfterSigtermSeconds': { kind: 'instant', lo: delay, hi: delay + 0.25 },
      'app.readyAfterStartedSeconds': { kind: 'instant', lo: 1.0, hi: 1.1 + (i % 10) / 100 },
      'app.exitCode': { kind: 'value', value: 137 },
    },
    anchors: { 'app.sigterm': sigterm, 'app.started': start + 400 },
    timeline: [
      'created',
      'scheduled',
      'started',
      'ready',
      'delete',
      'prestop-start',
      'prestop-end',
      'sigterm',
      'exit',
    ].map((what, k) => ({
      at: start + k * 600,
      what,
      container: k < 2 ? undefined : 'app',
      pod: 'p',
      source: 'runtime' as const,
    })),
  };
}

function syntheticCase(i: number): CaseReport {
  const grace = 2 + (i % 5);
  const exp = expectation(grace);
  const obs = observation(i, grace);
  return {
    id: `case-${i}`,
    scenario: scenario(grace),
    objects: [
      {
        kind: 'Pod',
        apiVersion: 'v1',
        metadata: { name: 'p', namespace: `kp-${i}`, labels: { app: 'kp' } },
        spec: { terminationGracePeriodSeconds: grace, containers: [{ name: 'app', image: 'busybox:1.36' }] },
      },
    ],
    observation: obs,
    expectation: exp,
    verdict: judgeCase(exp, obs),
    attempt: { number: 1 },
    durationMs: 9000,
  };
}

function header(version: string): ReportHeader {
  const serverVersion = parseServerVersion(version);
  return {
    kubepropVersion: '0.1.0',
    runId: `bench-${version}`,
    startedAt: new Date(T0).toISOString(),
    seed: 1,
    options: { families: ['termination'], concurrency: 4, image: 'busybox:1.36', keepTraces: false },
    cluster: { serverVersion, nodeImages: [], capabilities: defaultCapabilities(serverVersion) },
  };
}

const definitions: PropertyDefinition<'termination'>[] = Array.from({ length: PROPERTIES }, (_, p) => ({
  id: `termination/bench-${p}`,
  family: 'termination',
  statement: 'bench',
  arbitrary: () => {
    throw new Error('offline only');
  },
  expect: (s) => expectation(s.pod.terminationGracePeriodSeconds ?? 30),
  observe: () => {
    throw new Error('no traces in the bench report');
  },
  fields: ['app.sigkillAfterSigtermSeconds', 'app.exitCode'],
  budget: { numRuns: CASES_PER_PROPERTY, caseSeconds: 60, totalSeconds: 3600, shrinkSeconds: 60 },
}));

async function writeSynthetic(dir: string, version: string): Promise<string> {
  const writer = ReportWriter.open(dir, header(version));
  for (let p = 0; p < PROPERTIES; p += 1) {
    const id = `termination/bench-${p}`;
    writer.beginProperty({
      id,
      family: 'termination',
      statement: 'bench',
      runsPlanned: CASES_PER_PROPERTY,
      seed: p,
    });
    for (let c = 0; c < CASES_PER_PROPERTY; c += 1)
      writer.addCase(id, syntheticCase(p * CASES_PER_PROPERTY + c));
    writer.endProperty(id, {
      verdict: 'pass',
      runsMade: CASES_PER_PROPERTY,
      outOfTime: false,
      durationMs: 1000,
    });
  }
  return writer.finalize('bench: derived files written separately');
}

/** Peak RSS while `work` runs, sampled every 10 ms. */
async function measured<T>(
  work: () => Promise<T>,
): Promise<{ result: T; seconds: number; peakRssMb: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const started = performance.now();
  try {
    const result = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { result, seconds: (performance.now() - started) / 1000, peakRssMb: peak / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'kubeprop-bench-'));
  try {
    const written = await measured(async () => [
      await writeSynthetic(join(dir, 'a'), 'v1.33.4'),
      await writeSynthetic(join(dir, 'b'), 'v1.34.0'),
    ]);
    const [a, b] = written.result;
    const judged = await measured(async () => judgeReport(await openReport(a), definitions));
    if (judged.result.casesJudged !== PROPERTIES * CASES_PER_PROPERTY) throw new Error('judge skipped cases');
    const compared = await measured(async () => compareReports(await openReport(a), await openReport(b)));
    const html = await measured(async () => writeHtml(await openReport(a), join(dir, 'index.html')));
    const cases = PROPERTIES * CASES_PER_PROPERTY;
    return [
      { name: `reporting: write two ${cases}-case reports`, value: written.seconds, unit: 's' },
      {
        name: `reporting: report.json size (${cases} cases, no traces)`,
        value: statSync(a).size / 2 ** 20,
        unit: 'MiB',
      },
      { name: `reporting: judge ${cases} cases`, value: judged.seconds, unit: 's', target: '≤ 5 s' },
      {
        name: `reporting: compare two ${cases}-case reports`,
        value: compared.seconds,
        unit: 's',
        target: '≤ 5 s',
      },
      {
        name: `reporting: write index.html (${cases} cases)`,
        value: html.seconds,
        unit: 's',
        target: '≤ 5 s',
      },
      { name: 'reporting: index.html size', value: html.result / 2 ** 20, unit: 'MiB' },
      {
        name: 'reporting: peak RSS over judge, compare and HTML',
        value: Math.max(judged.peakRssMb, compared.peakRssMb, html.peakRssMb),
        unit: 'MiB',
      },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void run().then((results) => {
    for (const r of results)
      console.log(`${r.name}: ${r.value.toFixed(2)} ${r.unit}${r.target ? ` (target ${r.target})` : ''}`);
  });
}
