import fc from 'fast-check';
import { resourcesScenario } from '../../generators/resources-scenario';
import { terminationScenario } from '../../generators/termination-scenario';
import { TrivialKubelet } from '../../harness/fake/trivial-kubelet';
import { observeTermination } from '../../harness/observe/termination';
import type { CaseRun } from '../../harness/run-case';
import { defaultCapabilities, LATEST_VERSION } from '../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import {
  CASE_ID_LABEL,
  KEEP_FINALIZER,
  MANAGED_BY_LABEL,
  MANAGED_BY_VALUE,
  RUN_ID_LABEL,
} from '../../model/labels';
import { expectResources } from '../../model/resources';
import { expectQuota } from '../../model/quota';
import type { QuotaScenario, Scenario, TerminationScenario } from '../../model/scenario';
import { expectTermination } from '../../model/termination';
import type { TraceEntry } from '../../model/trace';
import { judgeCase } from '../../verdicts/case-verdict';
import { minimalPod } from '../support/minimal-scenarios';
import { leftovers, testHarness } from './support/harness';

const CAPABILITIES = defaultCapabilities(LATEST_VERSION);
const DONGLE = 'example.com/dongle';

function expectationOf(scenario: Scenario): ReturnType<typeof expectTermination> {
  if (scenario.family === 'termination')
    return expectTermination(scenario, CAPABILITIES, DEFAULT_MODEL_OPTIONS);
  if (scenario.family === 'resources') return expectResources(scenario, CAPABILITIES, DEFAULT_MODEL_OPTIONS);
  throw new Error(`no model wired in this test for ${scenario.family}`);
}

/** A deleted pod that ignores SIGTERM: the simplest case that exercises create, wait, delete and stop. */
function simpleTermination(): TerminationScenario {
  return {
    family: 'termination',
    withService: true,
    delete: { afterRunningSeconds: 1, gracePeriodSeconds: 3 },
    pod: {
      name: 'victim',
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      initContainers: [],
      labels: { app: 'victim' },
      containers: [
        {
          name: 'app',
          behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' } },
          ports: [],
          resources: { requests: {}, limits: {} },
          lifecycle: {},
          probes: {},
        },
      ],
    },
  };
}

function kinds(run: CaseRun): TraceEntry['kind'][] {
  return run.trace.map((e) => e.kind);
}

describe('runCase on the fake cluster', () => {
  test('one labelled namespace, pods kept by the finalizer until read, everything removed afterwards', async () => {
    const harness = testHarness();
    const scenario = simpleTermination();
    const streamed: TraceEntry[] = [];
    const run = await harness.run(scenario, expectationOf(scenario), 'case-1', {
      onTrace: (e) => streamed.push(e),
    });
    expect(run.inconclusive).toBeUndefined();
    expect(run.namespace).toBe('kp-run1-case-1');
    const pod = run.objects.find((o) => o.kind === 'Pod');
    expect(pod?.metadata?.finalizers).toContain(KEEP_FINALIZER);
    // Every entry was handed over as it happened, in the same order.
    expect(streamed).toEqual(run.trace);
    // The final snapshot still shows the stopped container: the finalizer kept the pod readable.
    const snapshots = run.trace.filter((e) => e.kind === 'podSnapshot');
    expect(snapshots.at(-1)?.object.metadata?.deletionTimestamp).toBeDefined();
    // The namespace carried kubeprop's labels; the watch saw the pod's ADDED first.
    const watch = run.trace.find((e) => e.kind === 'podWatch');
    expect(watch?.type).toBe('ADDED');
    expect(kinds(run)).toContain('endpointSlice');
    expect(kinds(run)).toContain('log');
    expect(run.cleanup).toEqual({ done: ['namespace kp-run1-case-1'], leftovers: [] });
    expect(leftovers(harness.cluster)).toEqual({ namespaces: [], pods: [] });
    expect(harness.cluster.openWatches()).toBe(0);
    expect(harness.cluster.storedLogs()).toBe(0);
    expect(harness.cleanup.pendingEntries()).toEqual([]);
  });

  test('the namespace gets managed-by, run-id, case-id and the scenario labels', async () => {
    const harness = testHarness();
    const seen: Record<string, string>[] = [];
    const original = harness.cluster.createNamespace.bind(harness.cluster);
    harness.cluster.createNamespace = (ns) => {
      seen.push({ ...(ns.metadata?.labels ?? {}) });
      return original(ns);
    };
    const scenario: Scenario = {
      family: 'podsecurity',
      labels: { enforce: { level: 'baseline', version: 'latest' } },
      pod: simpleTermination().pod,
    };
    const run = await harness.run(scenario, { family: 'podsecurity', fields: {} }, 'psa');
    expect(run.inconclusive).toBeUndefined();
    expect(seen[0]).toMatchObject({
      [MANAGED_BY_LABEL]: MANAGED_BY_VALUE,
      [RUN_ID_LABEL]: 'run1',
      [CASE_ID_LABEL]: 'psa',
      'pod-security.kubernetes.io/enforce': 'baseline',
    });
  });

  test('waitedMs counts the plan waits: at least the observe delay and the stop wait', async () => {
    const harness = testHarness({ kubelet: new TrivialKubelet() });
    const scenario = simpleTermination();
    const run = await harness.run(scenario, expectationOf(scenario), 'waits');
    // afterRunningSeconds 1 s, then the trivial kubelet stops after min(grace 3 s, 1 s).
    expect(run.waitedMs).toBeGreaterThanOrEqual(2_000);
    expect(run.waitedMs).toBeLessThanOrEqual(run.endedAt - run.startedAt);
  });

  test('a pod that is never scheduled ends inconclusive with the last state seen', async () => {
    const harness = testHarness({ nodes: [] });
    const scenario = simpleTermination();
    const run = await harness.run(scenario, expectationOf(scenario), 'stuck');
    expect(run.inconclusive).toMatch(
      /wait for pod kp-run1-stuck\/victim Running timed out after \d+\.\d s; last seen: .*phase Pending/,
    );
    const timeout = run.trace.find((e) => e.kind === 'waitTimeout');
    expect(timeout?.kind === 'waitTimeout' && timeout.lastSeen).toContain('phase Pending');
    expect(leftovers(harness.cluster)).toEqual({ namespaces: [], pods: [] });
  });

  test('the case deadline ends a run inconclusive and still cleans up', async () => {
    const harness = testHarness();
    const scenario = simpleTermination();
    const run = await harness.run(scenario, expectationOf(scenario), 'late', { caseDeadlineSeconds: 2 });
    expect(run.inconclusive).toBe('case deadline of 2 s exceeded');
    expect(leftovers(harness.cluster)).toEqual({ namespaces: [], pods: [] });
  });

  test('deleting a pod the quota rejected finds it gone at once (404), and the case goes on', async () => {
    const harness = testHarness({ nodes: [] });
    // memory is tracked and the pod sets none: quota admission rejects it ("must specify memory").
    const scenario: QuotaScenario = {
      family: 'quota',
      quota: { name: 'quota', hard: { pods: 2, memory: 64 }, scopes: [] },
      steps: [
        { kind: 'create', pod: minimalPod({ name: 'pod-0' }) },
        { kind: 'delete', podName: 'pod-0' },
        { kind: 'create', pod: minimalPod({ name: 'pod-1' }) },
      ],
    };
    const run = await harness.run(
      scenario,
      expectQuota(scenario, CAPABILITIES, DEFAULT_MODEL_OPTIONS),
      'rejected',
    );
    expect(run.inconclusive).toBeUndefined();
    const results = run.trace.filter((e) => e.kind === 'actionResult');
    expect(results.map((e) => `${e.action} ${e.target} ${e.ok ? 'ok' : e.status}`)).toEqual([
      'createNamespace kp-run1-rejected ok',
      'create ResourceQuota/quota ok',
      'create Pod/pod-0 403',
      'delete pod-0 404',
      'create Pod/pod-1 403',
    ]);
    expect(run.trace.filter((e) => e.kind === 'waitTimeout')).toEqual([]);
    expect(leftovers(harness.cluster)).toEqual({ namespaces: [], pods: [] });
  });

  test('an extended resource is advertised for the case and the node restored afterwards', async () => {
    const harness = testHarness();
    const scenario: Scenario = {
      family: 'resources',
      observeSeconds: 2,
      extendedCapacity: { resource: DONGLE, perNode: 4 },
      pod: {
        ...simpleTermination().pod,
        containers: [
          {
            ...simpleTermination().pod.containers[0],
            resources: { requests: { extended: { [DONGLE]: 2 } }, limits: { extended: { [DONGLE]: 2 } } },
          },
        ],
      },
    };
    const run = await harness.run(scenario, expectationOf(scenario), 'dongle');
    expect(run.inconclusive).toBeUndefined();
    expect(run.trace.some((e) => e.kind === 'actionResult' && e.action === `patchCapacity ${DONGLE}=4`)).toBe(
      true,
    );
    expect((await harness.cluster.listNodes())[0].status?.capacity?.[DONGLE]).toBeUndefined();
  });
});

describe('never leave anything behind', () => {
  test('50 runs interrupted at random API calls leave no namespace, no pod, and node capacity restored', async () => {
    const scenarios = fc.oneof(
      terminationScenario(CAPABILITIES),
      resourcesScenario(CAPABILITIES).map((s) => ({
        ...s,
        extendedCapacity: { resource: DONGLE, perNode: 3 },
      })),
    );
    await fc.assert(
      fc.asyncProperty(
        scenarios,
        fc.integer({ min: 1, max: 80 }),
        fc.integer({ min: 1, max: 1000 }),
        async (scenario, call, seed) => {
          const interrupted = testHarness({
            seed,
            faults: {
              interruptAt: {
                call,
                interrupt: () => controller.abort(new Error('SIGINT')),
              },
            },
          });
          const before = (await testHarness().cluster.listNodes())[0].status?.capacity;
          const controller = interrupted.controller;
          const running = interrupted.run(scenario, expectationOf(scenario), `c${seed}`);
          // What the interrupt handler does: abort (via interruptAt), run every cleanup, then exit.
          await new Promise<void>((resolve) => {
            if (controller.signal.aborted) resolve();
            else controller.signal.addEventListener('abort', () => resolve(), { once: true });
            void running.then(() => resolve());
          });
          const report = await interrupted.cleanup.runAll();
          expect(report.leftovers).toEqual([]);
          // Checked before the run itself returns: the process may exit right after cleanup.
          expect(leftovers(interrupted.cluster)).toEqual({ namespaces: [], pods: [] });
          expect((await interrupted.cluster.listNodes())[0].status?.capacity).toEqual(before);
          const run = await running;
          // A result is still returned: inconclusive (interrupted, or unobservable), or complete with final states.
          if (run.inconclusive === undefined)
            expect(run.trace.some((e) => e.kind === 'podSnapshot')).toBe(true);
          // Nothing is created after the cleanup ran.
          expect(leftovers(interrupted.cluster)).toEqual({ namespaces: [], pods: [] });
        },
      ),
      { numRuns: 50, seed: 4242 },
    );
  });
});

describe('never lose a result, never a false failure', () => {
  test('with 10% of API calls failing (429/500), verdicts match the fault-free run or are inconclusive', async () => {
    let sameAsClean = 0;
    await fc.assert(
      fc.asyncProperty(
        terminationScenario(CAPABILITIES),
        fc.integer({ min: 1, max: 10_000 }),
        async (scenario, seed) => {
          const expectation = expectationOf(scenario);
          const clean = await testHarness({ seed }).run(scenario, expectation, 'clean');
          const cleanVerdict = clean.inconclusive
            ? 'inconclusive'
            : judgeCase(expectation, observeTermination(clean.trace, scenario)).outcome;
          const faulty = testHarness({
            seed,
            faults: { seed, transientErrorRate: 0.1, errorAfterCommitRate: 0.02 },
          });
          const run = await faulty.run(scenario, expectation, 'faulty');
          const verdict = run.inconclusive
            ? 'inconclusive'
            : judgeCase(expectation, observeTermination(run.trace, scenario)).outcome;
          if (verdict === cleanVerdict) sameAsClean += 1;
          expect(['inconclusive', cleanVerdict]).toContain(verdict);
          expect(leftovers(faulty.cluster)).toEqual({ namespaces: [], pods: [] });
        },
      ),
      { numRuns: 30, seed: 99 },
    );
    // Retries overcome most faults: a harness that turned everything inconclusive would be useless.
    expect(sameAsClean).toBeGreaterThan(20);
  });

  test('a case that passes without faults passes or is inconclusive with 10% failing calls, over 20 seeds', async () => {
    const scenario = simpleTermination();
    const expectation = expectationOf(scenario);
    const judge = (run: CaseRun): string =>
      run.inconclusive
        ? 'inconclusive'
        : judgeCase(expectation, observeTermination(run.trace, scenario)).outcome;
    expect(judge(await testHarness().run(scenario, expectation, 'clean'))).toBe('pass');
    const outcomes: string[] = [];
    for (let seed = 1; seed <= 20; seed++) {
      const faulty = testHarness({
        seed,
        faults: { seed, transientErrorRate: 0.1, errorAfterCommitRate: 0.02 },
      });
      outcomes.push(judge(await faulty.run(scenario, expectation, `s${seed}`)));
    }
    expect(outcomes.filter((o) => o !== 'pass' && o !== 'inconclusive')).toEqual([]);
    expect(outcomes.filter((o) => o === 'pass').length).toBeGreaterThan(10);
  });

  test('dropped watches are resumed: the record is as complete as without drops', async () => {
    const scenario = simpleTermination();
    const expectation = expectationOf(scenario);
    const clean = await testHarness({ kubelet: new TrivialKubelet() }).run(scenario, expectation, 'd');
    const dropped = await testHarness({
      kubelet: new TrivialKubelet(),
      faults: { dropWatchAfterEvents: 2 },
    }).run(scenario, expectation, 'd');
    expect(dropped.inconclusive).toBeUndefined();
    const versions = (run: CaseRun): string[] =>
      run.trace.flatMap((e) =>
        e.kind === 'podWatch' ? [`${e.type}@${e.object.metadata?.resourceVersion}`] : [],
      );
    expect(versions(dropped)).toEqual(versions(clean));
    expect(dropped.trace.filter((e) => e.kind === 'event').length).toBe(
      clean.trace.filter((e) => e.kind === 'event').length,
    );
  });

  test('410 Gone on resume relists; a record with missed states is inconclusive, with the gap in the trace', async () => {
    const scenario = simpleTermination();
    const run = await testHarness({
      kubelet: new TrivialKubelet(),
      retainedWatchEvents: 1,
      faults: { dropWatchAfterEvents: 1, goneOnResumeRate: 1 },
    }).run(scenario, expectationOf(scenario), 'gone');
    const gaps = run.trace.filter((e) => e.kind === 'gap');
    expect(gaps.length).toBeGreaterThan(0);
    expect(gaps.some((g) => g.kind === 'gap' && g.what.includes('410 Gone'))).toBe(true);
    expect(run.inconclusive).toMatch(/gaps/);
    // The relist recorded the pods' current states as snapshots.
    expect(run.trace.some((e) => e.kind === 'podSnapshot')).toBe(true);
  });
});
