import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { expectProbes } from '../../model/probes';
import { probeSuccessSpans } from '../../model/probes-signal';
import type {
  ContainerBehaviour,
  ContainerScenario,
  ProbeHandler,
  ProbeSpec,
  ProbesScenario,
  RestartPolicy,
} from '../../model/scenario';
import { START_ALLOWANCE_SECONDS } from '../../model/timing';
import { container, pod } from './builders';

// Boundaries and branches of the probes model (pkg/kubelet/prober/worker.go doProbe; pkg/probe/exec,
// pkg/probe/http; kuberuntime_manager.go computePodActions). Probes run every periodSeconds at an unknown
// phase, so a result flips within one period of its input; a kubelet kill restarts with back-off 0, 0, 10,
// 20… s, counted from the exit before the killed one (docs/semantics.md probes.liveness-restarts).

const caps = defaultCapabilities(parseServerVersion('v1.30'));
const options = { slackSeconds: 1 };

function probe(handler: ProbeHandler = { kind: 'exec' }, overrides: Partial<ProbeSpec> = {}): ProbeSpec {
  return {
    handler,
    initialDelaySeconds: 0,
    periodSeconds: 1,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold: 1,
    ...overrides,
  };
}

function watch(
  probes: ContainerScenario['probes'],
  behaviour: Partial<ContainerBehaviour>,
  observeSeconds: number,
  restartPolicy: RestartPolicy = 'Always',
  grace = 30,
): ProbesScenario {
  return {
    family: 'probes',
    observeSeconds,
    withService: false,
    pod: pod([container('c', { probes }, behaviour)], {
      restartPolicy,
      terminationGracePeriodSeconds: grace,
    }),
  };
}

const fieldsOf = (s: ProbesScenario) => expectProbes(s, caps, options).fields;
const maxRestarts = (s: ProbesScenario) => (fieldsOf(s)['c.restartCount'].expected as { max: number }).max;

describe('exec probes that time out (pkg/probe/exec: the command is cut at timeoutSeconds)', () => {
  const hanging = (hangSeconds: number) =>
    probe({ kind: 'exec', hangSeconds }, { periodSeconds: 10, timeoutSeconds: 2 });

  it('a hang of at least timeoutSeconds fails from the start, each failure reported timeoutSeconds late', () => {
    // First probe somewhere in [0, 10) s, its failure known 2 s later: the kill lands in [0, 12] s.
    for (const hang of [2, 5]) {
      const f = fieldsOf(watch({ liveness: hanging(hang) }, {}, 60));
      expect(f['c.firstKillAfterStartSeconds'].expected).toEqual({
        kind: 'window',
        earliest: 0,
        latest: 12,
        slack: 1,
      });
    }
  });

  it('a shorter hang follows the signal, its result only the hang late (not timeoutSeconds)', () => {
    // Signal off at 20 s, first probe after it within 10 s, its `test -f` answered 1 s later: [20, 31].
    const f = fieldsOf(watch({ liveness: hanging(1) }, { unhealthyAfterSeconds: 20 }, 60));
    expect(f['c.firstKillAfterStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 20,
      latest: 31,
      slack: 1,
    });
  });
});

describe('restarts after a liveness kill depend on how the container dies', () => {
  // Liveness off at 10 s, period 1, threshold 1: killed 10–11 s after each start. The third restart's back-off
  // (10 s) is checked against the second instance's exit, before the kill (kuberuntime_manager.go doBackOff), so
  // a third instance living 10 s is restarted at once; the fourth's 20 s outlasts any instance here.
  const liveness = { liveness: probe() };

  it('no SIGTERM handler: dies at the kill; restarts at 10, 20, 30 s and, backed off from 40 s, 60 s → 4 in 60 s', () => {
    expect(
      maxRestarts(watch(liveness, { unhealthyAfterSeconds: 10, sigterm: { kind: 'default' } }, 60)),
    ).toBe(4);
  });

  it('trapped SIGTERM exiting after 3 s: restarts at 13, 26 and 39 s (the next at 72) → 3 in 60 s', () => {
    const s = watch(
      liveness,
      { unhealthyAfterSeconds: 10, sigterm: { kind: 'exit', afterSeconds: 3, exitCode: 1 } },
      60,
    );
    expect(maxRestarts(s)).toBe(3);
  });

  it('exit racing the SIGKILL at 3 s: the earliest death is the exit at 2.5 s; restarts at 12.5, 25, 37.5 s → 3 in 48 s', () => {
    const s = watch(
      liveness,
      { unhealthyAfterSeconds: 10, sigterm: { kind: 'exit', afterSeconds: 2.5, exitCode: 1 } },
      48,
      'Always',
      3,
    );
    expect(maxRestarts(s)).toBe(3);
  });

  it('restartPolicy Always restarts even a clean exit 0 after the kill', () => {
    const s = watch(
      liveness,
      { unhealthyAfterSeconds: 10, sigterm: { kind: 'exit', afterSeconds: 0, exitCode: 0 } },
      60,
    );
    expect(maxRestarts(s)).toBeGreaterThan(0);
  });

  it('OnFailure with an exit that is 0 or 137 (race): restarted either way, as under Always', () => {
    const exit = {
      unhealthyAfterSeconds: 10,
      sigterm: { kind: 'exit' as const, afterSeconds: 2.5, exitCode: 0 },
    };
    const onFailure = watch(liveness, exit, 48, 'OnFailure', 3);
    expect(fieldsOf(onFailure)['c.restartCount'].expected).toEqual(
      fieldsOf(watch(liveness, exit, 48, 'Always', 3))['c.restartCount'].expected,
    );
    expect(maxRestarts(onFailure)).toBe(3);
  });

  it('an HTTP liveness answering a failure status while healthy fails from the start', () => {
    // okStatus 500 fails, failStatus 200 succeeds: the probe fails until the signal turns off at 10 s.
    const inverted = probe(
      { kind: 'httpGet', port: 8080, okStatus: 500, failStatus: 200 },
      { failureThreshold: 3 },
    );
    const f = fieldsOf(watch({ liveness: inverted }, { unhealthyAfterSeconds: 10 }, 60));
    expect(f['c.firstKillAfterStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 2,
      latest: 3,
      slack: 1,
    });
  });
});

describe('fields near the end of the observation window (the start may lag START_ALLOWANCE_SECONDS)', () => {
  // An instant t is kept when t's latest + slack < observeSeconds − START_ALLOWANCE_SECONDS.
  it('the allowance is 2 s', () => expect(START_ALLOWANCE_SECONDS).toBe(2));

  it('readiness on at 5 s (ready by 6 s): left out in a 9 s window, kept in 9.5 s', () => {
    const readiness = { readiness: probe() };
    const short = fieldsOf(watch(readiness, { readyAfterSeconds: 5 }, 9));
    expect(short['c.readyAfterStartSeconds']).toBeUndefined();
    expect(short['c.readyAtEnd']).toBeUndefined();
    const long = fieldsOf(watch(readiness, { readyAfterSeconds: 5 }, 9.5));
    expect(long['c.readyAfterStartSeconds']).toMatchObject({
      expected: { kind: 'window', earliest: 5, latest: 6, slack: 1 },
      rule: 'probes.readiness-threshold',
    });
    expect(long['c.readyAtEnd']).toMatchObject({
      expected: { kind: 'equals', value: true },
      rule: 'probes.readiness-gates-ready',
    });
  });

  it('readiness off at 5 s after passing at 1 s: not ready by 6 s; kept in 9.5 s only', () => {
    const readiness = { readiness: probe() };
    const behaviour = { readyAfterSeconds: 1, unreadyAfterSeconds: 5 };
    const short = fieldsOf(watch(readiness, behaviour, 9));
    expect(short['c.unreadyAfterStartSeconds']).toBeUndefined();
    expect(short['c.readyAtEnd']).toBeUndefined();
    const long = fieldsOf(watch(readiness, behaviour, 9.5));
    expect(long['c.unreadyAfterStartSeconds']).toMatchObject({
      expected: { kind: 'window', earliest: 5, latest: 6, slack: 1 },
      rule: 'probes.readiness-threshold',
    });
    expect(long['c.readyAtEnd'].expected).toEqual({ kind: 'equals', value: false });
  });

  it('readiness turning off only after the window: ready at the end', () => {
    const f = fieldsOf(watch({ readiness: probe() }, { readyAfterSeconds: 1, unreadyAfterSeconds: 100 }, 30));
    expect(f['c.readyAtEnd'].expected).toEqual({ kind: 'equals', value: true });
  });

  it('startup passing at 5 s (by 6 s): left out in a 9 s window, kept in 9.5 s', () => {
    const startup = { startup: probe(undefined, { failureThreshold: 30 }) };
    expect(
      fieldsOf(watch(startup, { startupAfterSeconds: 5 }, 9))['c.startedAfterStartSeconds'],
    ).toBeUndefined();
    const f = fieldsOf(watch(startup, { startupAfterSeconds: 5 }, 9.5));
    expect(f['c.startedAfterStartSeconds']).toMatchObject({
      expected: { kind: 'window', earliest: 5, latest: 6, slack: 1 },
      rule: 'probes.startup-gates-others',
    });
    // Startup alone, passing: never restarted.
    expect(f['c.restartCount']).toMatchObject({
      expected: { kind: 'range', min: 0, max: 0 },
      rule: 'probes.startup-gates-others',
    });
  });

  it('liveness kill by 11 s: left out in a 14 s window, kept in 14.5 s with its rules', () => {
    const liveness = { liveness: probe() };
    expect(
      fieldsOf(watch(liveness, { unhealthyAfterSeconds: 10 }, 14))['c.firstKillAfterStartSeconds'],
    ).toBeUndefined();
    const f = fieldsOf(watch(liveness, { unhealthyAfterSeconds: 10 }, 14.5));
    expect(f['c.firstKillAfterStartSeconds'].rule).toBe('probes.liveness-restarts');
    expect(f['c.killMessage'].rule).toBe('probes.kill-message');
    expect(f['c.restartCount'].rule).toBe('probes.liveness-restarts');
  });
});

describe('startup probe deadline (failureThreshold 10 × 1 s: gives up 9–10 s after the start)', () => {
  const startup = { startup: probe(undefined, { failureThreshold: 10 }) };

  // DECISION_MARGIN_SECONDS (0.5 s) decides: a pass that may come within the margin of the deadline is undecided.
  it('passing by 8 s, a margin before the 9 s deadline: started', () => {
    expect(
      fieldsOf(watch(startup, { startupAfterSeconds: 7 }, 60))['c.startedAfterStartSeconds'],
    ).toBeDefined();
  });

  it('passing by 8.5 s, within the margin of the 9 s deadline: undecided, neither started nor killed', () => {
    const f = fieldsOf(watch(startup, { startupAfterSeconds: 7.5 }, 60));
    expect(f['c.startedAfterStartSeconds']).toBeUndefined();
    expect(f['c.firstKillAfterStartSeconds']).toBeUndefined();
  });

  it('signal on at 10.5 s, within the margin after the 10 s deadline: still undecided', () => {
    expect(
      fieldsOf(watch(startup, { startupAfterSeconds: 10.5 }, 60))['c.firstKillAfterStartSeconds'],
    ).toBeUndefined();
  });

  it('signal on at 11 s: killed by the startup probe, with its rules', () => {
    const f = fieldsOf(watch(startup, { startupAfterSeconds: 11 }, 60));
    expect(f['c.firstKillAfterStartSeconds']).toMatchObject({
      expected: { kind: 'window', earliest: 9, latest: 10, slack: 1 },
      rule: 'probes.startup-restarts',
    });
    expect(f['c.restartCount'].rule).toBe('probes.startup-restarts');
  });

  it('a gRPC startup probe never succeeds here (pkg/probe/grpc needs SERVING): killed at the deadline', () => {
    // grpc.go dials WithBlock: with nothing serving, each attempt fails only at its 1 s timeout, so the
    // tenth failure is known 1 s after the tenth attempt starts: [9, 10 + 1].
    const f = fieldsOf(
      watch({ startup: probe({ kind: 'grpc', port: 9000 }, { failureThreshold: 10 }) }, {}, 60),
    );
    expect(f['c.firstKillAfterStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 9,
      latest: 11,
      slack: 1,
    });
  });

  it('startup with a healthy liveness: the no-restart field names the startup rule', () => {
    const f = fieldsOf(watch({ ...startup, liveness: probe() }, { startupAfterSeconds: 1 }, 60));
    expect(f['c.restartCount']).toMatchObject({
      expected: { kind: 'range', min: 0, max: 0 },
      rule: 'probes.startup-gates-others',
    });
  });

  it('a healthy liveness alone: the no-restart field names the liveness rule', () => {
    const f = fieldsOf(watch({ liveness: probe() }, {}, 60));
    expect(f['c.restartCount']).toMatchObject({
      expected: { kind: 'range', min: 0, max: 0 },
      rule: 'probes.liveness-restarts',
    });
  });
});

describe('a liveness kill before readiness decides', () => {
  it('killed at 3–4 s: readiness at 10 s and unreadiness at 5 s are not reported for the first instance', () => {
    const f = fieldsOf(
      watch(
        { liveness: probe(), readiness: probe() },
        { unhealthyAfterSeconds: 3, readyAfterSeconds: 10 },
        60,
      ),
    );
    expect(f['c.readyAfterStartSeconds']).toBeUndefined();
    const g = fieldsOf(
      watch(
        { liveness: probe(), readiness: probe() },
        { unhealthyAfterSeconds: 3, readyAfterSeconds: 1, unreadyAfterSeconds: 5 },
        60,
      ),
    );
    expect(g['c.unreadyAfterStartSeconds']).toBeUndefined();
  });
});

describe('Unhealthy messages of a failing readiness probe (pkg/probe/http/http.go DoHTTPProbe)', () => {
  const http = (failStatus: number) => ({
    readiness: probe({ kind: 'httpGet', port: 80, okStatus: 200, failStatus }),
  });

  it.each([199, 400, 503])('failure status %p is quoted', (status) => {
    const f = fieldsOf(watch(http(status), { readyAfterSeconds: 5 }, 30));
    expect(f['c.readinessFailureMessage']).toMatchObject({
      expected: {
        kind: 'contains',
        parts: ['Readiness probe failed', `HTTP probe failed with statuscode: ${status}`],
      },
      rule: 'probes.unhealthy-event',
    });
  });

  it('a failure is expected only if the signal turns on after the first possible probe (initialDelay + period + slack)', () => {
    const exec = (initialDelaySeconds: number) => ({ readiness: probe(undefined, { initialDelaySeconds }) });
    expect(
      fieldsOf(watch(exec(0), { readyAfterSeconds: 2 }, 30))['c.readinessFailureMessage'],
    ).toBeUndefined();
    expect(
      fieldsOf(watch(exec(0), { readyAfterSeconds: 2.5 }, 30))['c.readinessFailureMessage'],
    ).toBeDefined();
    expect(
      fieldsOf(watch(exec(3), { readyAfterSeconds: 4.5 }, 30))['c.readinessFailureMessage'],
    ).toBeUndefined();
  });

  it("and only if the first probe's result is surely seen (its latest instant plus slack before the window's end)", () => {
    // Period 1, no delay, an instant check: the first result by 1 s, + 1 s slack; a window of W s is
    // seen until W − 2 s (the start allowance). The signal turning on late does not hide the failures before it.
    expect(
      fieldsOf(watch({ readiness: probe() }, { readyAfterSeconds: 10 }, 12))['c.readinessFailureMessage'],
    ).toBeDefined();
    expect(fieldsOf(watch({ readiness: probe() }, {}, 4))['c.readinessFailureMessage']).toBeUndefined();
    const f = expectProbes(watch({ readiness: probe() }, {}, 5), caps, options);
    expect(f.fields['c.readinessFailureMessage']).toBeDefined();
    expect(f.family).toBe('probes');
  });

  it('an exec probe cut at its timeout fails from its first result, timeoutSeconds after the attempt starts', () => {
    // Period 1, timeout 2, hang 3: the first result by 0 + 1 + 2 = 3 s, + 1 s slack = 4 s: a window of
    // 7 s (seen until 5 s) surely holds it, one of 6 s (seen until 4 s) does not.
    const timingOut = { readiness: probe({ kind: 'exec', hangSeconds: 3 }, { timeoutSeconds: 2 }) };
    expect(
      fieldsOf(watch(timingOut, { readyAfterSeconds: 0 }, 6))['c.readinessFailureMessage'],
    ).toBeUndefined();
    expect(
      fieldsOf(watch(timingOut, { readyAfterSeconds: 0 }, 7))['c.readinessFailureMessage'],
    ).toMatchObject({
      expected: { kind: 'contains', parts: ['Readiness probe failed'] },
      rule: 'probes.exec-timeout',
    });
    expect(fieldsOf(watch(timingOut, { readyAfterSeconds: 0 }, 7))['c.readyAtEnd'].expected).toEqual({
      kind: 'equals',
      value: false,
    });
  });
});

describe('the rule named for failures the handler decides (docs/semantics.md probes.exec-timeout, probes.grpc-serving-only)', () => {
  const ruleOf = (probes: ContainerScenario['probes'], field: string, version = caps) =>
    expectProbes(watch(probes, { readyAfterSeconds: 0 }, 30), version, options).fields[`c.${field}`]?.rule;

  it('an exec command cut at its timeout: probes.exec-timeout for never Ready and for the liveness kill', () => {
    const hanging = probe({ kind: 'exec', hangSeconds: 3 }, { timeoutSeconds: 2 });
    expect(ruleOf({ readiness: hanging }, 'readyAtEnd')).toBe('probes.exec-timeout');
    expect(ruleOf({ liveness: hanging }, 'firstKillAfterStartSeconds')).toBe('probes.exec-timeout');
    expect(ruleOf({ liveness: hanging }, 'restartCount')).toBe('probes.exec-timeout');
  });

  it('an exec command answering in time, or any command before 1.20, keeps the signal rules', () => {
    const quick = probe({ kind: 'exec', hangSeconds: 1 }, { timeoutSeconds: 2 });
    expect(ruleOf({ readiness: quick }, 'readyAtEnd')).toBe('probes.readiness-gates-ready');
    // Before 1.20 the command ran to its end (ExecProbeTimeout GA 1.20): the signal decides, Ready holds.
    const hanging = probe({ kind: 'exec', hangSeconds: 3 }, { timeoutSeconds: 2 });
    const v119 = defaultCapabilities(parseServerVersion('v1.19'));
    expect(ruleOf({ readiness: hanging }, 'readyAtEnd', v119)).toBe('probes.readiness-gates-ready');
  });

  it('gRPC with nothing serving: probes.grpc-serving-only', () => {
    const grpc = probe({ kind: 'grpc', port: 9090 });
    expect(ruleOf({ readiness: grpc }, 'readyAtEnd')).toBe('probes.grpc-serving-only');
    expect(ruleOf({ liveness: grpc }, 'firstKillAfterStartSeconds')).toBe('probes.grpc-serving-only');
  });
});

describe('success spans (probes-signal)', () => {
  it('readiness without a signal never succeeds', () => {
    expect(
      probeSuccessSpans('readiness', probe(), { startDelaySeconds: 0, sigterm: { kind: 'ignore' } }, true),
    ).toEqual([]);
  });

  it('inverted HTTP statuses: success exactly where the signal is off', () => {
    const inverted = probe({ kind: 'httpGet', port: 80, okStatus: 500, failStatus: 200 });
    const base = { startDelaySeconds: 0, sigterm: { kind: 'ignore' } } as const;
    expect(probeSuccessSpans('liveness', inverted, { ...base, unhealthyAfterSeconds: 10 }, true)).toEqual([
      { from: 10, to: Infinity },
    ]);
    expect(probeSuccessSpans('readiness', inverted, { ...base, readyAfterSeconds: 5 }, true)).toEqual([
      { from: 0, to: 5 },
    ]);
  });
});

describe('an undecided startup probe (worker.go: readiness is probed only once startup succeeded)', () => {
  // Startup signal on at 2 s with failureThreshold 3 and period 1: it may pass just before or just
  // after its third failure kills the container, so whether readiness ever runs is undecided.
  const probes = { startup: probe(undefined, { failureThreshold: 3 }), readiness: probe() };

  it('predicts neither Ready nor not-Ready at the end', () => {
    const f = fieldsOf(watch(probes, { startupAfterSeconds: 2, readyAfterSeconds: 0 }, 60));
    expect(f['c.readyAtEnd']).toBeUndefined();
    expect(f['c.readyAfterStartSeconds']).toBeUndefined();
  });

  it('still predicts Ready when the startup probe surely passes', () => {
    const sure = { ...probes, startup: probe(undefined, { failureThreshold: 10 }) };
    const f = fieldsOf(watch(sure, { startupAfterSeconds: 2, readyAfterSeconds: 0 }, 60));
    expect(f['c.readyAtEnd'].expected).toEqual({ kind: 'equals', value: true });
  });
});

describe('restartCount never decreases (kuberuntime_container.go startContainer: last + 1)', () => {
  it('is expected for containers a liveness or startup probe can restart, and only for them', () => {
    const restartable = fieldsOf(watch({ liveness: probe() }, { unhealthyAfterSeconds: 3 }, 30));
    expect(restartable['c.restartCountNeverDecreases']).toMatchObject({
      expected: { kind: 'equals', value: true },
      rule: 'probes.restart-count-monotonic',
    });
    expect(fieldsOf(watch({ startup: probe() }, {}, 30))['c.restartCountNeverDecreases']).toBeDefined();
    expect(fieldsOf(watch({ readiness: probe() }, {}, 30))['c.restartCountNeverDecreases']).toBeUndefined();
  });
});
