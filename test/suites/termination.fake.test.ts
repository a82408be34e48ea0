import { TERMINATION_PROPERTIES } from '../../suites/termination';
import { probesStop } from '../../suites/termination/probes-stop.property';
import { sidecarsLast } from '../../suites/termination/sidecars-last.property';
import { sigkillAfterGrace } from '../../suites/termination/sigkill-after-grace.property';
import { containerCount, expectCaughtAndShrunk, failures, runOnFake } from './fake-run';

/**
 * Issue 5, termination family: every property passes on the conforming fake; sigkill-early,
 * probes-during-termination and sidecars-stopped-with-mains are caught.
 */
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
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    expect(containerCount(minimal)).toBe(1);
    // The symptom: the SIGKILL came too soon after SIGTERM.
    expect(failedFields).toContain('app-0.sigkillAfterSigtermSeconds');
  });

  it('probes-during-termination (liveness keeps killing) fails probes-stop, confirmed and shrunk', async () => {
    const run = await runOnFake(
      { ...probesStop },
      { runs: 10, seed: 7, defects: ['probes-during-termination'] },
    );
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    expect(containerCount(minimal)).toBe(1);
    // The symptom: a liveness kill after the kubelet saw the deletion.
    expect(failedFields).toContain('app-0.probeKillsDuringTermination');
  });

  it('sidecars-stopped-with-mains fails sidecars-last, confirmed and shrunk', async () => {
    const run = await runOnFake(
      { ...sidecarsLast },
      { runs: 10, seed: 7, defects: ['sidecars-stopped-with-mains'] },
    );
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    // One main container and its sidecar are enough to show it.
    expect(containerCount(minimal)).toBe(2);
    // The symptom: the sidecar got SIGTERM seconds before the main containers exited.
    expect(failedFields).toContain('pod.firstSidecarSigtermAfterMainSigtermSeconds');
  });
});
