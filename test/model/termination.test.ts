import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import type { ModelOptions } from '../../model/expectation';
import type { ContainerScenario, SigtermHandling, TerminationScenario } from '../../model/scenario';
import { expectTermination } from '../../model/termination';
import {
  apiDeletionGraceSeconds,
  kubeletGraceSeconds,
  planContainerStop,
} from '../../model/termination-plan';
import { container, pod } from './builders';
import { NODE_LATENCY_SECONDS } from '../../model/timing';

const v126 = defaultCapabilities(parseServerVersion('v1.26'));
const v134 = defaultCapabilities(parseServerVersion('v1.34'));
const options: ModelOptions = { slackSeconds: 1 };

function scenario(
  c: ContainerScenario[],
  grace?: number,
  deleteGrace?: number,
  withService = false,
): TerminationScenario {
  return {
    family: 'termination',
    pod: pod(c, grace === undefined ? {} : { terminationGracePeriodSeconds: grace }),
    delete:
      deleteGrace === undefined
        ? { afterRunningSeconds: 1 }
        : { afterRunningSeconds: 1, gracePeriodSeconds: deleteGrace },
    withService,
  };
}

function withHandling(
  sigterm: SigtermHandling,
  preStop?: ContainerScenario['lifecycle']['preStop'],
): ContainerScenario {
  return container('c', { lifecycle: preStop ? { preStop } : {} }, { sigterm });
}

describe('grace period of a delete (strategy.go CheckGracefulDelete, pod_workers.go calculateEffectiveGracePeriod)', () => {
  it.each([
    [undefined, undefined, 30],
    [10, undefined, 10],
    [30, 2, 2],
    [5, 0, 0],
    [5, -3, 1],
  ])('spec %p, delete %p → API records %p', (spec, del, recorded) => {
    const p = pod([container('c')], spec === undefined ? {} : { terminationGracePeriodSeconds: spec });
    expect(
      apiDeletionGraceSeconds(
        p,
        del === undefined ? { afterRunningSeconds: 0 } : { afterRunningSeconds: 0, gracePeriodSeconds: del },
      ),
    ).toBe(recorded);
  });

  it('a positive period is used by the kubelet as is', () => {
    expect(kubeletGraceSeconds(pod([container('c')]), 7, v126.version)).toEqual({ min: 7, max: 7 });
  });

  it('zero via the API: v1.26 falls back to the spec (recording delete-grace-zero)', () => {
    expect(
      kubeletGraceSeconds(pod([container('c')], { terminationGracePeriodSeconds: 30 }), 0, v126.version),
    ).toEqual({ min: 30, max: 30 });
    expect(kubeletGraceSeconds(pod([container('c')]), 0, v126.version)).toEqual({ min: 30, max: 30 });
  });

  it('zero via the API on 1.27+: between 1 s (override kept) and the spec period', () => {
    expect(
      kubeletGraceSeconds(pod([container('c')], { terminationGracePeriodSeconds: 12 }), 0, v134.version),
    ).toEqual({ min: 1, max: 12 });
  });

  it('a spec period of 0 still gives at least 1 s', () => {
    expect(
      kubeletGraceSeconds(pod([container('c')], { terminationGracePeriodSeconds: 0 }), 0, v126.version),
    ).toEqual({ min: 1, max: 1 });
  });
});

describe('container stop plan (kuberuntime_container.go killContainer)', () => {
  const plan = (c: ContainerScenario, grace: number, slack = 0) =>
    planContainerStop(c, { min: grace, max: grace }, slack);

  it('no preStop, SIGTERM ignored: SIGKILL after the whole grace period, 137', () => {
    const p = plan(withHandling({ kind: 'ignore' }), 30);
    expect(p.sigtermAfterKillStart).toEqual({ min: 0, max: 0 });
    expect(p.sigkillAfterSigterm).toEqual({ min: 30, max: 30 });
    expect(p.ending).toEqual({ kind: 'sigkill' });
    expect(p.exitCodes).toEqual([137]);
    expect(p.preStopFails).toBeUndefined();
  });

  it('grace 1 is raised to the 2 s minimum (liveness-restarts recording: SIGKILL 2 s after SIGTERM)', () => {
    expect(plan(withHandling({ kind: 'ignore' }), 1).sigkillAfterSigterm).toEqual({ min: 2, max: 2 });
    expect(plan(withHandling({ kind: 'ignore' }), 2).sigkillAfterSigterm).toEqual({ min: 2, max: 2 });
    expect(plan(withHandling({ kind: 'ignore' }), 3).sigkillAfterSigterm).toEqual({ min: 3, max: 3 });
  });

  it('preStop of 2 s in a 10 s period: SIGTERM at 2 s, SIGKILL 8 s later', () => {
    const p = plan(withHandling({ kind: 'ignore' }, { kind: 'exec', durationSeconds: 2, exitCode: 0 }), 10);
    expect(p.sigtermAfterKillStart).toEqual({ min: 2, max: 2 });
    expect(p.sigkillAfterSigterm).toEqual({ min: 8, max: 8 });
    expect(p.preStopFails).toBe(false);
  });

  it('whole-second truncation of the preStop time: 2.5 s hook leaves 8 s of 10, or 7 s if it overran by the slack', () => {
    const p = plan(withHandling({ kind: 'ignore' }, { kind: 'sleep', seconds: 2.5 }), 10, 1);
    expect(p.sigkillAfterSigterm).toEqual({ min: 7, max: 8 });
  });

  it('preStop longer than the period: SIGTERM at the period, then the one-off 2 s (e2e container_lifecycle_test: 30 + 2 s)', () => {
    const p = plan(withHandling({ kind: 'ignore' }, { kind: 'exec', durationSeconds: 100, exitCode: 0 }), 30);
    expect(p.sigtermAfterKillStart).toEqual({ min: 30, max: 30 });
    expect(p.sigkillAfterSigterm).toEqual({ min: 2, max: 2 });
    expect(p.preStopFails).toBeUndefined();
  });

  it('failing preStop within the period is reported, termination goes on', () => {
    const p = plan(
      withHandling(
        { kind: 'exit', afterSeconds: 1, exitCode: 7 },
        { kind: 'exec', durationSeconds: 0, exitCode: 3 },
      ),
      10,
      1,
    );
    expect(p.preStopFails).toBe(true);
    expect(p.sigtermAfterKillStart).toEqual({ min: 0, max: 0 });
    expect(p.ending).toEqual({ kind: 'exit', afterSigterm: 1, exitCode: 7 });
  });

  it('httpGet preStop answering 500 is not a failure (handlers.go ignores the status)', () => {
    const p = plan(
      withHandling(
        { kind: 'ignore' },
        { kind: 'httpGet', port: 80, path: '/', status: 500, durationSeconds: 0 },
      ),
      10,
      1,
    );
    expect(p.preStopFails).toBe(false);
  });

  it('default SIGTERM handling: 143 at once', () => {
    const p = plan(withHandling({ kind: 'default' }), 30);
    expect(p.ending).toEqual({ kind: 'sigterm' });
    expect(p.exitCodes).toEqual([143]);
  });

  it('trapped exit well before SIGKILL keeps the program code; well after gives 137; near it either', () => {
    expect(plan(withHandling({ kind: 'exit', afterSeconds: 1, exitCode: 0 }), 5, 1).exitCodes).toEqual([0]);
    expect(plan(withHandling({ kind: 'exit', afterSeconds: 9, exitCode: 4 }), 5, 1).exitCodes).toEqual([137]);
    expect(plan(withHandling({ kind: 'exit', afterSeconds: 5, exitCode: 4 }), 5, 1)).toMatchObject({
      ending: { kind: 'race', afterSigterm: 5, exitCode: 4 },
      exitCodes: [4, 137],
    });
    // Boundaries: exactly slack before / after the SIGKILL is still a race.
    expect(plan(withHandling({ kind: 'exit', afterSeconds: 4, exitCode: 4 }), 5, 1).ending.kind).toBe('race');
    expect(plan(withHandling({ kind: 'exit', afterSeconds: 6, exitCode: 4 }), 5, 1).ending.kind).toBe('race');
    expect(plan(withHandling({ kind: 'exit', afterSeconds: 3.9, exitCode: 4 }), 5, 1).ending.kind).toBe(
      'exit',
    );
    expect(plan(withHandling({ kind: 'exit', afterSeconds: 6.1, exitCode: 4 }), 5, 1).ending.kind).toBe(
      'sigkill',
    );
  });
});

describe('expectTermination fields', () => {
  // killContainer floors the period after SIGTERM at 2 s (applied after the override since #115835).
  it('a grace period under 2 s: SIGKILL after the 2 s minimum, under its own rule', () => {
    const e = expectTermination(scenario([withHandling({ kind: 'ignore' })], 1), v126, options);
    expect(e.fields['c.sigkillAfterSigtermSeconds']).toMatchObject({
      expected: { kind: 'window', earliest: 2, latest: 2 + NODE_LATENCY_SECONDS },
      rule: 'termination.minimum-grace',
    });
  });

  it('sigkill-after-grace: window [G, G] with the slack, exit 137, Error', () => {
    const e = expectTermination(scenario([withHandling({ kind: 'ignore' })], 3), v126, options);
    expect(e.family).toBe('termination');
    expect(e.fields['c.sigkillAfterSigtermSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 3,
      latest: 3 + NODE_LATENCY_SECONDS,
      slack: 1,
    });
    expect(e.fields['c.sigkillAfterSigtermSeconds'].rule).toBe('termination.sigkill-after-grace');
    expect(e.fields['c.exitCode'].expected).toEqual({ kind: 'equals', value: 137 });
    expect(e.fields['c.terminatedReason'].expected).toEqual({ kind: 'equals', value: 'Error' });
    expect(e.fields['pod.deletionGracePeriodSeconds'].expected).toEqual({ kind: 'equals', value: 3 });
    expect(e.fields['c.exitAfterSigtermSeconds']).toBeUndefined();
    expect(e.fields['pod.killStartSpreadSeconds']).toBeUndefined();
    expect(e.fields['pod.endpointWhileTerminating']).toBeUndefined();
  });

  it('trapped exit 0: Completed, exit window at the chosen delay', () => {
    const e = expectTermination(
      scenario([withHandling({ kind: 'exit', afterSeconds: 2, exitCode: 0 })], 30),
      v126,
      options,
    );
    expect(e.fields['c.exitAfterSigtermSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 2,
      latest: 2 + NODE_LATENCY_SECONDS,
      slack: 1,
    });
    expect(e.fields['c.terminatedReason'].expected).toEqual({ kind: 'equals', value: 'Completed' });
    expect(e.fields['c.sigkillAfterSigtermSeconds']).toBeUndefined();
  });

  it('race between trap and SIGKILL: oneOf exit codes and reasons', () => {
    const e = expectTermination(
      scenario([withHandling({ kind: 'exit', afterSeconds: 3, exitCode: 0 })], 3),
      v126,
      options,
    );
    expect(e.fields['c.exitCode'].expected).toEqual({ kind: 'oneOf', values: [0, 137] });
    expect(e.fields['c.terminatedReason'].expected).toEqual({
      kind: 'oneOf',
      values: ['Completed', 'Error'],
    });
    expect(e.fields['c.exitAfterSigtermSeconds']).toBeUndefined();
    expect(e.fields['c.sigkillAfterSigtermSeconds']).toBeUndefined();
  });

  it('default handling: exits at SIGTERM with 143', () => {
    const e = expectTermination(scenario([withHandling({ kind: 'default' })]), v126, options);
    expect(e.fields['c.exitAfterSigtermSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 0,
      latest: 0,
      slack: 1,
    });
    expect(e.fields['c.exitAfterSigtermSeconds'].rule).toBe('termination.default-sigterm-kills');
    expect(e.fields['c.exitCode'].expected).toEqual({ kind: 'equals', value: 143 });
  });

  it('exec preStop: SIGTERM after preStop start, preStop counts against the grace', () => {
    const e = expectTermination(
      scenario([withHandling({ kind: 'ignore' }, { kind: 'exec', durationSeconds: 4, exitCode: 0 })], 10),
      v126,
      options,
    );
    expect(e.fields['c.sigtermAfterPreStopStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 4,
      latest: 4 + NODE_LATENCY_SECONDS,
      slack: 1,
    });
    // A whole-second hook overruns by less than the decision margin: its truncation is decided (4 s).
    expect(e.fields['c.sigkillAfterSigtermSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 6,
      latest: 6 + NODE_LATENCY_SECONDS,
      slack: 1,
    });
    expect(e.fields['c.sigkillAfterSigtermSeconds'].rule).toBe('termination.prestop-counts-against-grace');
    expect(e.fields['c.failedPreStopHook'].expected).toEqual({ kind: 'equals', value: false });
  });

  it('sleep preStop is measured from the Killing event (no marker of its own)', () => {
    const e = expectTermination(
      scenario([withHandling({ kind: 'ignore' }, { kind: 'sleep', seconds: 3 })], 10),
      v134,
      options,
    );
    expect(e.fields['c.sigtermAfterKillStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 3,
      latest: 3 + NODE_LATENCY_SECONDS,
      slack: 1,
    });
    expect(e.fields['c.sigtermAfterPreStopStartSeconds']).toBeUndefined();
  });

  it('two containers: stopped in parallel', () => {
    const e = expectTermination(scenario([container('a'), container('b')]), v126, options);
    expect(e.fields['pod.killStartSpreadSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 0,
      latest: 0,
      slack: 1,
    });
    expect(e.fields['a.exitCode']).toBeDefined();
    expect(e.fields['b.exitCode']).toBeDefined();
  });

  it('sidecars (1.29+): stop after the mains, in reverse order; ignored before sidecar support', () => {
    const s = scenario([container('main')]);
    s.pod.initContainers = [
      container('s1', { restartPolicy: 'Always' }),
      container('s2', { restartPolicy: 'Always' }),
    ];
    const e = expectTermination(s, v134, options);
    expect(e.fields['pod.sidecarsStopAfterMains'].expected).toEqual({ kind: 'equals', value: true });
    expect(e.fields['pod.sidecarStopOrder'].expected).toEqual({ kind: 'sequence', values: ['s2', 's1'] });
    const old = expectTermination(s, v126, options);
    expect(old.fields['pod.sidecarsStopAfterMains']).toBeUndefined();
    const one = scenario([container('main')]);
    one.pod.initContainers = [container('s1', { restartPolicy: 'Always' })];
    expect(expectTermination(one, v134, options).fields['pod.sidecarStopOrder']).toBeUndefined();
  });

  it('with a Service: the endpoint stays, not ready and terminating (1.22+)', () => {
    const e = expectTermination(scenario([container('c')], 5, undefined, true), v126, options);
    expect(e.fields['pod.endpointWhileTerminating'].expected).toEqual({
      kind: 'equals',
      value: 'ready=false,terminating=true',
    });
    const old = defaultCapabilities(parseServerVersion('v1.21'));
    expect(
      expectTermination(scenario([container('c')], 5, undefined, true), old, options).fields[
        'pod.endpointWhileTerminating'
      ],
    ).toBeUndefined();
  });

  it('grace 0 on 1.34: SIGKILL between the 2 s minimum and the spec period', () => {
    const e = expectTermination(scenario([container('c')], 20, 0), v134, options);
    expect(e.fields['c.sigkillAfterSigtermSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 2,
      latest: 20 + NODE_LATENCY_SECONDS,
      slack: 1,
    });
    expect(e.fields['pod.deletionGracePeriodSeconds'].expected).toEqual({ kind: 'equals', value: 0 });
  });
});

describe('a delete with gracePeriodSeconds 0 and a preStop (killContainer: override before the hook, #115835)', () => {
  const preStop = { kind: 'exec' as const, durationSeconds: 1, exitCode: 0 };
  const both = [
    container('hooked', { lifecycle: { preStop } }, { sigterm: { kind: 'ignore' } }),
    container('plain', {}, { sigterm: { kind: 'ignore' } }),
  ];

  it('puts every stop field of the hooked container under its own rule; the others keep theirs', () => {
    const { fields } = expectTermination(scenario(both, 6, 0), v126, options);
    const hooked = Object.entries(fields).filter(([name]) => name.startsWith('hooked.'));
    expect(hooked.map(([name]) => name).sort()).toEqual([
      'hooked.exitCode',
      'hooked.failedPreStopHook',
      'hooked.sigkillAfterSigtermSeconds',
      'hooked.sigtermAfterPreStopStartSeconds',
      'hooked.terminatedReason',
    ]);
    expect(new Set(hooked.map(([, field]) => field.rule))).toEqual(
      new Set(['termination.grace-zero-prestop']),
    );
    expect(fields['plain.sigkillAfterSigtermSeconds'].rule).toBe('termination.sigkill-after-grace');
  });

  it('a delete with a positive period keeps the preStop rules', () => {
    const { fields } = expectTermination(scenario(both, 6, 3), v126, options);
    expect(fields['hooked.sigtermAfterPreStopStartSeconds'].rule).toBe('termination.prestop-before-sigterm');
    expect(fields['hooked.sigkillAfterSigtermSeconds'].rule).toBe('termination.prestop-counts-against-grace');
  });
});
