import { INIT_PROPERTIES } from '../../suites/init';
import { initFailure } from '../../suites/init/failure.property';
import { initOrder } from '../../suites/init/order.property';
import { initSidecars } from '../../suites/init/sidecars.property';
import { caught, expectCaughtAndShrunk, failures, runOnFake } from './fake-run';

/** Issue 5, init family: every property passes on the conforming fake; init-parallel and init-failure-continues are caught. */
describe('init properties on the fake cluster', () => {
  it.each(INIT_PROPERTIES.map((p) => [p.id, p] as const))(
    '%s passes on a conforming cluster',
    async (_id, definition) => {
      const run = await runOnFake(definition, { runs: 10, seed: 7 });
      expect(failures(run)).toEqual([]);
      expect(run.end.verdict).toBe('pass');
    },
  );

  it('init-parallel fails order, confirmed and shrunk', async () => {
    const run = await runOnFake({ ...initOrder }, { runs: 10, seed: 7, defects: ['init-parallel'] });
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    // The symptom: init containers ran at the same time as each other or as the app containers. The
    // structural shrink keeps one init container where the app start alone shows it.
    expect(
      failedFields.filter((field) => ['pod.initOneAtATime', 'pod.appsStartAfterInits'].includes(field)),
    ).not.toEqual([]);
    if (!failedFields.includes('pod.initOneAtATime') && 'pod' in minimal)
      expect(minimal.pod.initContainers).toHaveLength(1);
  });

  it('init-parallel fails sidecars: the init containers after the sidecar do not wait', async () => {
    const run = await runOnFake({ ...initSidecars }, { runs: 10, seed: 7, defects: ['init-parallel'] });
    expect(run.end.verdict).toBe('fail');
    const { confirmed, failedFields } = caught(run);
    expect(confirmed).toBe(true);
    expect(
      failedFields.filter((field) =>
        ['pod.initStartOrder', 'pod.initOneAtATime', 'pod.appsStartAfterInits'].includes(field),
      ),
    ).not.toEqual([]);
  });

  it('init-failure-continues fails failure, confirmed and shrunk: later init and app containers start', async () => {
    const run = await runOnFake(
      { ...initFailure },
      { runs: 3, seed: 7, defects: ['init-failure-continues'] },
    );
    const { failedFields } = expectCaughtAndShrunk(run);
    expect(failedFields.some((field) => field.endsWith('.statesSeen'))).toBe(true);
  });
});
