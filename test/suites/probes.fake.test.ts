import { PROBES_PROPERTIES } from '../../suites/probes';
import { startupFails } from '../../suites/probes/startup-fails.property';
import { realCase } from '../fixtures/real-runs';
import { fakeTarget } from '../support/fake-target';
import { livenessRestarts } from '../../suites/probes/liveness-restarts.property';
import { readinessWindow } from '../../suites/probes/readiness-window.property';
import { httpStatus } from '../../suites/probes/http-status.property';
import { startupGates } from '../../suites/probes/startup-gates.property';
import { execTimeout } from '../../suites/probes/exec-timeout.property';
import { grpcUnservedFails } from '../../suites/probes/grpc-unserved-fails.property';
import type { ProbesScenario } from '../../model/scenario';
import fc from 'fast-check';
import { defaultCapabilities, LATEST_VERSION, parseServerVersion } from '../../model/capabilities';
import { scenarioProblems } from '../generators/support/validity';
import { DECISION_MARGIN_SECONDS } from '../../model/timing';
import { caught, containerCount, expectCaughtAndShrunk, failures, runOnFake } from './fake-run';

/** Issue 5, probes family: every property passes on the conforming fake; liveness-ignored and readiness-ignored are caught. */
describe('probes properties on the fake cluster', () => {
  it.each(PROBES_PROPERTIES.map((p) => [p.id, p] as const))(
    '%s passes on a conforming cluster',
    async (_id, definition) => {
      const run = await runOnFake(definition, { runs: 10, seed: 7 });
      expect(failures(run)).toEqual([]);
      expect(run.end.verdict).toBe('pass');
    },
  );

  it('liveness-ignored fails liveness-restarts, confirmed and shrunk', async () => {
    const run = await runOnFake(
      { ...livenessRestarts },
      { runs: 10, seed: 7, defects: ['liveness-ignored'] },
    );
    const { failedFields } = expectCaughtAndShrunk(run);
    // The symptom: a failing liveness probe never killed the container.
    expect(failedFields).toContain('app-0.restartCount');
  });

  it('readiness-ignored fails readiness-window, confirmed and shrunk', async () => {
    const run = await runOnFake(
      { ...readinessWindow },
      { runs: 10, seed: 7, defects: ['readiness-ignored'] },
    );
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    expect(containerCount(minimal)).toBe(1);
    // The symptom: Ready as soon as the container ran (before its signal was on) and still Ready once it was off.
    const readinessFields = [
      'app-0.readyAfterStartSeconds',
      'app-0.unreadyAfterStartSeconds',
      'app-0.readyAtEnd',
    ];
    expect(failedFields.filter((field) => readinessFields.includes(field))).not.toEqual([]);
  });

  it('readiness-ignored fails http-status: a failing status is not counted as failure', async () => {
    const run = await runOnFake({ ...httpStatus }, { runs: 10, seed: 7, defects: ['readiness-ignored'] });
    expect(run.end.verdict).toBe('fail');
    const { confirmed, failedFields } = caught(run);
    expect(confirmed).toBe(true);
    // The symptom: Ready while the probe answered 4xx/5xx, before its signal was on or after it was off.
    const readinessFields = [
      'app-0.readyAfterStartSeconds',
      'app-0.unreadyAfterStartSeconds',
      'app-0.readyAtEnd',
    ];
    expect(failedFields.filter((field) => readinessFields.includes(field))).not.toEqual([]);
  });

  it('liveness-ignored fails startup-gates: no liveness kill once startup has passed', async () => {
    const run = await runOnFake({ ...startupGates }, { runs: 10, seed: 7, defects: ['liveness-ignored'] });
    expect(run.end.verdict).toBe('fail');
    const { confirmed, failedFields } = caught(run);
    expect(confirmed).toBe(true);
    // The symptom: the failing liveness probe never killed (so never restarted) the container.
    expect(failedFields).toContain('app-0.restartCount');
  });

  it.each([
    ['v1.34', LATEST_VERSION],
    ['v1.24', parseServerVersion('v1.24.0')],
  ])(
    'exec-timeout and grpc-unserved-fails generate valid scenarios their fields apply to (%s)',
    (_name, version) => {
      const capabilities = defaultCapabilities(version);
      for (const definition of [execTimeout, grpcUnservedFails]) {
        fc.assert(
          fc.property(definition.arbitrary(capabilities), (scenario) => {
            expect(scenarioProblems(scenario, capabilities)).toEqual([]);
            const [first] = (scenario as ProbesScenario).pod.containers;
            const probe = first.probes.readiness ?? first.probes.liveness;
            if (definition === execTimeout && probe?.handler.kind === 'exec') {
              // Outlasting the timeout or answering before it, by at least the decision margin.
              const hang = probe.handler.hangSeconds ?? 0;
              expect(Math.abs(hang - probe.timeoutSeconds)).toBeGreaterThanOrEqual(DECISION_MARGIN_SECONDS);
            } else {
              expect(probe?.handler.kind).toBe(definition === execTimeout ? 'exec' : 'grpc');
            }
          }),
          { numRuns: 60, seed: 7 },
        );
      }
    },
  );

  it('exec-timeout is unsupported before 1.20 and grpc-unserved-fails without gRPC probes', () => {
    expect(execTimeout.unsupported?.(defaultCapabilities(parseServerVersion('v1.19.0')))).toMatch(/1\.20/);
    expect(execTimeout.unsupported?.(defaultCapabilities(LATEST_VERSION))).toBeUndefined();
    const noGrpc = { ...defaultCapabilities(LATEST_VERSION), grpcProbes: false };
    expect(grpcUnservedFails.unsupported?.(noGrpc)).toMatch(/GRPCContainerProbe/);
    expect(grpcUnservedFails.unsupported?.(defaultCapabilities(LATEST_VERSION))).toBeUndefined();
  });

  it('exec-timeout-ignored fails exec-timeout, confirmed and shrunk to a command outlasting its timeout', async () => {
    const run = await runOnFake({ ...execTimeout }, { runs: 10, seed: 7, defects: ['exec-timeout-ignored'] });
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    expect(containerCount(minimal)).toBe(1);
    // The counterexample shows the defect: an exec probe whose command hangs at least timeoutSeconds.
    const [probed] = (minimal as ProbesScenario).pod.containers;
    const probe = probed.probes.readiness ?? probed.probes.liveness;
    if (probe?.handler.kind !== 'exec') throw new Error('the minimal case has no exec probe');
    expect(probe.handler.hangSeconds).toBeGreaterThanOrEqual(probe.timeoutSeconds);
    // The symptom: the hanging probe passed, so the container became Ready or was never killed.
    const symptoms = [
      'app-0.readyAtEnd',
      'app-0.readyAfterStartSeconds',
      'app-0.restartCount',
      'app-0.firstKillAfterStartSeconds',
    ];
    expect(failedFields.filter((field) => symptoms.includes(field))).not.toEqual([]);
  });

  it('grpc-probe-ignored fails grpc-unserved-fails, confirmed and shrunk to a gRPC liveness probe', async () => {
    const run = await runOnFake(
      { ...grpcUnservedFails },
      { runs: 10, seed: 7, defects: ['grpc-probe-ignored'] },
    );
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    expect(containerCount(minimal)).toBe(1);
    expect((minimal as ProbesScenario).pod.containers[0].probes.liveness?.handler.kind).toBe('grpc');
    // The symptom: the liveness probe never failed, so the container was never killed and restarted.
    expect(failedFields).toContain('app-0.restartCount');
  });

  it('liveness-threshold-off-by-one (kills after failureThreshold + 1 failures) fails liveness-restarts, confirmed', async () => {
    const run = await runOnFake(
      { ...livenessRestarts },
      { runs: 10, seed: 7, defects: ['liveness-threshold-off-by-one'] },
    );
    const { failedFields } = expectCaughtAndShrunk(run);
    // The symptom: the kill came a whole period later than failureThreshold failures allow.
    expect(failedFields).toContain('app-0.firstKillAfterStartSeconds');
  });

  it('probe-period-off-by-one (probes every periodSeconds + 1 s) fails readiness-window, confirmed', async () => {
    const run = await runOnFake(
      { ...readinessWindow },
      { runs: 10, seed: 7, defects: ['probe-period-off-by-one'] },
    );
    const { failedFields } = expectCaughtAndShrunk(run);
    expect(failedFields.some((f) => f.endsWith('AfterStartSeconds'))).toBe(true);
  });
});

describe('a liveness kill under restartPolicy OnFailure, on the fake as on the real v1.26.1 node', () => {
  // The seed-2 case of the real node: the trap exits 0 after the kill, and the kubelet restarts the
  // container anyway (the killing sync starts its successor unless the policy is Never).
  it('the killed container is restarted and the case passes', async () => {
    const { scenario } = realCase('v1.26.1-probes-liveness-restarts-onfailure-r0');
    const report = await fakeTarget().executorFor(livenessRestarts)(scenario as ProbesScenario, 'c1', {
      number: 1,
    });
    const restarts = report.observation.fields['app-0.restartCount'];
    expect(restarts).toMatchObject({ kind: 'value' });
    expect((restarts as { value: number }).value).toBeGreaterThan(0);
    expect(report.verdict.outcome).toBe('pass');
  });
});

describe('a pod whose container restarts within its window is watched for its window, not a minute more', () => {
  // The seed-2 startup-fails case of the real node: observeSeconds 30, the container killed and
  // restarted twice within it. The harness read the first start from the latest status only, which
  // after two restarts no longer holds it, so it took the start for a late one and watched up to its
  // 60 s give-up: that case took 65 s there (and such cases 60-69 s in run13).
  it('the case ends within a few seconds of its window', async () => {
    const { scenario } = realCase('v1.26.1-probes-startup-fails-seed2-r0');
    const probes = scenario as ProbesScenario;
    const report = await fakeTarget().executorFor(startupFails)(probes, 'c1', { number: 1 });
    expect(report.observation.fields['app-0.restartCount']).toMatchObject({ kind: 'value' });
    expect(
      (report.observation.fields['app-0.restartCount'] as { value: number }).value,
    ).toBeGreaterThanOrEqual(2);
    expect(report.durationMs / 1000).toBeLessThan(probes.observeSeconds + 10);
  });
});
