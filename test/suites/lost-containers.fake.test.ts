import { prestopThenSigterm } from '../../suites/termination/prestop-then-sigterm.property';
import { sigtermHandled } from '../../suites/termination/sigterm-handled.property';
import type { PropertyDefinition } from '../../runner/property-definition';
import { runOnFake } from './fake-run';

/**
 * A real v1.26.1 node sometimes removed a deleted pod's killed containers before the kubelet posted
 * their termination: the status showed the kubelet's ContainerStatusUnknown stand-in, with no container
 * ID, no log and an invented exit code 137. Such a case is judged on everything else its record holds
 * (the log streams of the instances it stands for are complete), and its exit code is not observed.
 */
describe('containers the runtime removed before their termination was posted', () => {
  it.each([
    ['termination/prestop-then-sigterm', prestopThenSigterm],
    ['termination/sigterm-handled', sigtermHandled],
  ] as [string, PropertyDefinition][])(
    '%s: timings judged, exit codes not observed, no gap in the record, never failed',
    async (_id, definition) => {
      const run = await runOnFake(definition, { runs: 6, seed: 1, kubelet: { lostOnDeleteShare: 1 } });
      const diffs = run.cases.flatMap((c) => c.verdict.diff);
      expect(diffs.filter((d) => d.outcome === 'fail')).toEqual([]);
      expect(run.cases.map((c) => c.verdict.unreliable ?? '').filter((why) => why.includes('gap'))).toEqual(
        [],
      );
      const timings = diffs.filter((d) => /After(Sigterm|PreStopStart|KillStart)Seconds$/.test(d.field));
      expect(timings.length).toBeGreaterThan(0);
      expect(timings.filter((d) => d.outcome !== 'pass')).toEqual([]);
      for (const d of diffs.filter((d) => /\.(exitCode|terminatedReason)$/.test(d.field))) {
        expect(d.outcome).toBe('inconclusive');
        expect(d.detail).toContain('ContainerStatusUnknown');
      }
    },
  );
});
