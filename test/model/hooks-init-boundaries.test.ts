import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { expectHooks } from '../../model/hooks';
import { expectInit } from '../../model/init';
import type { ContainerScenario, HooksScenario, InitScenario, RestartPolicy } from '../../model/scenario';
import { PLEG_RELIST_SECONDS, RESTART_LATENCY_SECONDS, START_ALLOWANCE_SECONDS } from '../../model/timing';
import { container, pod } from './builders';

// Boundaries and branches of the hooks and init models. Restart counts follow the crash back-off of
// kuberuntime_manager.go doBackOff: the first restart at once, then 10 s, 20 s, 40 s… between restarts.

const caps = defaultCapabilities(parseServerVersion('v1.30'));
const options = { slackSeconds: 1 };
const failingPostStart = { kind: 'exec', durationSeconds: 0, exitCode: 1 } as const;

function hooksPod(containers: ContainerScenario[], observeSeconds: number, grace: number): HooksScenario {
  return {
    family: 'hooks',
    observeSeconds,
    pod: pod(containers, { terminationGracePeriodSeconds: grace }),
  };
}

describe('failed postStart: the kill takes as long as the container takes to die', () => {
  it('SIGTERM ignored, grace 5: each instance dies 5 s after the kill; restarts at 5 and 20 s (the next at 45) → 2 in 35 s', () => {
    // Instance 1 killed at 0, SIGKILL at 5, restart 1 at 5 (no back-off); killed, dead at 10, restart 2 after
    // 10 s at 20 (back-off counted from the exit); dead at 25, restart 3 after 20 s at 45.
    const c = container('c', { lifecycle: { postStart: failingPostStart } });
    const e = expectHooks(hooksPod([c], 35, 5), caps, options);
    expect(e.fields['c.restartCount'].expected).toMatchObject({ kind: 'range', max: 2 });
    expect(e.fields['c.restartCount'].rule).toBe('hooks.poststart-failure-kills');
    expect(e.fields['c.failedPostStartHook'].rule).toBe('hooks.poststart-failure-kills');
    expect(e.fields['c.postStartKillMessage'].rule).toBe('hooks.poststart-failure-kills');
  });

  it('default SIGTERM action: each instance dies at the kill; restarts at 0, 10 and 30 s → 3 in 35 s', () => {
    const c = container(
      'c',
      { lifecycle: { postStart: failingPostStart } },
      { sigterm: { kind: 'default' } },
    );
    const e = expectHooks(hooksPod([c], 35, 5), caps, options);
    expect(e.fields['c.restartCount'].expected).toMatchObject({ kind: 'range', max: 3 });
  });
});

describe('postStart near the end of the observation window', () => {
  // Window 30 s; the container may start START_ALLOWANCE_SECONDS late, and the hook take the slack longer.
  const sleeping = (seconds: number): HooksScenario =>
    hooksPod([container('c', { lifecycle: { postStart: { kind: 'sleep', seconds } } })], 30, 1);

  it('a hook ending exactly at the last instant surely seen is left out', () => {
    expect(30 - START_ALLOWANCE_SECONDS - options.slackSeconds).toBe(27);
    expect(expectHooks(sleeping(27), caps, options).fields).toEqual({});
  });

  it('a hook ending before it is checked, with its rules', () => {
    // Running may come one PLEG relist after the hook: 26.5 s leaves no room to see it, 25.5 s does.
    expect(expectHooks(sleeping(26.5), caps, options).fields['c.runningAfterStartSeconds']).toBeUndefined();
    const e = expectHooks(sleeping(25.5), caps, options);
    expect(e.fields['c.runningAfterStartSeconds']).toMatchObject({
      expected: { kind: 'window', earliest: 25.5, latest: 25.5 + PLEG_RELIST_SECONDS, slack: 1 },
      rule: 'hooks.poststart-before-running',
    });
    expect(e.fields['c.restartCount'].rule).toBe('hooks.poststart-before-running');
    expect(e.fields['c.failedPostStartHook'].rule).toBe('hooks.poststart-http-status-ignored');
  });

  it('httpGet hook: the request from the kubelet has its own rule', () => {
    const http = { kind: 'httpGet', port: 8080, path: '/h', status: 200, durationSeconds: 0 } as const;
    const e = expectHooks(
      hooksPod([container('c', { lifecycle: { postStart: http } })], 30, 1),
      caps,
      options,
    );
    expect(e.fields['c.postStartRequestSeen'].rule).toBe('hooks.poststart-http-from-kubelet');
    expect(e.family).toBe('hooks');
  });
});

describe('final delete in the hooks family', () => {
  const preStop = { kind: 'exec', durationSeconds: 2, exitCode: 0 } as const;

  it('only containers with a preStop get stop fields', () => {
    const s = hooksPod([container('a', { lifecycle: { preStop } }), container('b')], 30, 10);
    s.delete = { afterRunningSeconds: 1 };
    const e = expectHooks(s, caps, options);
    expect(e.fields['a.sigtermAfterPreStopStartSeconds']).toBeDefined();
    expect(e.fields['a.exitCode']).toBeDefined();
    expect(e.fields['b.exitCode']).toBeUndefined();
    expect(e.fields['b.sigkillAfterSigtermSeconds']).toBeUndefined();
  });

  it('one container whose postStart keeps failing makes the whole delete undecided', () => {
    const s = hooksPod(
      [
        container('a', { lifecycle: { postStart: failingPostStart } }),
        container('b', { lifecycle: { preStop } }),
      ],
      30,
      10,
    );
    s.delete = { afterRunningSeconds: 1 };
    const e = expectHooks(s, caps, options);
    expect(e.fields['b.sigtermAfterPreStopStartSeconds']).toBeUndefined();
    expect(e.fields['b.exitCode']).toBeUndefined();
  });
});

function initPod(
  inits: ContainerScenario[],
  observeSeconds: number,
  restartPolicy: RestartPolicy = 'Always',
): InitScenario {
  return {
    family: 'init',
    observeSeconds,
    pod: pod([container('app')], { restartPolicy, initContainers: inits }),
  };
}
const exiting = (name: string, seconds: number, exitCode: number): ContainerScenario =>
  container(name, {}, { exitAfter: { seconds, exitCode } });

describe('init outcome near the end of the observation window (25 s: surely seen until 22 s with slack)', () => {
  // One init container also costs a PLEG relist and a container start before the apps can run.
  const step = PLEG_RELIST_SECONDS + START_ALLOWANCE_SECONDS;
  it('inits completing at 22 s less a step are left out; a second earlier the apps start and the pod is Initialized', () => {
    const late = expectInit(initPod([exiting('i1', 22 - step, 0)], 25), caps, options);
    expect(late.fields['pod.appsStartAfterInits']).toBeUndefined();
    expect(late.fields['pod.initializedAtEnd']).toBeUndefined();
    const inTime = expectInit(initPod([exiting('i1', 21 - step, 0)], 25), caps, options);
    expect(inTime.fields['pod.appsStartAfterInits']).toMatchObject({
      expected: { kind: 'equals', value: true },
      rule: 'init.apps-wait',
    });
    expect(inTime.fields['pod.initializedAtEnd']).toMatchObject({
      expected: { kind: 'equals', value: true },
      rule: 'init.initialized-condition',
    });
    expect(inTime.family).toBe('init');
  });

  it('a failure at 22 s leaves the exit out; at 21 s it is reported', () => {
    expect(
      expectInit(initPod([exiting('i1', 22, 5)], 25), caps, options).fields['i1.exitCode'],
    ).toBeUndefined();
    const e = expectInit(initPod([exiting('i1', 21, 5)], 25), caps, options);
    expect(e.fields['i1.exitCode']).toMatchObject({
      expected: { kind: 'equals', value: 5 },
      rule: 'init.failure-per-restart-policy',
    });
    expect(e.family).toBe('init');
  });
});

describe('retries of a failing init container after earlier ones completed', () => {
  // i1 runs 5 s; i2 starts at 5 s and fails after 6 s: exits at 11, restart 1 at 11 (no back-off), exits
  // at 17, restart 2 at 27 (10 s back-off), exits at 33, restart 3 at 53 (20 s back-off).
  const inits = [exiting('i1', 5, 0), exiting('i2', 6, 2)];

  it('in 30 s: at most 2 retries; at least 1 if every start is late by the allowances', () => {
    const e = expectInit(initPod(inits, 30), caps, options);
    // Slowest: i2 first starts at 5 + START_ALLOWANCE (7), runs 6 + 1 s slack, each restart RESTART_LATENCY late:
    // exits at 14, restart 1 at 19, exits at 26, restart 2 at 26 + 10 + 5 = 41 > 30.
    expect(START_ALLOWANCE_SECONDS + RESTART_LATENCY_SECONDS).toBe(7);
    expect(e.fields['i2.restartCount']).toMatchObject({
      expected: { kind: 'range', min: 1, max: 2 },
      rule: 'init.failure-per-restart-policy',
    });
    expect(e.fields['pod.phaseAtEnd'].rule).toBe('init.failure-per-restart-policy');
  });

  it('in 36 s: still at most 2 retries (the third waits until 53 s)', () => {
    const e = expectInit(initPod(inits, 36), caps, options);
    expect(e.fields['i2.restartCount'].expected).toMatchObject({ kind: 'range', max: 2 });
  });

  it('init rules: in-order, one-at-a-time, apps-wait, initialized-condition', () => {
    const e = expectInit(initPod(inits, 30, 'Never'), caps, options);
    expect(e.fields['pod.initStartOrder'].rule).toBe('init.in-order');
    expect(e.fields['pod.initOneAtATime'].rule).toBe('init.one-at-a-time');
    expect(e.fields['app.waitingReasonDuringInit'].rule).toBe('init.apps-wait');
    expect(e.fields['pod.initializedAtEnd'].rule).toBe('init.initialized-condition');
    expect(e.fields['pod.initializedReasonAtEnd'].rule).toBe('init.initialized-condition');
    expect(e.fields['i2.restartCount']).toMatchObject({
      expected: { kind: 'range', min: 0, max: 0 },
      rule: 'init.failure-per-restart-policy',
    });
  });

  it('a blocking init container: the phase rule', () => {
    const e = expectInit(initPod([container('i1')], 30), caps, options);
    expect(e.fields['pod.phaseAtEnd'].rule).toBe('init.failure-per-restart-policy');
    expect(e.family).toBe('init');
  });
});
