import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import type { ModelOptions } from '../../model/expectation';
import type { ContainerScenario, HookHandler, TerminationScenario } from '../../model/scenario';
import { expectTermination } from '../../model/termination';
import { planContainerStop } from '../../model/termination-plan';
import { container, pod } from './builders';
import { NODE_LATENCY_SECONDS } from '../../model/timing';

// Boundaries of the stop plan and which fields a delete yields (kuberuntime_container.go killContainer,
// executePreStopHook; docs pod-lifecycle.md "Termination of Pods").

const v126 = defaultCapabilities(parseServerVersion('v1.26'));
const options: ModelOptions = { slackSeconds: 1 };

function withPreStop(preStop: HookHandler): ContainerScenario {
  return container('c', { lifecycle: { preStop } });
}

function deleteOf(c: ContainerScenario[], grace: number, deleteGrace?: number): TerminationScenario {
  return {
    family: 'termination',
    pod: pod(c, { terminationGracePeriodSeconds: grace }),
    delete:
      deleteGrace === undefined
        ? { afterRunningSeconds: 1 }
        : { afterRunningSeconds: 1, gracePeriodSeconds: deleteGrace },
    withService: false,
  };
}

describe('preStop failure is only decided when the hook returns within the grace period', () => {
  const failing = (seconds: number): ContainerScenario =>
    withPreStop({ kind: 'exec', durationSeconds: seconds, exitCode: 1 });

  it('a failing hook that returns (with its slack) before the grace runs out: FailedPreStopHook', () => {
    expect(planContainerStop(failing(8.5), { min: 10, max: 10 }, 1).preStopFails).toBe(true);
  });

  it('a failing hook that may still run when the grace ends (duration + slack = grace) is left undecided', () => {
    // The kubelet stops waiting for the hook after the grace period; whether it exited first is unknown.
    expect(planContainerStop(failing(9), { min: 10, max: 10 }, 1).preStopFails).toBeUndefined();
    expect(planContainerStop(failing(100), { min: 30, max: 30 }, 1).preStopFails).toBeUndefined();
  });

  it('the shortest of a range of grace periods decides (grace 0 on 1.27+: 1 s up to the spec)', () => {
    expect(planContainerStop(failing(3), { min: 1, max: 30 }, 1).preStopFails).toBeUndefined();
    expect(planContainerStop(failing(3), { min: 5, max: 30 }, 1).preStopFails).toBe(true);
  });

  it('an undecided preStop failure yields no failedPreStopHook field', () => {
    const e = expectTermination(deleteOf([failing(100)], 30), v126, options);
    expect(e.fields['c.failedPreStopHook']).toBeUndefined();
    // SIGTERM still comes when the grace period ends (dated from the Killing event: the hook is cut),
    // and the one-off 2 s follows.
    expect(e.fields['c.sigtermAfterPreStopStartSeconds']).toBeUndefined();
    expect(e.fields['c.sigtermAfterKillStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 30,
      latest: 30 + NODE_LATENCY_SECONDS,
      slack: 1,
    });
    expect(e.fields['c.sigkillAfterSigtermSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 2,
      latest: 2 + NODE_LATENCY_SECONDS,
      slack: 1,
    });
  });

  it('a decided failure is reported with its rule', () => {
    const e = expectTermination(deleteOf([failing(1)], 30), v126, options);
    expect(e.fields['c.failedPreStopHook']).toMatchObject({
      expected: { kind: 'equals', value: true },
      rule: 'termination.prestop-failure-event',
    });
    expect(e.fields['c.sigtermAfterPreStopStartSeconds'].rule).toBe('termination.prestop-before-sigterm');
  });
});

describe('rule of each termination field (docs/semantics.md Termination table)', () => {
  it('a trapped exit: handled-sigterm-exits, exit-code, terminated-reason', () => {
    const trapped = container('c', {}, { sigterm: { kind: 'exit', afterSeconds: 1, exitCode: 3 } });
    const e = expectTermination(deleteOf([trapped], 30), v126, options);
    expect(e.fields['c.exitAfterSigtermSeconds'].rule).toBe('termination.handled-sigterm-exits');
    expect(e.fields['c.exitCode']).toMatchObject({
      expected: { kind: 'equals', value: 3 },
      rule: 'termination.exit-code',
    });
    expect(e.fields['c.terminatedReason']).toMatchObject({
      expected: { kind: 'equals', value: 'Error' },
      rule: 'termination.terminated-reason',
    });
  });

  it('a trapped exit that the SIGKILL comes before: exit code and reason under the kill timing rule', () => {
    // The program would exit 5 s after SIGTERM; grace 3 s less a 2 s preStop, at least 2 s: SIGKILL at 2 s.
    // A kubelet that kills a whole period after SIGTERM (kubernetes#115817) lets it exit 0: that failure
    // is the kill timing's, so it carries that rule (and its known issue), not a generic exit-code rule.
    const late = container(
      'c',
      { lifecycle: { preStop: { kind: 'exec', durationSeconds: 2, exitCode: 0 } } },
      { sigterm: { kind: 'exit', afterSeconds: 5, exitCode: 0 } },
    );
    const e = expectTermination(deleteOf([late], 3), v126, options);
    for (const field of ['c.sigkillAfterSigtermSeconds', 'c.exitCode', 'c.terminatedReason'])
      expect(e.fields[field].rule).toBe('termination.prestop-counts-against-grace');
    expect(e.fields['c.exitCode'].expected).toEqual({ kind: 'equals', value: 137 });
    // Without a preStop, grace 30: the plain kill rule; a program that ignores SIGTERM: the generic rules.
    const noHook = container('c', {}, { sigterm: { kind: 'exit', afterSeconds: 40, exitCode: 0 } });
    expect(expectTermination(deleteOf([noHook], 30), v126, options).fields['c.exitCode'].rule).toBe(
      'termination.sigkill-after-grace',
    );
    const ignores = container('c', {}, { sigterm: { kind: 'ignore' } });
    expect(expectTermination(deleteOf([ignores], 30), v126, options).fields['c.exitCode'].rule).toBe(
      'termination.exit-code',
    );
  });

  it('the recorded deletion grace: from DeleteOptions over the spec', () => {
    const e = expectTermination(deleteOf([container('c')], 30, 4), v126, options);
    expect(e.fields['pod.deletionGracePeriodSeconds']).toMatchObject({
      expected: { kind: 'equals', value: 4 },
      rule: 'termination.grace-from-delete-or-spec',
    });
  });

  it('several containers, sidecars and a Service: parallel-stop, sidecar and endpoint rules', () => {
    const s = deleteOf([container('a'), container('b')], 5);
    s.withService = true;
    s.pod.initContainers = [
      container('s1', { restartPolicy: 'Always' }),
      container('s2', { restartPolicy: 'Always' }),
    ];
    const e = expectTermination(s, defaultCapabilities(parseServerVersion('v1.30')), options);
    expect(e.fields['pod.killStartSpreadSeconds'].rule).toBe('termination.parallel-stop');
    expect(e.fields['pod.sidecarsStopAfterMains'].rule).toBe('termination.sidecars-stop-last');
    expect(e.fields['pod.sidecarStopOrder'].rule).toBe('termination.sidecars-reverse-order');
    expect(e.fields['pod.endpointWhileTerminating'].rule).toBe('termination.endpoint-terminating');
  });
});
