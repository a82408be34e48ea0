import { PROBES_PROPERTIES } from '../../suites/probes';
import { livenessRestarts } from '../../suites/probes/liveness-restarts.property';
import { readinessWindow } from '../../suites/probes/readiness-window.property';
import { httpStatus } from '../../suites/probes/http-status.property';
import { startupGates } from '../../suites/probes/startup-gates.property';
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
});
