import { PODSECURITY_PROPERTIES } from '../../suites/podsecurity';
import { enforceRejectsViolations } from '../../suites/podsecurity/enforce-rejects-violations.property';
import { containerCount, expectCaughtAndShrunk, failures, runOnFake } from './fake-run';

/** Issue 5, podsecurity family: every property passes on a conforming fake; podsecurity-enforce-ignored is caught. */
describe('podsecurity properties on the fake cluster', () => {
  it.each(PODSECURITY_PROPERTIES.map((p) => [p.id, p] as const))(
    '%s passes on a conforming cluster',
    async (_id, definition) => {
      const run = await runOnFake(definition, { runs: 15, seed: 9 });
      expect(failures(run)).toEqual([]);
      expect(run.end.verdict).toBe('pass');
    },
  );

  it('podsecurity-enforce-ignored (enforce only warns) fails enforce-rejects-violations, confirmed and shrunk', async () => {
    const run = await runOnFake(
      { ...enforceRejectsViolations },
      { runs: 15, seed: 9, defects: ['podsecurity-enforce-ignored'] },
    );
    const { minimal, firstFailing, failedFields } = expectCaughtAndShrunk(run);
    expect(containerCount(minimal)).toBe(1);
    const violations = (scenario: typeof firstFailing) =>
      scenario.family === 'podsecurity' ? (scenario.intendedViolations?.length ?? 0) : 0;
    // Shrunk towards few violated checks: never more than the first failing pod had.
    expect(violations(minimal)).toBeLessThanOrEqual(violations(firstFailing));
    expect(violations(minimal)).toBeGreaterThanOrEqual(1);
    // The symptom: a pod the enforced level forbids was admitted.
    expect(failedFields).toContain('pod.admitted');
  });
});
