import fc from 'fast-check';
import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import type { Expectation } from '../../model/expectation';
import type { TerminationScenario } from '../../model/scenario';
import type { Clock } from '../../harness/clock';
import type { CaseReport } from '../../reporting/report-types';
import { judgedCase } from '../support/judged-case';
import type { CaseExecutor } from '../../runner/case-executor';
import type { PropertyDefinition } from '../../runner/property-definition';
import { runProperty, type PropertyRunOptions } from '../../runner/property-runner';
import { KeyedLocks } from '../../runner/keyed-locks';
import { Slots } from '../../runner/slots';
import { minimalContainer, minimalPod, terminationOf } from '../support/minimal-scenarios';

const capabilities = defaultCapabilities(parseServerVersion('v1.34.0'));

/** Scenarios whose size is the number of containers and the grace period: easy to see shrinking. */
const arbitrary = fc
  .record(
    { containers: fc.integer({ min: 1, max: 3 }), grace: fc.integer({ min: 0, max: 30 }) },
    { noNullPrototype: true },
  )
  .map(({ containers, grace }) =>
    terminationOf(
      minimalPod({
        terminationGracePeriodSeconds: grace,
        containers: Array.from({ length: containers }, (_, i) => minimalContainer(`c${i}`)),
      }),
    ),
  );

const expectGrace = (scenario: TerminationScenario): Expectation => ({
  family: 'termination',
  fields: {
    grace: {
      expected: { kind: 'equals', value: scenario.pod.terminationGracePeriodSeconds ?? 30 },
      rule: 'test.grace',
      because: 'the test cluster echoes the grace period',
    },
  },
});

const definition: PropertyDefinition<'termination'> = {
  id: 'termination/test-property',
  family: 'termination',
  statement: 'A test property MUST hold.',
  arbitrary: () => arbitrary,
  expect: expectGrace,
  observe: () => ({ fields: {}, timeline: [], anchors: {} }),
  fields: ['grace'],
  budget: { numRuns: 40, caseSeconds: 10, totalSeconds: 600, shrinkSeconds: 120 },
};

/** A virtual clock: every case takes `caseMs`. */
function steppingClock(caseMs: number): Clock & { advance(): void } {
  let now = 0;
  return { now: () => now, sleep: async (ms) => void (now += ms), advance: () => void (now += caseMs) };
}

/** An executor whose "cluster" reports grace+1 when `broken(scenario, attempt)` says so. */
function executorWith(
  broken: (scenario: TerminationScenario, attemptNumber: number) => boolean,
  clock: ReturnType<typeof steppingClock>,
): CaseExecutor<'termination'> & { calls: number } {
  const executor = Object.assign(
    async (
      scenario: TerminationScenario,
      caseId: string,
      attempt: CaseReport['attempt'],
    ): Promise<CaseReport> => {
      executor.calls += 1;
      clock.advance();
      const expectation = expectGrace(scenario);
      const grace = scenario.pod.terminationGracePeriodSeconds ?? 30;
      const observed = broken(scenario, attempt.number) ? grace + 1 : grace;
      return judgedCase(caseId, scenario, attempt, expectation, {
        grace: { kind: 'value', value: observed },
      });
    },
    { calls: 0 },
  );
  return executor;
}

function options(clock: Clock, overrides: Partial<PropertyRunOptions> = {}): PropertyRunOptions {
  return { seed: 1234, concurrency: 4, clock, signal: new AbortController().signal, ...overrides };
}

describe('runProperty', () => {
  test('a conforming target passes after every planned run', async () => {
    const clock = steppingClock(1000);
    const cases: CaseReport[] = [];
    const result = await runProperty(
      definition,
      capabilities,
      executorWith(() => false, clock),
      options(clock),
      {
        onCase: (c) => cases.push(c),
      },
    );
    expect(result.end.verdict).toBe('pass');
    expect(result.end.runsMade).toBe(40);
    expect(cases).toHaveLength(40);
  });

  test('a confirmed failure shrinks to the smallest failing scenario, with a replayable path', async () => {
    // The defect: pods with a grace period of at least 7 s and two or more containers misbehave.
    const broken = (s: TerminationScenario): boolean =>
      (s.pod.terminationGracePeriodSeconds ?? 30) >= 7 && s.pod.containers.length >= 2;
    const clock = steppingClock(1000);
    const result = await runProperty(definition, capabilities, executorWith(broken, clock), options(clock), {
      onCase: () => undefined,
      writeReproducer: (_minimal, path) => `repro-${path}.yaml`,
    });
    expect(result.end.verdict).toBe('fail');
    expect(result.minimal?.scenario.pod.containers).toHaveLength(2);
    expect(result.minimal?.scenario.pod.terminationGracePeriodSeconds).toBe(7);
    expect(result.end.counterexample?.failedFields.map((f) => f.field)).toEqual(['grace']);
    expect(result.end.counterexample?.reproducerPath).toBe(`repro-${result.end.path}.yaml`);

    const replayClock = steppingClock(1000);
    const replay = await runProperty(
      definition,
      capabilities,
      executorWith(broken, replayClock),
      options(replayClock, { path: result.end.path }),
      { onCase: () => undefined },
    );
    expect(replay.end.verdict).toBe('fail');
    expect(replay.minimal?.scenario).toEqual(result.minimal?.scenario);
  });

  test('a failure that does not repeat on re-run is flaky, not a failure', async () => {
    const clock = steppingClock(1000);
    let failedOnce = false;
    const flakyOnce = (_s: TerminationScenario, attempt: number): boolean => {
      if (attempt !== 1 || failedOnce) return false;
      failedOnce = true;
      return true;
    };
    const result = await runProperty(
      definition,
      capabilities,
      executorWith(flakyOnce, clock),
      options(clock),
      {
        onCase: () => undefined,
      },
    );
    expect(result.end.verdict).toBe('flaky');
    expect(result.end.counterexample).toBeUndefined();
  });

  test('running out of time is inconclusive with the runs made, never a pass', async () => {
    const clock = steppingClock(60_000);
    const result = await runProperty(
      definition,
      capabilities,
      executorWith(() => false, clock),
      options(clock, { concurrency: 1, totalSeconds: 600 }),
      { onCase: () => undefined },
    );
    expect(result.end.outOfTime).toBe(true);
    expect(result.end.verdict).toBe('inconclusive');
    expect(result.end.runsMade).toBeLessThan(40);
    expect(result.end.reason).toContain(`${result.end.runsMade} of 40`);
  });

  test('time spent queued for slots held by earlier properties does not count against the budget', async () => {
    const clock = steppingClock(60_000);
    const slots = new Slots(1);
    // An earlier property holds the only slot for longer than this property's whole budget.
    const releaseEarlier = await slots.acquire(0);
    const running = runProperty(
      definition,
      capabilities,
      executorWith(() => false, clock),
      options(clock, { concurrency: 1, numRuns: 5, totalSeconds: 600, slots, priority: 1 }),
      { onCase: () => undefined },
    );
    await clock.sleep(1_000_000);
    releaseEarlier();
    const result = await running;
    // 5 cases of 60 s fit the 600 s budget (less 120 s for shrinking) once they hold a slot.
    expect(result.end.outOfTime).toBe(false);
    expect(result.end.runsMade).toBe(5);
    expect(result.end.verdict).toBe('pass');
  });

  test('an unsupported property is skipped with its reason and runs nothing', async () => {
    const clock = steppingClock(1000);
    const executor = executorWith(() => false, clock);
    const result = await runProperty(
      { ...definition, unsupported: () => 'needs sidecars (Kubernetes ≥ 1.29)' },
      capabilities,
      executor,
      options(clock),
      { onCase: () => undefined },
    );
    expect(result.end).toMatchObject({ verdict: 'skipped', reason: 'needs sidecars (Kubernetes ≥ 1.29)' });
    expect(executor.calls).toBe(0);
  });

  test('a known issue that fails is reported as known with its reason', async () => {
    const clock = steppingClock(1000);
    const result = await runProperty(
      definition,
      capabilities,
      executorWith(() => true, clock),
      options(clock, { knownIssue: 'kubernetes/kubernetes#12345' }),
      { onCase: () => undefined },
    );
    expect(result.end).toMatchObject({ verdict: 'known', reason: 'kubernetes/kubernetes#12345' });
  });

  describe('failures of known rules only (a release bug with an upstream reference)', () => {
    // Two rules: `test.known` fails on every even grace period (the release's known bug) and
    // `test.grace` on grace periods of 25 s and more with two or more containers (another bug).
    const expectBoth = (scenario: TerminationScenario): Expectation => ({
      family: 'termination',
      fields: {
        ...expectGrace(scenario).fields,
        known: { expected: { kind: 'equals', value: 0 }, rule: 'test.known', because: 'no known bug' },
      },
    });
    const withBoth: PropertyDefinition<'termination'> = {
      ...definition,
      expect: expectBoth,
      fields: ['grace', 'known'],
    };
    const knownFailure = (fields: readonly { rule: string }[]): string | undefined =>
      fields.every((field) => field.rule === 'test.known') ? 'kubernetes/kubernetes#1' : undefined;
    const executorFor = (
      clock: ReturnType<typeof steppingClock>,
      otherBug: boolean,
    ): CaseExecutor<'termination'> & { calls: number } => {
      const executor = Object.assign(
        async (scenario: TerminationScenario, caseId: string, attempt: CaseReport['attempt']) => {
          executor.calls += 1;
          clock.advance();
          const grace = scenario.pod.terminationGracePeriodSeconds ?? 30;
          const broken = otherBug && grace >= 25 && scenario.pod.containers.length >= 2;
          return judgedCase(caseId, scenario, attempt, expectBoth(scenario), {
            grace: { kind: 'value', value: broken ? grace + 1 : grace },
            known: { kind: 'value', value: grace % 2 },
          });
        },
        { calls: 0 },
      );
      return executor;
    };

    test('are neither re-run nor shrunk, and every planned case still runs', async () => {
      const clock = steppingClock(1000);
      const cases: CaseReport[] = [];
      const executor = executorFor(clock, false);
      const result = await runProperty(withBoth, capabilities, executor, options(clock, { knownFailure }), {
        onCase: (c) => cases.push(c),
      });
      const failing = cases.filter((c) => c.verdict.outcome === 'fail');
      expect(failing.length).toBeGreaterThan(0);
      expect(executor.calls).toBe(40);
      expect(cases.every((c) => c.attempt.number === 1 && /-r\d+$/.test(c.id))).toBe(true);
      expect(result.end.verdict).toBe('fail');
      expect(result.end.counterexample?.caseId).toBe(failing[0].id);
      expect(result.end.path).toBe(failing[0].id.replace(/.*-r/, ''));
      expect(result.end.counterexample?.shrink).toMatchObject({ candidatesRun: 0, localMinimum: false });
      expect(result.end.counterexample?.shrink?.notShrunk).toMatch(/known rules only/);
    });

    test('do not hide another failure of the same property, which is confirmed and shrunk', async () => {
      const clock = steppingClock(1000);
      const cases: CaseReport[] = [];
      const result = await runProperty(
        withBoth,
        capabilities,
        executorFor(clock, true),
        options(clock, { knownFailure }),
        { onCase: (c) => cases.push(c) },
      );
      const failedRules = result.end.counterexample?.failedFields.map((field) => field.rule);
      expect(failedRules).toContain('test.grace');
      expect(result.minimal?.scenario.pod.terminationGracePeriodSeconds).toBe(25);
      expect(result.minimal?.scenario.pod.containers).toHaveLength(2);
      expect(cases.some((c) => c.attempt.number === 2)).toBe(true);
      expect(result.end.counterexample?.shrink?.notShrunk).toBeUndefined();
    });
  });

  test('an aborted run stops starting cases and is inconclusive as interrupted', async () => {
    const clock = steppingClock(1000);
    const controller = new AbortController();
    const executor = executorWith(() => false, clock);
    const result = await runProperty(
      definition,
      capabilities,
      async (...args) => {
        if (executor.calls === 5) controller.abort();
        return executor(...args);
      },
      options(clock, { concurrency: 1, signal: controller.signal }),
      { onCase: () => undefined },
    );
    expect(result.end).toMatchObject({ verdict: 'inconclusive', reason: 'interrupted' });
    expect(executor.calls).toBe(6);
  });

  test('properties failing together shrink one at a time, each budget starting with its turn', async () => {
    const broken = (s: TerminationScenario): boolean =>
      (s.pod.terminationGracePeriodSeconds ?? 30) >= 7 && s.pod.containers.length >= 2;
    const clock = steppingClock(1000);
    const turns = new KeyedLocks();
    const shrinking = new Set<string>();
    let overlapped = false;
    const run = (id: string) => {
      const executor = executorWith(broken, clock);
      const traced: CaseExecutor<'termination'> = async (scenario, caseId, attempt) => {
        const shrinkCase = !/-r\d+$/.test(caseId) && attempt.number === 1;
        if (shrinkCase) {
          shrinking.add(id);
          if (shrinking.size > 1) overlapped = true;
        }
        return executor(scenario, caseId, attempt);
      };
      return runProperty(
        { ...definition, id },
        capabilities,
        traced,
        options(clock, { shrinkTurn: (shrink) => turns.with(['shrink'], shrink) }),
        { onCase: () => undefined, onShrinkEnd: () => shrinking.delete(id) },
      );
    };
    const [a, b] = await Promise.all([run('termination/a'), run('termination/b')]);
    expect(overlapped).toBe(false);
    for (const result of [a, b]) {
      expect(result.end.verdict).toBe('fail');
      expect(result.end.counterexample?.shrink?.localMinimum).toBe(true);
      expect(result.minimal?.scenario.pod.terminationGracePeriodSeconds).toBe(7);
    }
  });
});
