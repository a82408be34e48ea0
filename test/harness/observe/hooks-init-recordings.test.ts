import { defaultCapabilities, parseServerVersion } from '../../../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../../../model/expectation';
import { expectHooks } from '../../../model/hooks';
import { expectInit } from '../../../model/init';
import type { HooksScenario, InitScenario } from '../../../model/scenario';
import { observeHooks } from '../../../harness/observe/hooks';
import { observeInit } from '../../../harness/observe/init';
import { judgeCase } from '../../../verdicts/case-verdict';
import { loadRecording, RECORDED_VERSION } from '../../fixtures/recordings';
import { container, pod } from '../../model/builders';

const capabilities = defaultCapabilities(parseServerVersion(RECORDED_VERSION));

function judgeHooks(name: string, scenario: HooksScenario, fields?: string[]) {
  const expectation = expectHooks(scenario, capabilities, DEFAULT_MODEL_OPTIONS);
  const observation = observeHooks(loadRecording(name).trace, scenario);
  const verdict = judgeCase(expectation, observation, fields);
  return {
    verdict,
    expectation,
    observation,
    text: verdict.diff.map((d) => `${d.field}: ${d.outcome} (${d.detail})`).join('\n'),
  };
}

function judgeInit(name: string, scenario: InitScenario) {
  const expectation = expectInit(scenario, capabilities, DEFAULT_MODEL_OPTIONS);
  const observation = observeInit(loadRecording(name).trace, scenario);
  const verdict = judgeCase(expectation, observation);
  return {
    verdict,
    expectation,
    observation,
    text: verdict.diff.map((d) => `${d.field}: ${d.outcome} (${d.detail})`).join('\n'),
  };
}

describe('hooks model and reducer against the v1.26.1 recordings', () => {
  it('poststart-slow: a 3 s postStart holds Running back until it returns', () => {
    const scenario: HooksScenario = {
      family: 'hooks',
      // The recorder deleted the pod once Ready (~4 s); the trace runs on to 7 s.
      observeSeconds: 7,
      pod: pod(
        [container('c', { lifecycle: { postStart: { kind: 'exec', durationSeconds: 3, exitCode: 0 } } })],
        {
          terminationGracePeriodSeconds: 1,
        },
      ),
    };
    const v = judgeHooks('poststart-slow', scenario);
    expect(v.text).not.toMatch(/: (fail|inconclusive)/);
    expect(v.verdict.diff.map((d) => d.field)).toContain('c.runningAfterStartSeconds');
  });

  it('poststart-failing: exit 2 → FailedPostStartHook, Killing, restarts with back-off', () => {
    const scenario: HooksScenario = {
      family: 'hooks',
      observeSeconds: 25,
      pod: pod(
        [container('c', { lifecycle: { postStart: { kind: 'exec', durationSeconds: 0, exitCode: 2 } } })],
        {
          terminationGracePeriodSeconds: 1,
        },
      ),
    };
    const v = judgeHooks('poststart-failing', scenario);
    expect(v.text).not.toMatch(/: (fail|inconclusive)/);
    expect(v.observation.fields['c.restartCount']).toEqual({ kind: 'value', value: 2 });
  });

  it('poststart-http-hook: the kubelet GETs the hook path; the pod runs normally', () => {
    const scenario: HooksScenario = {
      family: 'hooks',
      observeSeconds: 12,
      pod: pod(
        [
          container('c', {
            lifecycle: {
              postStart: { kind: 'httpGet', port: 8080, path: '/hook', status: 200, durationSeconds: 0 },
            },
          }),
        ],
        { terminationGracePeriodSeconds: 1 },
      ),
    };
    // The recorded httpd wrote its own log format ("url:/hook"), not kubeprop's `kp http` marker.
    const v = judgeHooks('poststart-http-hook', scenario);
    const byField = Object.fromEntries(v.verdict.diff.map((d) => [d.field, d.outcome]));
    expect(byField).toEqual({
      'c.failedPostStartHook': 'pass',
      'c.postStartRequestSeen': 'fail',
      'c.restartCount': 'pass',
      'c.runningAfterStartSeconds': 'pass',
    });
    const served = loadRecording('poststart-http-hook').trace.some(
      (e) => e.kind === 'log' && e.text.includes('url:/hook'),
    );
    expect(served).toBe(true);
  });

  it('poststart-http-hook cut before the container started: the request is not judged (pod not scheduled)', () => {
    const scenario: HooksScenario = {
      family: 'hooks',
      observeSeconds: 12,
      pod: pod([
        container('c', {
          lifecycle: {
            postStart: { kind: 'httpGet', port: 8080, path: '/hook', status: 200, durationSeconds: 0 },
          },
        }),
      ]),
    };
    const trace = loadRecording('poststart-http-hook').trace.filter(
      (e) =>
        e.kind !== 'event' &&
        e.kind !== 'log' &&
        e.kind !== 'podSnapshot' &&
        !(e.kind === 'podWatch' && (e.object.status?.containerStatuses ?? []).length > 0),
    );
    expect(observeHooks(trace, scenario).fields['c.postStartRequestSeen'].kind).toBe('missing');
  });

  it('prestop-then-handled-term through the hooks family: preStop 2 s then SIGTERM', () => {
    const scenario: HooksScenario = {
      family: 'hooks',
      observeSeconds: 1,
      delete: { afterRunningSeconds: 1 },
      pod: pod(
        [
          container(
            'c',
            { lifecycle: { preStop: { kind: 'exec', durationSeconds: 2, exitCode: 0 } } },
            { sigterm: { kind: 'exit', afterSeconds: 1, exitCode: 7 } },
          ),
        ],
        { terminationGracePeriodSeconds: 10 },
      ),
    };
    const v = judgeHooks('prestop-then-handled-term', scenario);
    expect(v.text).not.toMatch(/: (fail|inconclusive)/);
    expect(v.verdict.diff).toHaveLength(5);
  });

  it('a container deleted before it ever ran (its pod scheduled late on a busy node): no preStop field is judged', () => {
    const scenario: HooksScenario = {
      family: 'hooks',
      observeSeconds: 1,
      delete: { afterRunningSeconds: 1 },
      pod: pod(
        [container('c', { lifecycle: { preStop: { kind: 'exec', durationSeconds: 2, exitCode: 0 } } })],
        { terminationGracePeriodSeconds: 10 },
      ),
    };
    // The record without the container's start: no log line and no status showing it running.
    const trace = loadRecording('prestop-then-handled-term').trace.filter(
      (e) =>
        e.kind !== 'log' &&
        e.kind !== 'podSnapshot' &&
        !(e.kind === 'podWatch' && (e.object.status?.containerStatuses ?? []).length > 0),
    );
    const fields = observeHooks(trace, scenario).fields;
    const stop = Object.entries(fields).filter(([name]) => name.startsWith('c.sigterm'));
    expect(stop.length).toBeGreaterThan(0);
    expect(stop.every(([, observed]) => observed.kind === 'missing')).toBe(true);
  });
});

describe('init model and reducer against the v1.26.1 recordings', () => {
  it('init-order: init1 then init2, one at a time, then the app', () => {
    const scenario: InitScenario = {
      family: 'init',
      observeSeconds: 6,
      pod: pod([container('app')], {
        terminationGracePeriodSeconds: 1,
        initContainers: [
          container('init1', {}, { exitAfter: { seconds: 2, exitCode: 0 } }),
          container('init2', {}, { exitAfter: { seconds: 1, exitCode: 0 } }),
        ],
      }),
    };
    const v = judgeInit('init-order', scenario);
    expect(v.text).not.toMatch(/: (fail|inconclusive)/);
    expect(v.observation.fields['pod.initStartOrder']).toEqual({ kind: 'list', values: ['init1', 'init2'] });
  });

  it('init-fails-never: init exits 5 with restartPolicy Never → pod Failed', () => {
    const scenario: InitScenario = {
      family: 'init',
      observeSeconds: 4,
      pod: pod([container('app')], {
        restartPolicy: 'Never',
        terminationGracePeriodSeconds: 1,
        initContainers: [container('init1', {}, { exitAfter: { seconds: 0, exitCode: 5 } })],
      }),
    };
    const v = judgeInit('init-fails-never', scenario);
    expect(v.text).not.toMatch(/: (fail|inconclusive)/);
    expect(v.observation.fields['pod.phaseAtEnd']).toEqual({ kind: 'value', value: 'Failed' });
    // Never retried, never in back-off; the app container never left Waiting PodInitializing.
    expect(v.expectation.fields['init1.backOffEventSeen'].expected).toEqual({ kind: 'equals', value: false });
    expect(v.observation.fields['app.statesSeen']).toEqual({
      kind: 'list',
      values: ['waiting:PodInitializing'],
    });
  });

  it('init-fails-always: init exits 5 with restartPolicy Always → retried with back-off, Pending', () => {
    const scenario: InitScenario = {
      family: 'init',
      observeSeconds: 25,
      pod: pod([container('app')], {
        terminationGracePeriodSeconds: 1,
        initContainers: [container('init1', {}, { exitAfter: { seconds: 0, exitCode: 5 } })],
      }),
    };
    const v = judgeInit('init-fails-always', scenario);
    expect(v.text).not.toMatch(/: (fail|inconclusive)/);
    expect(v.observation.fields['init1.restartCount']).toEqual({ kind: 'value', value: 2 });
    expect(v.observation.fields['init1.backOffEventSeen']).toEqual({ kind: 'value', value: true });
    expect(v.observation.fields['pod.initializedMessageAtEnd']).toEqual({
      kind: 'value',
      value: 'containers with incomplete status: [init1]',
    });
    expect(v.observation.fields['app.statesSeen']).toEqual({
      kind: 'list',
      values: ['waiting:PodInitializing'],
    });
  });

  it('a pod the kubelet never reported in the window (not scheduled) leaves every init field inconclusive', () => {
    const scenario: InitScenario = {
      family: 'init',
      observeSeconds: 25,
      pod: pod([container('app')], {
        terminationGracePeriodSeconds: 1,
        initContainers: [container('init1', {}, { exitAfter: { seconds: 0, exitCode: 5 } })],
      }),
    };
    // The recording cut before the kubelet's first status: only the created, unscheduled pod is seen.
    const trace = loadRecording('init-fails-always').trace.filter(
      (e) =>
        e.kind !== 'event' &&
        e.kind !== 'log' &&
        !(e.kind === 'podWatch' && (e.object.status?.initContainerStatuses ?? []).length > 0),
    );
    const observation = observeInit(trace, scenario);
    const verdict = judgeCase(expectInit(scenario, capabilities, DEFAULT_MODEL_OPTIONS), observation);
    expect(verdict.diff.length).toBeGreaterThan(0);
    expect(verdict.diff.filter((d) => d.outcome !== 'inconclusive')).toEqual([]);
  });
});
