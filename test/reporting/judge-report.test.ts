import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { V1Pod } from '@kubernetes/client-node';
import { runJudge } from '../../cli/commands/judge';
import type { Observation } from '../../model/observation';
import type { Scenario } from '../../model/scenario';
import type { Trace } from '../../model/trace';
import { judgeReport } from '../../reporting/judge-report';
import { loadReport } from '../../reporting/load-report';
import { formatReport } from '../../reporting/report-layout';
import type { Report } from '../../reporting/report-types';
import type { PropertyDefinition } from '../../runner/property-definition';
import { judgeCase } from '../../verdicts/case-verdict';
import { sampleReport, sigkillCase, sigkillExpectation, sigkillProperty, T0 } from './sample-report';

/** The API default grace period (pkg/apis/core/v1/defaults.go SetDefaults_PodSpec: 30 s). */
const DEFAULT_GRACE = 30;
const HEARTBEAT = 0.25;

/** A tiny reducer for the test: SIGTERM from its marker, the kill between the last heartbeat and the next. */
function observeKill(trace: Trace): Observation {
  const logs = trace.flatMap((e) => (e.kind === 'log' ? [e] : []));
  const sigterm = logs.find((e) => e.text === 'kp sigterm')?.runtimeTime;
  const ticks = logs.filter((e) => e.text === 'kp tick').map((e) => e.runtimeTime);
  const snapshot = trace.flatMap((e) => (e.kind === 'podSnapshot' ? [e.object] : [])).pop();
  const exitCode = snapshot?.status?.containerStatuses?.[0]?.state?.terminated?.exitCode;
  if (sigterm === undefined || ticks.length === 0) throw new Error('test trace lacks markers');
  const last = (Math.max(...ticks) - sigterm) / 1000;
  return {
    fields: {
      'app.sigkillAfterSigtermSeconds': { kind: 'instant', lo: last, hi: last + HEARTBEAT },
      'app.exitCode':
        exitCode === undefined
          ? { kind: 'missing', reason: 'no snapshot' }
          : { kind: 'value', value: exitCode },
    },
    anchors: { 'app.sigterm': sigterm },
    timeline: [{ at: sigterm, what: 'sigterm', container: 'app', source: 'runtime' }],
  };
}

function graceOf(scenario: Scenario): number {
  if (scenario.family !== 'termination') throw new Error(`not a termination scenario: ${scenario.family}`);
  return scenario.pod.terminationGracePeriodSeconds ?? DEFAULT_GRACE;
}

function sigkillDefinition(): PropertyDefinition<'termination'> {
  return {
    id: 'termination/sigkill-after-grace',
    family: 'termination',
    statement: 'killed at the end of the grace period',
    arbitrary: () => {
      throw new Error('not used offline');
    },
    expect: (scenario) => sigkillExpectation(scenario.pod.terminationGracePeriodSeconds ?? DEFAULT_GRACE),
    observe: (trace) => observeKill(trace),
    fields: ['app.sigkillAfterSigtermSeconds', 'app.exitCode'],
    budget: { numRuns: 1, caseSeconds: 60, totalSeconds: 600, shrinkSeconds: 60 },
  };
}

/** What an older, wrong model said: SIGKILL 2 s after the grace period. */
function judgedByWrongModel(report: Report): Report {
  for (const property of report.properties) {
    for (const item of property.cases) {
      item.expectation = sigkillExpectation(graceOf(item.scenario) + 2);
      item.verdict = judgeCase(item.expectation, item.observation);
    }
  }
  return report;
}

function killTrace(killAfter: number): Trace {
  const sigterm = T0 + 2000;
  const ticks: Trace = [];
  for (let s = 0; s <= killAfter; s += HEARTBEAT) {
    ticks.push({
      kind: 'log',
      t: sigterm + s * 1000 + 50,
      pod: 'p',
      container: 'app',
      runtimeTime: sigterm + s * 1000,
      text: 'kp tick',
    });
  }
  const pod: V1Pod = {
    metadata: { name: 'p' },
    status: {
      containerStatuses: [
        {
          name: 'app',
          image: 'busybox',
          imageID: '',
          ready: false,
          restartCount: 0,
          state: { terminated: { exitCode: 137, reason: 'Error' } },
        },
      ],
    },
  };
  return [
    { kind: 'log', t: sigterm + 10, pod: 'p', container: 'app', runtimeTime: sigterm, text: 'kp sigterm' },
    ...ticks,
    { kind: 'podSnapshot', t: sigterm + 9000, object: pod },
  ];
}

describe('judgeReport', () => {
  it('re-computes expectations with the current model and lists case and property changes', async () => {
    const report = judgedByWrongModel({
      ...sampleReport(),
      properties: [
        sigkillProperty([sigkillCase('a', [3.0, 3.2]), sigkillCase('b', [3.1, 3.3])], { verdict: 'fail' }),
      ],
    });
    expect(report.properties[0].cases.map((c) => c.verdict.outcome)).toEqual(['fail', 'fail']);
    const result = await judgeReport(report, [sigkillDefinition()]);
    expect(result.changes).toEqual([
      { propertyId: 'termination/sigkill-after-grace', caseId: 'a', from: 'fail', to: 'pass' },
      { propertyId: 'termination/sigkill-after-grace', caseId: 'b', from: 'fail', to: 'pass' },
      { propertyId: 'termination/sigkill-after-grace', from: 'fail', to: 'pass' },
    ]);
    expect(result.skeleton.properties[0].verdict).toBe('pass');
    expect(result.casesJudged).toBe(2);
  });

  it('re-reduces the observation from the trace when one was kept', async () => {
    // The kept observation says the kill came 6.2 s after SIGTERM, but the trace shows heartbeats until 3 s.
    const item = sigkillCase('t', [6.2, 6.4], { trace: killTrace(3) });
    const report: Report = { ...sampleReport(), properties: [sigkillProperty([item], { verdict: 'fail' })] };
    const result = await judgeReport(report, [sigkillDefinition()]);
    expect(result.casesReduced).toBe(1);
    expect(result.changes).toContainEqual({
      propertyId: 'termination/sigkill-after-grace',
      caseId: 't',
      from: 'fail',
      to: 'pass',
    });
  });

  it('a failure whose failing fields are all known deviations of the cluster becomes known, as in a run', async () => {
    const seen: string[] = [];
    const result = await judgeReport(sampleReport(), [sigkillDefinition()], {
      knownFailure: (fields, version) => {
        seen.push(version.gitVersion);
        return fields.every((field) => field.field === 'app.sigkillAfterSigtermSeconds')
          ? 'kubernetes/kubernetes#1'
          : undefined;
      },
    });
    expect(result.skeleton.properties[0]).toMatchObject({
      verdict: 'known',
      reason: 'kubernetes/kubernetes#1',
    });
    expect(seen).toEqual([sampleReport().cluster.serverVersion.gitVersion]);
    const unknown = await judgeReport(sampleReport(), [sigkillDefinition()], {
      knownFailure: () => undefined,
    });
    expect(unknown.skeleton.properties[0].verdict).toBe('fail');
  });

  it('keeps properties the registry does not know, and drops counterexamples that no longer fail', async () => {
    const result = await judgeReport(sampleReport(), [sigkillDefinition()]);
    expect(result.unknownProperties).toEqual(['hooks/sleep-prestop', 'termination/grace-override']);
    const [sigkill, override, skipped] = result.skeleton.properties;
    // c2 was killed at 6.2–6.4 s with grace 3: still a failure, counterexample kept.
    expect(sigkill.verdict).toBe('fail');
    expect(sigkill.counterexample?.failedFields.map((f) => f.field)).toEqual([
      'app.sigkillAfterSigtermSeconds',
    ]);
    expect(override.verdict).toBe('pass');
    expect(skipped.verdict).toBe('skipped');
  });
});

describe('kubeprop judge', () => {
  function capture(): {
    out: string[];
    err: string[];
    output: { out(t: string): void; err(t: string): void };
  } {
    const out: string[] = [];
    const err: string[] = [];
    return { out, err, output: { out: (t) => out.push(t), err: (t) => err.push(t) } };
  }

  it('prints old → new verdicts and writes the re-judged report with --out', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeprop-judge-'));
    const file = join(dir, 'report.json');
    writeFileSync(
      file,
      formatReport(
        judgedByWrongModel({
          ...sampleReport(),
          properties: [sigkillProperty([sigkillCase('a', [3.0, 3.2])], { verdict: 'fail' })],
        }),
      ),
    );
    const { out, output } = capture();
    const code = await runJudge(file, { out: join(dir, 'rejudged') }, [sigkillDefinition()], output);
    expect(code).toBe(0);
    expect(out.join('')).toContain('termination/sigkill-after-grace case a: fail → pass\n');
    expect(out.join('')).toContain('termination/sigkill-after-grace: fail → pass\n');
    const rejudged = loadReport(join(dir, 'rejudged', 'report.json'));
    expect(rejudged.properties[0]).toMatchObject({
      verdict: 'pass',
      cases: [{ id: 'a', verdict: { outcome: 'pass' } }],
    });
    expect(rejudged.runId).toBe('run-1');
  });

  it('exits 2 naming the file when the report is malformed', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'kubeprop-judge-')), 'report.json');
    writeFileSync(file, '{"schemaVersion":1,');
    const { err, output } = capture();
    expect(await runJudge(file, {}, [], output)).toBe(2);
    expect(err.join('')).toContain(`${file}: is truncated`);
  });
});
