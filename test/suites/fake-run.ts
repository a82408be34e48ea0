import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeDefect } from '../../harness/fake/defects';
import { createFakeKubelet, type FakeKubeletOptions } from '../../harness/fake/kubelet/fake-kubelet';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import type { Scenario } from '../../model/scenario';
import type { ServerVersion } from '../../model/capabilities';
import { attemptStatuses } from '../../reporting/property-verdict';
import type { CaseReport, PropertyEnd } from '../../reporting/report-types';
import { runConformance } from '../../runner/conformance-run';
import type { PropertyDefinition } from '../../runner/property-definition';
import { fakeTarget } from '../support/fake-target';

export interface FakeRun {
  end: PropertyEnd;
  minimal?: Scenario;
  /** Every case in completion order, read back from the report's journal. */
  cases: CaseReport[];
  /** Where the run wrote its report (report.json). */
  reportDir: string;
}

/**
 * Runs one property end to end through runConformance against the in-memory fake cluster (virtual
 * time), the report in a temp dir, with the live model slack unless `slackSeconds` narrows it (virtual
 * time is exact: a cluster one second off, like sigkill-early, is then outside a window, not on its edge).
 */
export async function runOnFake(
  definition: PropertyDefinition,
  options: {
    runs: number;
    seed: number;
    defects?: FakeDefect[];
    slackSeconds?: number;
    /** Keep every case's raw trace in the report (to re-judge it). */
    keepTraces?: boolean;
    /** null: the target has no server image (test/support/fake-target.ts). */
    serverImage?: string | null;
    /** The simulated kubelet's options beyond defects and seed (e.g. a busy node). */
    kubelet?: FakeKubeletOptions;
    /** The release the fake serves (default: the latest). */
    serverVersion?: ServerVersion;
    /** The fake API server's ProcMountType gate (default: its default on that release). */
    procMountType?: boolean;
  },
): Promise<FakeRun> {
  const modelOptions = { slackSeconds: options.slackSeconds ?? DEFAULT_MODEL_OPTIONS.slackSeconds };
  const target = fakeTarget({
    defects: options.defects,
    seed: options.seed,
    modelOptions,
    keepTraces: options.keepTraces,
    serverImage: options.serverImage,
    serverVersion: options.serverVersion,
    procMountType: options.procMountType,
    ...(options.kubelet
      ? {
          cluster: {
            kubelet: createFakeKubelet({ ...options.kubelet, defects: options.defects, seed: options.seed }),
          },
        }
      : {}),
  });
  const reportDir = mkdtempSync(join(tmpdir(), 'kubeprop-fake-'));
  try {
    // Budgets are virtual seconds here: generous, so shrinking is limited by progress, not by the clock.
    const virtual = {
      ...definition,
      budget: { ...definition.budget, totalSeconds: 7200, shrinkSeconds: 3600 },
    };
    const result = await runConformance([virtual], target, {
      runId: 'fake',
      seed: options.seed,
      families: [definition.family],
      propertyIds: [definition.id],
      runs: options.runs,
      concurrency: 4,
      image: 'busybox:test',
      reportDir,
      knownIssues: [],
      keepTraces: options.keepTraces ?? false,
      modelOptions,
      kubepropVersion: 'fake-test',
    });
    const cases = readFileSync(join(reportDir, 'cases.ndjson'), 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => (JSON.parse(line) as { case: CaseReport }).case);
    const outcome = result.outcomes[0];
    return { end: outcome.end, minimal: outcome.minimal?.scenario, cases, reportDir };
  } finally {
    await target.cleanup.runAll();
  }
}

/** Failing fields of every failing case, for a readable assertion message. */
export function failures(run: FakeRun): string[] {
  return run.cases
    .filter((c) => c.verdict.outcome !== 'pass')
    .map(
      (c) =>
        `${c.id} ${c.verdict.outcome}${c.verdict.reason ? ` (${c.verdict.reason})` : ''}: ` +
        c.verdict.diff
          .filter((d) => d.outcome !== 'pass')
          .map((d) => `${d.field} ${d.detail}`)
          .join('; '),
    );
}

function podOf(scenario: Scenario): { containers: unknown[]; initContainers: unknown[] } | undefined {
  return 'pod' in scenario ? scenario.pod : undefined;
}

/** Containers of a scenario's pod, init containers included: the size that matters to a reader. */
export function containerCount(scenario: Scenario): number {
  const pod = podOf(scenario);
  return pod ? pod.containers.length + pod.initContainers.length : 0;
}

/** What a caught defect looks like: the failure, its confirmation, and how far it shrank. */
export function caught(run: FakeRun): {
  confirmed: boolean;
  firstFailing?: Scenario;
  failedFields: string[];
} {
  const statuses = attemptStatuses(
    run.cases.map((c) => ({ id: c.id, outcome: c.verdict.outcome, attempt: c.attempt })),
  );
  const caseId = run.end.counterexample?.caseId;
  // The explored case shrinking starts from: the failing one generated first (ids end in -r<index>).
  const index = (id: string) => Number(/-r(\d+)$/.exec(id)?.[1] ?? Infinity);
  const firstFailing = run.cases
    .filter((c) => c.attempt.number === 1 && c.verdict.outcome === 'fail' && index(c.id) < Infinity)
    .sort((a, b) => index(a.id) - index(b.id))[0];
  return {
    confirmed: caseId !== undefined && statuses.get(caseId) === 'confirmed',
    firstFailing: firstFailing?.scenario,
    failedFields: run.end.counterexample?.failedFields.map((f) => f.field) ?? [],
  };
}

/**
 * Asserts what a caught defect must show: the property fails, its minimal counterexample was
 * confirmed by a re-run, and shrinking ended no larger than the first failing case.
 */
export function expectCaughtAndShrunk(run: FakeRun): {
  minimal: Scenario;
  firstFailing: Scenario;
  failedFields: string[];
} {
  expect(run.end.verdict).toBe('fail');
  const { confirmed, firstFailing, failedFields } = caught(run);
  expect(confirmed).toBe(true);
  if (!run.minimal || !firstFailing) throw new Error('no counterexample');
  expect(containerCount(run.minimal)).toBeLessThanOrEqual(containerCount(firstFailing));
  return { minimal: run.minimal, firstFailing, failedFields };
}
