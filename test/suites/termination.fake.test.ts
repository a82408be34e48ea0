import { TERMINATION_PROPERTIES } from '../../suites/termination';
import fc from 'fast-check';
import { defaultCapabilities, LATEST_VERSION, parseServerVersion } from '../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import { expectTermination } from '../../model/termination';
import { endpointTerminating } from '../../suites/termination/endpoint-terminating.property';
import { probesStop } from '../../suites/termination/probes-stop.property';
import { readinessContinues } from '../../suites/termination/readiness-continues.property';
import { sidecarsLast } from '../../suites/termination/sidecars-last.property';
import { sigkillAfterGrace } from '../../suites/termination/sigkill-after-grace.property';
import { graceZero } from '../../suites/termination/grace-zero.property';
import { knownIssueForFailure } from '../../runner/known-issues';
import { UPSTREAM_KNOWN_ISSUES } from '../../runner/upstream-known-issues';
import { containerCount, expectCaughtAndShrunk, failures, runOnFake } from './fake-run';

/**
 * Issue 5, termination family: every property passes on the conforming fake; sigkill-early,
 * probes-during-termination, sidecars-stopped-with-mains, readiness-stops-on-delete and
 * endpoint-update-late are caught.
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

  it('grace-zero passes on a conforming v1.26 cluster, whose kubelet takes a zero grace as the spec period', async () => {
    // pod_workers.go calculateEffectiveGracePeriod before 1.27; the fake once killed after 1 s on every release.
    const run = await runOnFake(graceZero, {
      runs: 10,
      seed: 1,
      serverVersion: parseServerVersion('v1.26.1'),
      kubelet: { lostOnDeleteShare: 0 },
    });
    expect(failures(run)).toEqual([]);
    expect(run.end.verdict).toBe('pass');
  });

  it('grace-zero-prestop-skipped (the 1.22–1.27 kubelets) fails grace-zero on its own rule, known on those releases only', async () => {
    const run = await runOnFake(
      { ...graceZero },
      {
        runs: 10,
        seed: 7,
        defects: ['grace-zero-prestop-skipped'],
        serverVersion: parseServerVersion('v1.26.1'),
      },
    );
    const { failedFields } = expectCaughtAndShrunk(run);
    const fields = run.end.counterexample?.failedFields ?? [];
    // The symptom: SIGKILL the whole spec period after SIGTERM, where the preStop should have used part of it.
    expect(failedFields.some((field) => field.endsWith('.sigkillAfterSigtermSeconds'))).toBe(true);
    expect(new Set(fields.map((field) => field.rule))).toEqual(new Set(['termination.grace-zero-prestop']));
    expect(knownIssueForFailure(UPSTREAM_KNOWN_ISSUES, fields, parseServerVersion('v1.26.1'))).toMatch(
      /115835/,
    );
    expect(
      knownIssueForFailure(UPSTREAM_KNOWN_ISSUES, fields, parseServerVersion('v1.28.0')),
    ).toBeUndefined();
  });

  it('sigkill-early (SIGKILL 1 s before the grace period ends) fails sigkill-after-grace, confirmed and shrunk', async () => {
    const run = await runOnFake({ ...sigkillAfterGrace }, { runs: 10, seed: 7, defects: ['sigkill-early'] });
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

  it('readiness-stops-on-delete (last result kept) fails readiness-continues, confirmed and shrunk', async () => {
    const run = await runOnFake(
      { ...readinessContinues },
      { runs: 10, seed: 7, defects: ['readiness-stops-on-delete'] },
    );
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    expect(containerCount(minimal)).toBe(1);
    // The symptom: the container stayed ready until it was killed at the end of the grace period.
    expect(failedFields).toEqual(
      expect.arrayContaining([
        'app-0.unreadyDuringTerminationAfterStartSeconds',
        'app-0.notReadyWhileRunningAfterDelete',
      ]),
    );
  });

  it('endpoint-update-late (EndpointSlice changes 20 s late) fails endpoint-terminating, confirmed and shrunk', async () => {
    const run = await runOnFake(
      { ...endpointTerminating },
      { runs: 10, seed: 7, defects: ['endpoint-update-late'] },
    );
    const { minimal, failedFields } = expectCaughtAndShrunk(run);
    // One app container: at this seed shrinking stops at a local minimum that still keeps an init
    // container the failure does not need (a shrinking gap, not a reason to pass).
    expect(minimal.family === 'termination' && minimal.pod.containers).toHaveLength(1);
    // The symptom: the endpoint changed only long after the delete (here: gone, never seen terminating).
    expect(failedFields).toContain('pod.endpointTerminatingAfterDeleteSeconds');
  });

  it('endpoint-terminating cases come both with and without a preStop hook (no order asserted)', () => {
    const scenarios = fc.sample(endpointTerminating.arbitrary(defaultCapabilities(LATEST_VERSION)), {
      numRuns: 40,
      seed: 7,
    });
    const withPreStop = scenarios.filter((s) => s.pod.containers.some((c) => c.lifecycle.preStop));
    expect(withPreStop.length).toBeGreaterThan(0);
    expect(withPreStop.length).toBeLessThan(scenarios.length);
  });

  it('every readiness-continues case is focused so its fields apply (none is inconclusive by construction)', () => {
    const capabilities = defaultCapabilities(LATEST_VERSION);
    const scenarios = fc.sample(readinessContinues.arbitrary(capabilities), { numRuns: 60, seed: 7 });
    for (const scenario of scenarios) {
      const fields = expectTermination(scenario, capabilities, DEFAULT_MODEL_OPTIONS).fields;
      expect(Object.keys(fields)).toEqual(
        expect.arrayContaining([
          'app-0.unreadyDuringTerminationAfterStartSeconds',
          'app-0.notReadyWhileRunningAfterDelete',
        ]),
      );
      // ContainersReady can only date the judged container's flip if nothing else moves it.
      const others = [...scenario.pod.initContainers, ...scenario.pod.containers.slice(1)];
      expect(others.filter((c) => c.probes.readiness)).toEqual([]);
      expect(scenario.pod.containers.every((c) => c.behaviour.sigterm.kind === 'ignore')).toBe(true);
    }
  });
});
