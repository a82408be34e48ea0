import { livenessHandlers } from '../../suites/probes/liveness-handlers.property';
import { readinessNeverReady } from '../../suites/probes/readiness-never-ready.property';
import { readinessWindow } from '../../suites/probes/readiness-window.property';
import { startupFails } from '../../suites/probes/startup-fails.property';
import { readyAfterStartup } from '../../suites/probes/ready-after-startup.property';
import { httpRedirects } from '../../suites/probes/http-redirects.property';
import { grpcServing } from '../../suites/probes/grpc-serving.property';
import type { ProbesScenario } from '../../model/scenario';
import { expectCaughtAndShrunk, runOnFake } from './fake-run';

/** Issue 12, probes: the handler kinds and failure shapes upstream's container_probe.go checks, on the fake. */
describe('probes handler properties on the fake cluster', () => {
  it('tcp-liveness-ignored fails liveness-handlers, confirmed and shrunk to a failing tcpSocket liveness probe', async () => {
    const run = await runOnFake(
      { ...livenessHandlers },
      { runs: 20, seed: 7, defects: ['tcp-liveness-ignored'] },
    );
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    const [first] = (minimal as ProbesScenario).pod.containers;
    expect(first.probes.liveness?.handler.kind).toBe('tcpSocket');
    expect(first.behaviour.unhealthyAfterSeconds).toBeDefined();
    // The symptom: the listener went away but the container was never killed.
    expect(failedFields).toContain('app-0.restartCount');
  });

  it.each([
    ['readiness-never-ready', readinessNeverReady],
    ['readiness-window', readinessWindow],
  ] as const)(
    'readiness-failure-restarts fails %s: a readiness failure restarted the container',
    async (_id, definition) => {
      const run = await runOnFake(
        { ...definition },
        { runs: 10, seed: 7, defects: ['readiness-failure-restarts'] },
      );
      const { failedFields } = expectCaughtAndShrunk(run);
      // Restarted (restartCount), or killed at each failure before it could turn Ready (readyAtEnd): which
      // one the shrunk case shows depends on the pod start latencies drawn.
      expect(failedFields.filter((f) => ['app-0.restartCount', 'app-0.readyAtEnd'].includes(f))).not.toEqual(
        [],
      );
    },
  );

  it('startup-failure-not-restarted fails startup-fails, confirmed and shrunk', async () => {
    const run = await runOnFake(
      { ...startupFails },
      { runs: 10, seed: 7, defects: ['startup-failure-not-restarted'] },
    );
    const { failedFields } = expectCaughtAndShrunk(run);
    // The symptom: the startup probe ran out of failures and nothing killed (so restarted) the container.
    expect(failedFields).toContain('app-0.restartCount');
  });

  it("startup-probe-grace-ignored fails startup-fails: the kill took the pod's grace, not the probe's", async () => {
    const run = await runOnFake(
      { ...startupFails },
      { runs: 10, seed: 7, defects: ['startup-probe-grace-ignored'] },
    );
    const { failedFields } = expectCaughtAndShrunk(run);
    expect(failedFields).toContain('app-0.probeKillStopSeconds');
  });

  it('readiness-waits-for-tick-after-startup fails ready-after-startup: Ready a readiness period late', async () => {
    const run = await runOnFake(
      { ...readyAfterStartup },
      { runs: 10, seed: 7, defects: ['readiness-waits-for-tick-after-startup'] },
    );
    const { failedFields } = expectCaughtAndShrunk(run);
    // Ready came up to a period after startup: late within the window, or not by its end.
    const late = ['app-0.readyAfterStartedSeconds', 'app-0.readyAtEnd'];
    expect(failedFields.filter((field) => late.includes(field))).not.toEqual([]);
  });

  it('redirect-followed-offhost fails http-redirects: a non-local redirect was followed, failed and restarted', async () => {
    const run = await runOnFake(
      { ...httpRedirects },
      { runs: 10, seed: 7, defects: ['redirect-followed-offhost'] },
    );
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    const liveness = (minimal as ProbesScenario).pod.containers[0].probes.liveness;
    expect(liveness?.handler.kind === 'serverHttpGet' && liveness.handler.path).toContain('0.0.0.0');
    expect(failedFields).toContain('app-0.restartCount');
  });

  it('without a server image http-redirects is skipped with the reason, not failed', async () => {
    const run = await runOnFake({ ...httpRedirects }, { runs: 3, seed: 7, serverImage: null });
    expect(run.end.verdict).not.toBe('fail');
    expect(run.end.verdict).not.toBe('pass');
    expect(run.end.reason).toContain('needs the server image');
    expect(run.cases).toEqual([]);
  });

  it('grpc-health-status-ignored fails grpc-serving: NOT_SERVING never restarted the container', async () => {
    const run = await runOnFake(
      { ...grpcServing },
      { runs: 10, seed: 7, defects: ['grpc-health-status-ignored'] },
    );
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    const server = (minimal as ProbesScenario).pod.containers[0].server;
    expect(server?.kind === 'grpcHealth' && server.unhealthyAfterSeconds).toBeGreaterThan(0);
    expect(failedFields).toContain('app-0.restartCount');
  });
});
