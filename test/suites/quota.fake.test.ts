import type { Scenario } from '../../model/scenario';
import { QUOTA_PROPERTIES } from '../../suites/quota';
import { exceededRejected } from '../../suites/quota/exceeded-rejected.property';
import { caught, failures, runOnFake } from './fake-run';

/** Pods a quota scenario creates: the size that matters to a reader of the counterexample. */
function creates(scenario: Scenario): number {
  return scenario.family === 'quota' ? scenario.steps.filter((s) => s.kind === 'create').length : 0;
}

/** Issue 5, quota family: every property passes on a conforming fake; quota-not-enforced is caught. */
describe('quota properties on the fake cluster', () => {
  it.each(QUOTA_PROPERTIES.map((p) => [p.id, p] as const))(
    '%s passes on a conforming cluster',
    async (_id, definition) => {
      const run = await runOnFake(definition, { runs: 12, seed: 5 });
      expect(failures(run)).toEqual([]);
      expect(run.end.verdict).toBe('pass');
    },
  );

  it('quota-not-enforced (admission lets everything through) fails exceeded-rejected, confirmed and shrunk', async () => {
    const run = await runOnFake(
      { ...exceededRejected },
      { runs: 12, seed: 5, defects: ['quota-not-enforced'] },
    );
    expect(run.end.verdict).toBe('fail');
    const { confirmed, firstFailing, failedFields } = caught(run);
    expect(confirmed).toBe(true);
    if (!run.minimal || !firstFailing) throw new Error('no counterexample');
    expect(creates(run.minimal)).toBeLessThanOrEqual(creates(firstFailing));
    // One pod over a quota derived from nothing admitted before it: a single create shows the defect.
    expect(creates(run.minimal)).toBe(1);
    // The symptom: a create the quota forbids was admitted.
    expect(failedFields).toContain('step1.admitted');
  });
});
