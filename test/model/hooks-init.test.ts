import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { expectHooks } from '../../model/hooks';
import { expectInit } from '../../model/init';
import type { HookHandler, HooksScenario, InitScenario, RestartPolicy } from '../../model/scenario';
import {
  crashBackoffSeconds,
  hookFails,
  killBackoffSeconds,
  killRestartsWithin,
  restartsWithin,
} from '../../model/timing';
import { container, pod } from './builders';
import { NODE_LATENCY_SECONDS } from '../../model/timing';
import { PLEG_RELIST_SECONDS, START_ALLOWANCE_SECONDS } from '../../model/timing';

const caps = defaultCapabilities(parseServerVersion('v1.30'));
const options = { slackSeconds: 1 };

function hooks(
  postStart: HookHandler | undefined,
  observeSeconds = 30,
  restartPolicy: RestartPolicy = 'Always',
): HooksScenario {
  return {
    family: 'hooks',
    observeSeconds,
    pod: pod([container('c', { lifecycle: postStart ? { postStart } : {} })], {
      restartPolicy,
      terminationGracePeriodSeconds: 1,
    }),
  };
}

describe('restart back-off (kuberuntime_manager.go doBackOff)', () => {
  it('crash restarts: immediate, then 10 s doubling, capped at 300 s', () => {
    expect([1, 2, 3, 4, 7, 20].map(crashBackoffSeconds)).toEqual([0, 10, 20, 40, 300, 300]);
  });
  it('kubelet kills lag one restart behind', () => {
    expect([1, 2, 3, 4].map(killBackoffSeconds)).toEqual([0, 0, 10, 20]);
  });
  // v1.26.1, probes-startup-fails-r0 (/srv/kp-runs/v126-same): instances killed 4.7–6.8 s after their start
  // and stopped in 3 s; the third lived 10.0 s from the second's exit, past the 10 s back-off, so doBackOff let
  // the third restart through at once: 3 restarts in 30 s.
  it('probe kills: a restart is immediate once the back-off passed since the exit before the killed one', () => {
    expect(killRestartsWithin(30, 0, { min: 7, max: 16 })).toBe(3);
    // Instances that cannot live 10 s always meet the back-off: 0, 0, then 10 s from the killed one's exit.
    expect(killRestartsWithin(30, 0, { min: 7, max: 9.9 })).toBe(2);
    expect(killRestartsWithin(30, 0, { min: 7, max: 9.9 })).toBe(
      restartsWithin(30, 0, 7, 0, killBackoffSeconds),
    );
    expect(killRestartsWithin(6.9, 0, { min: 7, max: 16 })).toBe(0);
  });
  it('probe kills: a backed-off restart may let the next one through sooner than an immediate one', () => {
    // Immediate third restart at 24 s, fourth backed off to 51 s; backed-off third at 31 s (anchor 21 s), fourth
    // immediate at 41 s, once 20 s passed since 21 s.
    expect(killRestartsWithin(41, 0, { min: 7, max: 15 })).toBe(4);
    expect(killRestartsWithin(40.9, 0, { min: 7, max: 15 })).toBe(3);
  });
  it('restartsWithin counts restarts that start inside the window', () => {
    expect(restartsWithin(30, 0, 2, 0, crashBackoffSeconds)).toBe(2);
    expect(restartsWithin(36, 0, 2, 0, crashBackoffSeconds)).toBe(3);
    expect(restartsWithin(1, 0, 2, 0, crashBackoffSeconds)).toBe(0);
    expect(restartsWithin(2, 0, 2, 0, crashBackoffSeconds)).toBe(1);
    expect(restartsWithin(30, 5, 2, 5, crashBackoffSeconds)).toBe(2);
    expect(restartsWithin(28, 5, 2, 5, crashBackoffSeconds)).toBe(1);
  });
});

describe('expectHooks (kuberuntime_container.go startContainer; e2e lifecycle_hook.go)', () => {
  it('hookFails: exec non-zero only; httpGet status and sleep never fail', () => {
    expect(hookFails({ kind: 'exec', durationSeconds: 0, exitCode: 1 })).toBe(true);
    expect(hookFails({ kind: 'exec', durationSeconds: 0, exitCode: 0 })).toBe(false);
    expect(hookFails({ kind: 'httpGet', port: 1, path: '/', status: 500, durationSeconds: 0 })).toBe(false);
    expect(hookFails({ kind: 'sleep', seconds: 1 })).toBe(false);
  });

  it('slow postStart: Running only after it returns, no restart', () => {
    const e = expectHooks(hooks({ kind: 'exec', durationSeconds: 3, exitCode: 0 }), caps, options);
    expect(e.fields['c.runningAfterStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 3,
      latest: 3 + PLEG_RELIST_SECONDS,
      slack: 1,
    });
    expect(e.fields['c.failedPostStartHook'].expected).toEqual({ kind: 'equals', value: false });
    expect(e.fields['c.restartCount'].expected).toEqual({ kind: 'range', min: 0, max: 0 });
    expect(e.fields['c.postStartRequestSeen']).toBeUndefined();
  });

  it('httpGet postStart answering 500 still succeeds, the request is seen', () => {
    const e = expectHooks(
      hooks({ kind: 'httpGet', port: 8080, path: '/hook', status: 500, durationSeconds: 0 }),
      caps,
      options,
    );
    expect(e.fields['c.failedPostStartHook'].expected).toEqual({ kind: 'equals', value: false });
    expect(e.fields['c.failedPostStartHook'].rule).toBe('hooks.poststart-http-status-ignored');
    expect(e.fields['c.postStartRequestSeen'].expected).toEqual({ kind: 'equals', value: true });
  });

  it('failing postStart: event, kill message, restarts per policy', () => {
    const always = expectHooks(hooks({ kind: 'exec', durationSeconds: 0, exitCode: 2 }, 25), caps, options);
    expect(always.fields['c.failedPostStartHook'].expected).toEqual({ kind: 'equals', value: true });
    expect(always.fields['c.postStartKillMessage'].expected).toEqual({
      kind: 'contains',
      parts: ['FailedPostStartHook'],
    });
    expect(always.fields['c.restartCount'].expected).toEqual({ kind: 'range', min: 1, max: 2 });
    expect(always.fields['c.runningAfterStartSeconds']).toBeUndefined();
    const never = expectHooks(
      hooks({ kind: 'exec', durationSeconds: 0, exitCode: 2 }, 25, 'Never'),
      caps,
      options,
    );
    expect(never.fields['c.restartCount'].expected).toEqual({ kind: 'range', min: 0, max: 0 });
    const onFailure = expectHooks(
      hooks({ kind: 'exec', durationSeconds: 0, exitCode: 2 }, 25, 'OnFailure'),
      caps,
      options,
    );
    expect(onFailure.fields['c.restartCount'].expected).toEqual({ kind: 'range', min: 1, max: 2 });
  });

  it('postStart too long for the window, or no hook: no postStart fields', () => {
    expect(expectHooks(hooks({ kind: 'sleep', seconds: 28 }), caps, options).fields).toEqual({});
    expect(expectHooks(hooks(undefined), caps, options).fields).toEqual({});
  });

  it('with a delete: preStop fields as in termination, skipped when postStart keeps failing', () => {
    const s = hooks(undefined);
    s.pod.containers[0].lifecycle.preStop = { kind: 'exec', durationSeconds: 2, exitCode: 0 };
    s.delete = { afterRunningSeconds: 1 };
    const e = expectHooks(s, caps, options);
    // The 1 s grace cuts the 2 s hook: SIGTERM is dated from the kubelet's start of the kill (Killing).
    expect(e.fields['c.sigtermAfterPreStopStartSeconds']).toBeUndefined();
    expect(e.fields['c.sigtermAfterKillStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 1,
      latest: 1 + NODE_LATENCY_SECONDS,
      slack: 1,
    });
    s.pod.containers[0].lifecycle.postStart = { kind: 'exec', durationSeconds: 0, exitCode: 1 };
    expect(expectHooks(s, caps, options).fields['c.sigtermAfterKillStartSeconds']).toBeUndefined();
  });
});

function init(
  inits: InitScenario['pod']['initContainers'],
  restartPolicy: RestartPolicy = 'Always',
  observeSeconds = 25,
): InitScenario {
  return {
    family: 'init',
    observeSeconds,
    pod: pod([container('app')], { restartPolicy, initContainers: inits }),
  };
}

describe('expectInit (computeInitContainerActions; e2e init_container.go)', () => {
  const ok = (name: string, seconds = 1) => container(name, {}, { exitAfter: { seconds, exitCode: 0 } });
  const failing = (name: string) => container(name, {}, { exitAfter: { seconds: 0, exitCode: 5 } });

  it('all succeed: order, one at a time, apps after, Initialized', () => {
    const e = expectInit(init([ok('i1'), ok('i2')]), caps, options);
    expect(e.fields['pod.initStartOrder'].expected).toEqual({ kind: 'sequence', values: ['i1', 'i2'] });
    expect(e.fields['pod.initOneAtATime'].expected).toEqual({ kind: 'equals', value: true });
    expect(e.fields['pod.appsStartAfterInits'].expected).toEqual({ kind: 'equals', value: true });
    expect(e.fields['pod.initializedAtEnd'].expected).toEqual({ kind: 'equals', value: true });
    expect(e.fields['app.waitingReasonDuringInit'].expected).toEqual({
      kind: 'equals',
      value: 'PodInitializing',
    });
    expect(e.fields['pod.phaseAtEnd']).toBeUndefined();
  });

  it('one init container: no one-at-a-time field', () => {
    expect(expectInit(init([ok('i1')]), caps, options).fields['pod.initOneAtATime']).toBeUndefined();
  });

  it('failure with Never: pod Failed, later inits never start, no retries', () => {
    const e = expectInit(init([ok('i1'), failing('i2'), ok('i3')], 'Never'), caps, options);
    expect(e.fields['pod.initStartOrder'].expected).toEqual({ kind: 'sequence', values: ['i1', 'i2'] });
    expect(e.fields['pod.phaseAtEnd'].expected).toEqual({ kind: 'equals', value: 'Failed' });
    expect(e.fields['i2.exitCode'].expected).toEqual({ kind: 'equals', value: 5 });
    expect(e.fields['i2.restartCount'].expected).toEqual({ kind: 'range', min: 0, max: 0 });
    expect(e.fields['pod.initializedReasonAtEnd'].expected).toEqual({
      kind: 'equals',
      value: 'ContainersNotInitialized',
    });
  });

  it.each(['Always', 'OnFailure'] as const)('failure with %s: retried with back-off, Pending', (policy) => {
    const e = expectInit(init([failing('i1')], policy), caps, options);
    expect(e.fields['pod.phaseAtEnd'].expected).toEqual({ kind: 'equals', value: 'Pending' });
    expect(e.fields['i1.restartCount'].expected).toEqual({ kind: 'range', min: 2, max: 2 });
    expect(e.fields['pod.initializedAtEnd'].expected).toEqual({ kind: 'equals', value: false });
  });

  it('an init container that never exits blocks the pod in Pending', () => {
    const e = expectInit(init([container('i1')]), caps, options);
    expect(e.fields['pod.phaseAtEnd'].expected).toEqual({ kind: 'equals', value: 'Pending' });
    expect(e.fields['i1.exitCode']).toBeUndefined();
  });

  it('sidecars (1.29+) start and the next init follows without waiting for them to exit', () => {
    const e = expectInit(init([container('side', { restartPolicy: 'Always' }), ok('i1')]), caps, options);
    expect(e.fields['pod.initStartOrder'].expected).toEqual({ kind: 'sequence', values: ['side', 'i1'] });
    expect(e.fields['pod.initializedAtEnd'].expected).toEqual({ kind: 'equals', value: true });
    const old = expectInit(
      init([container('side', { restartPolicy: 'Always' }), ok('i1')]),
      defaultCapabilities(parseServerVersion('v1.27')),
      options,
    );
    expect(old.fields['pod.initStartOrder'].expected).toEqual({ kind: 'sequence', values: ['side'] });
  });

  it('a failure too close to the end of the window leaves the outcome fields out', () => {
    const late = container('i1', {}, { exitAfter: { seconds: 24, exitCode: 5 } });
    const e = expectInit(init([late]), caps, options);
    expect(e.fields['i1.exitCode']).toBeUndefined();
    expect(e.fields['pod.initializedAtEnd'].expected).toEqual({ kind: 'equals', value: false });
  });
});

describe('expectHooks and expectInit: start order and restart policy (kuberuntime_manager.go SyncPod, computePodActions)', () => {
  it('OnFailure: a failing postStart whose kill ends in exit 0 (trapped SIGTERM) is not restarted', () => {
    const scenario: HooksScenario = {
      family: 'hooks',
      observeSeconds: 25,
      pod: pod(
        [
          container(
            'c',
            { lifecycle: { postStart: { kind: 'exec', durationSeconds: 0, exitCode: 2 } } },
            { sigterm: { kind: 'exit', afterSeconds: 0, exitCode: 0 } },
          ),
        ],
        { restartPolicy: 'OnFailure', terminationGracePeriodSeconds: 5 },
      ),
    };
    const e = expectHooks(scenario, caps, options);
    expect(e.fields['c.restartCount'].expected).toEqual({ kind: 'range', min: 0, max: 0 });
  });

  it('later containers hold the earlier one’s Running report: only the last is dated, the others bounded below', () => {
    const hook = (durationSeconds: number): HookHandler => ({ kind: 'exec', durationSeconds, exitCode: 0 });
    const scenario: HooksScenario = {
      family: 'hooks',
      observeSeconds: 30,
      pod: pod([
        container('a', { lifecycle: { postStart: hook(2) } }),
        container('b', { lifecycle: { postStart: hook(1) } }),
        container('c', {}),
      ]),
    };
    const e = expectHooks(scenario, caps, options);
    // Running never before its own hook returned; how much later depends on b's and c's starts.
    expect(e.fields['a.runningAfterStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 2,
      latest: 30 - START_ALLOWANCE_SECONDS - 1,
      slack: 1,
    });
    // A container without a hook of its own (c) is followed by none: nothing to date but its start.
    expect(e.fields['c.runningAfterStartSeconds']).toBeUndefined();
    const two = { ...scenario, pod: { ...scenario.pod, containers: scenario.pod.containers.slice(0, 2) } };
    expect(expectHooks(two, caps, options).fields['b.runningAfterStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 1,
      latest: 1 + PLEG_RELIST_SECONDS,
      slack: 1,
    });
  });

  it('a program exiting inside the window: no postStart fields for it', () => {
    const scenario: HooksScenario = {
      family: 'hooks',
      observeSeconds: 30,
      pod: pod([
        container(
          'c',
          { lifecycle: { postStart: { kind: 'exec', durationSeconds: 2, exitCode: 0 } } },
          { exitAfter: { seconds: 1, exitCode: 0 } },
        ),
      ]),
    };
    expect(expectHooks(scenario, caps, options).fields).toEqual({});
  });

  it('no init containers: apps wait with ContainerCreating, so no PodInitializing is expected', () => {
    const e = expectInit(init([]), caps, options);
    expect(e.fields['app.waitingReasonDuringInit']).toBeUndefined();
  });
});
