import { RESOURCES_PROPERTIES } from '../../suites/resources';
import { oomKilled } from '../../suites/resources/oom-killed.property';
import { qosClass } from '../../suites/resources/qos-class.property';
import { containerCount, expectCaughtAndShrunk, failures, runOnFake } from './fake-run';

/** Issue 5, resources family: every property passes on a conforming fake; qos-wrong and oom-as-error are caught. */
describe('resources properties on the fake cluster', () => {
  it.each(RESOURCES_PROPERTIES.map((p) => [p.id, p] as const))(
    '%s passes on a conforming cluster',
    async (_id, definition) => {
      const run = await runOnFake(definition, { runs: 10, seed: 11 });
      expect(failures(run)).toEqual([]);
      expect(run.end.verdict).toBe('pass');
    },
  );

  it('qos-wrong (qosClass from limits only) fails qos-class, confirmed and shrunk to one container', async () => {
    const run = await runOnFake({ ...qosClass }, { runs: 10, seed: 11, defects: ['qos-wrong'] });
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    expect(containerCount(minimal)).toBe(1);
    // The symptom: the reported class is not the one requests and limits together give.
    expect(failedFields).toEqual([expect.stringMatching(/\.qosClass$/)]);
  });

  it('oom-as-error (OOM kills reported as Error) fails oom-killed, confirmed and shrunk to one container', async () => {
    const run = await runOnFake({ ...oomKilled }, { runs: 10, seed: 11, defects: ['oom-as-error'] });
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    expect(containerCount(minimal)).toBe(1);
    // The symptom: the container over its limit is not reported OOMKilled.
    expect(failedFields).toContain(`${podName(minimal)}.app-0.oomKilled`);
  });
});

function podName(scenario: { family: string } & object): string {
  return 'pod' in scenario ? (scenario.pod as { name: string }).name : '';
}
