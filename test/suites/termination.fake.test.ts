import { TERMINATION_PROPERTIES } from '../../suites/termination';
import { sigkillAfterGrace } from '../../suites/termination/sigkill-after-grace.property';
import { caught, containerCount, failures, runOnFake } from './fake-run';

/** Issue 5, termination family: every property passes on the conforming fake; sigkill-early is caught. */
describe('termination properties on the fake cluster', () => {
  it.each(TERMINATION_PROPERTIES.map((p) => [p.id, p] as const))(
    '%s passes on a conforming cluster',
    async (_id, definition) => {
      const run = await runOnFake(definition, { runs: 10, seed: 7 });
      expect(failures(run)).toEqual([]);
      expect(run.end.verdict).toBe('pass');
    },
  );

  it('sigkill-early (SIGKILL 1 s before the grace period ends) fails sigkill-after-grace, confirmed and shrunk', async () => {
    const run = await runOnFake(
      { ...sigkillAfterGrace },
      { runs: 10, seed: 7, defects: ['sigkill-early'], slackSeconds: 0.5 },
    );
    expect(run.end.verdict).toBe('fail');
    const { confirmed, firstFailing, failedFields } = caught(run);
    expect(confirmed).toBe(true);
    expect(run.minimal).toBeDefined();
    if (!run.minimal || !firstFailing) throw new Error('no counterexample');
    expect(containerCount(run.minimal)).toBeLessThanOrEqual(containerCount(firstFailing));
    expect(containerCount(run.minimal)).toBe(1);
    // The symptom: the SIGKILL came too soon after SIGTERM.
    expect(failedFields).toContain('app-0.sigkillAfterSigtermSeconds');
  });
});
