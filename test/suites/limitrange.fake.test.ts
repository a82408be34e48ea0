import { LIMITRANGE_PROPERTIES } from '../../suites/limitrange';
import { constraintRejected } from '../../suites/limitrange/constraint-rejected.property';
import { defaultsApplied } from '../../suites/limitrange/defaults-applied.property';
import { limitRangeLifecycle } from '../../suites/limitrange/lifecycle.property';
import { containerCount, expectCaughtAndShrunk, failures, runOnFake } from './fake-run';

/** Issue 5, limitrange family: every property passes on a conforming fake; each seeded defect is caught. */
describe('limitrange properties on the fake cluster', () => {
  it.each(LIMITRANGE_PROPERTIES.map((p) => [p.id, p] as const))(
    '%s passes on a conforming cluster',
    async (_id, definition) => {
      const run = await runOnFake(definition, { runs: 15, seed: 3 });
      expect(failures(run)).toEqual([]);
      expect(run.end.verdict).toBe('pass');
    },
  );

  it('limitrange-defaults-skipped fails defaults-applied, confirmed and shrunk to one container', async () => {
    const run = await runOnFake(
      { ...defaultsApplied },
      { runs: 15, seed: 3, defects: ['limitrange-defaults-skipped'] },
    );
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    expect(containerCount(minimal)).toBe(1);
    // The symptom: the container that set nothing got no defaults (no limit-ranger annotation), or,
    // left without the defaulted request or limit, the pod broke min/ratio and was rejected.
    expect(failedFields).toEqual(
      expect.arrayContaining([expect.stringMatching(/^pod\.(limitRangerAnnotation|admitted)$/)]),
    );
  });

  it.each([defaultsApplied, constraintRejected].map((p) => [p.id, p] as const))(
    'limitrange-ephemeral-ignored fails %s on an ephemeral-storage field, confirmed and shrunk',
    async (_id, definition) => {
      const run = await runOnFake(
        { ...definition },
        { runs: 40, seed: 3, defects: ['limitrange-ephemeral-ignored'] },
      );
      const { failedFields } = expectCaughtAndShrunk(run);
      // Defaults: an ephemeral-storage request or limit (or the annotation naming it) missing;
      // constraints: a pod breaking an ephemeral-storage bound admitted.
      expect(failedFields.some((f) => /ephemeral-storage|limitRangerAnnotation|admitted/.test(f))).toBe(true);
    },
  );

  it('limitrange-patch-ignored fails lifecycle, confirmed and shrunk: the pod after the patch gets the old defaults', async () => {
    const run = await runOnFake(
      { ...limitRangeLifecycle },
      { runs: 10, seed: 3, defects: ['limitrange-patch-ignored'] },
    );
    const { failedFields } = expectCaughtAndShrunk(run);
    expect(failedFields.some((f) => f.startsWith('pod-patched.'))).toBe(true);
  });
});
