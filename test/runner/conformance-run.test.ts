import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultCapabilities, LATEST_VERSION } from '../../model/capabilities';
import type { Expectation } from '../../model/expectation';
import type { Family } from '../../model/scenario';
import { systemClock } from '../../harness/clock';
import type { CaseReport } from '../../reporting/report-types';
import { judgedCase } from '../support/judged-case';
import type { CaseExecutor } from '../../runner/case-executor';
import {
  runConformance,
  type ConformanceOptions,
  type ConformanceTarget,
} from '../../runner/conformance-run';
import type { PropertyDefinition } from '../../runner/property-definition';
import type { NamespaceDeletion } from '../../harness/fake/fake-cluster';
import { PROPERTIES } from '../../suites/registry';
import { sharedClusterState } from '../../harness/shared-cluster-state';
import { fakeTarget } from '../support/fake-target';
import { minimalPod, terminationOf } from '../support/minimal-scenarios';

const capabilities = defaultCapabilities(LATEST_VERSION);
const expectation: Expectation = {
  family: 'termination',
  fields: { ok: { expected: { kind: 'equals', value: true }, rule: 'test.ok', because: 'always' } },
};

function property(id: string, numRuns: number): PropertyDefinition<'termination'> {
  return {
    id,
    family: 'termination',
    statement: `${id} MUST hold`,
    arbitrary: () =>
      fc.nat(5).map((grace) => terminationOf(minimalPod({ terminationGracePeriodSeconds: grace }))),
    expect: () => expectation,
    observe: () => ({ fields: { ok: { kind: 'value', value: true } }, timeline: [], anchors: {} }),
    fields: ['ok'],
    budget: { numRuns, caseSeconds: 60, totalSeconds: 600, shrinkSeconds: 60 },
  };
}

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The run options every test here shares, with its own seed, families, runs and concurrency. */
function runOptions(
  overrides: Pick<ConformanceOptions, 'seed' | 'families' | 'concurrency'> & Partial<ConformanceOptions>,
): ConformanceOptions {
  return {
    runId: 'test',
    image: 'busybox:test',
    reportDir: mkdtempSync(join(tmpdir(), 'kp-conformance-')),
    knownIssues: [],
    keepTraces: false,
    modelOptions: { slackSeconds: 1 },
    kubepropVersion: 'test',
    ...overrides,
  };
}

describe('runConformance', () => {
  test('the next property fills the slots the previous one no longer needs, and never exceeds them', async () => {
    const events: string[] = [];
    let running = 0;
    let most = 0;
    const executor =
      <F extends Family>(name: string, steps: number): CaseExecutor<F> =>
      async (scenario, caseId, attempt): Promise<CaseReport> => {
        running += 1;
        most = Math.max(most, running);
        events.push(`${name} start ${caseId}`);
        for (let i = 0; i < steps; i += 1) await tick();
        events.push(`${name} end ${caseId}`);
        running -= 1;
        return judgedCase(caseId, scenario, attempt, expectation, { ok: { kind: 'value', value: true } });
      };
    const first = property('termination/first', 3);
    const second = property('termination/second', 2);
    const target: ConformanceTarget = {
      cluster: { serverVersion: LATEST_VERSION, nodeImages: [], capabilities },
      clock: systemClock,
      signal: new AbortController().signal,
      executorFor: (definition) =>
        definition.id === first.id ? executor('first', 20) : executor('second', 1),
    };
    const result = await runConformance(
      [first, second],
      target,
      runOptions({ seed: 1, families: ['termination'], concurrency: 2 }),
    );
    expect(result.outcomes.map((o) => [o.start.id, o.end.verdict, o.end.runsMade])).toEqual([
      ['termination/first', 'pass', 3],
      ['termination/second', 'pass', 2],
    ]);
    expect(most).toBe(2);
    // The second property started while the first one's last case was still running.
    const secondStart = events.findIndex((e) => e.startsWith('second start'));
    const firstLastEnd = events.lastIndexOf(events.filter((e) => e.startsWith('first end')).pop() ?? '');
    expect(secondStart).toBeGreaterThan(-1);
    expect(secondStart).toBeLessThan(firstLastEnd);
  });
});

describe('runConformance with a rule-level known issue', () => {
  test('a property failing only the known rule is known with its reference, each case run once and not shrunk', async () => {
    const calls: string[] = [];
    const failing =
      <F extends Family>(): CaseExecutor<F> =>
      async (scenario, caseId, attempt): Promise<CaseReport> => {
        calls.push(caseId);
        await tick();
        return judgedCase(caseId, scenario, attempt, expectation, { ok: { kind: 'value', value: false } });
      };
    const target: ConformanceTarget = {
      cluster: { serverVersion: LATEST_VERSION, nodeImages: [], capabilities },
      clock: systemClock,
      signal: new AbortController().signal,
      executorFor: () => failing(),
    };
    const result = await runConformance(
      [property('termination/known', 4)],
      target,
      runOptions({
        seed: 1,
        families: ['termination'],
        concurrency: 2,
        knownIssues: [{ rule: 'test.ok', reason: 'kubernetes/kubernetes#1 (fixed in a later release)' }],
      }),
    );
    expect(result.outcomes[0].end).toMatchObject({
      verdict: 'known',
      reason: 'kubernetes/kubernetes#1 (fixed in a later release)',
      runsMade: 4,
    });
    expect(calls.sort()).toEqual([
      'termination-known-r0',
      'termination-known-r1',
      'termination-known-r2',
      'termination-known-r3',
    ]);
  });
});

describe('runConformance on the fake cluster: cleanup off the critical path', () => {
  const sigterm = PROPERTIES.find((p) => p.id === 'termination/sigterm-handled') as PropertyDefinition;

  async function runOn(namespaceDeletion: NamespaceDeletion) {
    const target = fakeTarget({ cluster: { namespaceDeletion } });
    try {
      const reports: CaseReport[] = [];
      const result = await runConformance(
        [sigterm],
        target,
        runOptions({ seed: 3, families: ['termination'], runs: 3, concurrency: 1 }),
        { onCase: (_definition, _outcome, report) => reports.push(report) },
      );
      return { result, reports, namespacesLeft: target.fake.namespaceNames() };
    } finally {
      target.clock.stop();
    }
  }

  test('a slot is free when the observation is complete: a 20 s namespace deletion is paid once, at the end', async () => {
    const { result, reports, namespacesLeft } = await runOn({ mode: 'slow', delayMs: 20_000 });
    expect(reports).toHaveLength(3);
    // No case holds its slot through its namespace's deletion (awaited, the three cases' durations
    // would hold three deletions and the wall no more than their sum); the run still waits for the
    // last deletion.
    const busy = reports.reduce((sum, r) => sum + r.durationMs, 0);
    expect(result.efficiency.wallMs).toBeGreaterThanOrEqual(busy + 20_000);
    expect(result.efficiency.wallMs).toBeLessThan(busy + 2 * 20_000);
    expect(result.cleanup?.leftovers).toEqual([]);
    expect(namespacesLeft).toEqual([]);
    // Every case says what it waited for; the run sums them.
    const waits = reports.reduce((sum, r) => sum + (r.waitedMs ?? 0), 0);
    expect(waits).toBeGreaterThan(0);
    expect(result.efficiency).toEqual({
      wallMs: result.efficiency.wallMs,
      waitsMs: waits,
      concurrency: 1,
      ratio: result.efficiency.wallMs / waits,
    });
  }, 60_000);

  test('leaks are still found and reported at the end of the run', async () => {
    const { result, reports } = await runOn({ mode: 'stuck' });
    expect(reports).toHaveLength(3);
    const busy = reports.reduce((sum, r) => sum + r.durationMs, 0);
    expect(result.efficiency.wallMs).toBeGreaterThanOrEqual(busy + 120_000);
    expect(result.efficiency.wallMs).toBeLessThan(busy + 2 * 120_000);
    expect(result.cleanup?.leftovers.map((l) => l.reason)).toEqual([
      'still Terminating after 120 s (pods left: none)',
      'still Terminating after 120 s (pods left: none)',
      'still Terminating after 120 s (pods left: none)',
    ]);
  }, 60_000);
});

describe('runConformance: cases that change the same node capacity never overlap', () => {
  test('the extended-resource cases of two properties at four slots run one at a time, and pass', async () => {
    const ids = ['resources/insufficient-unschedulable', 'resources/extended-not-overcommittable'];
    const definitions = PROPERTIES.filter((p) => ids.includes(p.id)) as PropertyDefinition[];
    const target = fakeTarget();
    let inFlight = 0;
    let most = 0;
    let extendedCases = 0;
    const counting: ConformanceTarget = {
      ...target,
      executorFor: <F extends Family>(definition: PropertyDefinition<F>): CaseExecutor<F> => {
        const execute = target.executorFor(definition);
        return async (scenario, caseId, attempt) => {
          const shared = sharedClusterState(scenario).length > 0;
          if (shared) {
            extendedCases += 1;
            inFlight += 1;
            most = Math.max(most, inFlight);
          }
          try {
            return await execute(scenario, caseId, attempt);
          } finally {
            if (shared) inFlight -= 1;
          }
        };
      },
    };
    try {
      const result = await runConformance(
        definitions,
        counting,
        runOptions({ seed: 2, families: ['resources'], runs: 6, concurrency: 4 }),
      );
      expect(extendedCases).toBeGreaterThan(4);
      expect(most).toBe(1);
      expect(result.outcomes.map((o) => o.end.verdict)).toEqual(['pass', 'pass']);
    } finally {
      target.clock.stop();
    }
  }, 60_000);
});

describe('runConformance: cases queued for shared node state leave their slots to the next property', () => {
  test('a property whose cases wait for one lock lets the next property start at once', async () => {
    const events: string[] = [];
    const shared: PropertyDefinition<'resources'> = {
      id: 'resources/shared',
      family: 'resources',
      statement: 'resources/shared MUST hold',
      arbitrary: () =>
        fc.constant({
          family: 'resources' as const,
          pod: minimalPod(),
          observeSeconds: 10,
          extendedCapacity: { resource: 'example.com/dongle', perNode: 1 },
        }),
      expect: () => expectation,
      observe: () => ({ fields: { ok: { kind: 'value', value: true } }, timeline: [], anchors: {} }),
      fields: ['ok'],
      budget: { numRuns: 4, caseSeconds: 60, totalSeconds: 600, shrinkSeconds: 60 },
    };
    const executor =
      <F extends Family>(name: string): CaseExecutor<F> =>
      async (scenario, caseId, attempt): Promise<CaseReport> => {
        events.push(`${name} start ${caseId}`);
        for (let i = 0; i < 10; i += 1) await tick();
        events.push(`${name} end ${caseId}`);
        return judgedCase(caseId, scenario, attempt, expectation, { ok: { kind: 'value', value: true } });
      };
    const target: ConformanceTarget = {
      cluster: { serverVersion: LATEST_VERSION, nodeImages: [], capabilities },
      clock: systemClock,
      signal: new AbortController().signal,
      executorFor: (definition) => executor(definition.id === shared.id ? 'shared' : 'next'),
    };
    const definitions: PropertyDefinition[] = [shared, property('termination/next', 2)];
    await runConformance(
      definitions,
      target,
      runOptions({ seed: 1, families: ['resources', 'termination'], concurrency: 4 }),
    );
    const sharedStarts = events.filter((e) => e.startsWith('shared start'));
    expect(sharedStarts).toHaveLength(4);
    // The shared cases ran one at a time, and the next property did not wait for the last of them.
    expect(events.indexOf('next start termination-next-r0')).toBeLessThan(events.indexOf(sharedStarts[1]));
  });
});
