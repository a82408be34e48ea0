import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { expectProbes } from '../../model/probes';
import {
  attemptSeconds,
  execTimeoutEnforced,
  execTimesOut,
  flipWindow,
  httpStatusSucceeds,
  probeSuccessSpans,
} from '../../model/probes-signal';
import type {
  ContainerBehaviour,
  ProbeHandler,
  ProbeSpec,
  ProbesScenario,
  RestartPolicy,
} from '../../model/scenario';
import { container, pod } from './builders';

const caps = defaultCapabilities(parseServerVersion('v1.30'));
const options = { slackSeconds: 1 };

function probe(handler: ProbeHandler = { kind: 'exec' }, overrides: Partial<ProbeSpec> = {}): ProbeSpec {
  return {
    handler,
    initialDelaySeconds: 0,
    periodSeconds: 1,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold: 3,
    ...overrides,
  };
}

function scenario(
  probes: ProbesScenario['pod']['containers'][0]['probes'],
  behaviour: Partial<ContainerBehaviour>,
  observeSeconds = 60,
  restartPolicy: RestartPolicy = 'Always',
  grace = 1,
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

describe('probe handlers (pkg/probe)', () => {
  it.each([
    [199, false],
    [200, true],
    [302, true],
    [399, true],
    [400, false],
    [500, false],
  ])('HTTP status %p succeeds: %p', (status, ok) => expect(httpStatusSucceeds(status)).toBe(ok));

  it('httpGet: both statuses successful → always ready; inverted statuses invert the signal', () => {
    const b = {
      startDelaySeconds: 0,
      sigterm: { kind: 'ignore' as const },
      readyAfterSeconds: 2,
      unreadyAfterSeconds: 5,
    };
    expect(
      probeSuccessSpans(
        'readiness',
        probe({ kind: 'httpGet', port: 1, okStatus: 200, failStatus: 301 }),
        b,
        true,
      ),
    ).toEqual([{ from: 0, to: Infinity }]);
    expect(
      probeSuccessSpans(
        'readiness',
        probe({ kind: 'httpGet', port: 1, okStatus: 404, failStatus: 200 }),
        b,
        true,
      ),
    ).toEqual([
      { from: 0, to: 2 },
      { from: 5, to: Infinity },
    ]);
    expect(
      probeSuccessSpans(
        'readiness',
        probe({ kind: 'httpGet', port: 1, okStatus: 500, failStatus: 404 }),
        b,
        true,
      ),
    ).toEqual([]);
    expect(
      probeSuccessSpans(
        'readiness',
        probe({ kind: 'httpGet', port: 1, okStatus: 200, failStatus: 404 }),
        b,
        true,
      ),
    ).toEqual([{ from: 2, to: 5 }]);
  });

  it('exec hanging past the timeout always fails; shorter hangs follow the signal', () => {
    const b = { startDelaySeconds: 0, sigterm: { kind: 'ignore' as const }, readyAfterSeconds: 1 };
    expect(
      probeSuccessSpans('readiness', probe({ kind: 'exec', hangSeconds: 2 }, { timeoutSeconds: 2 }), b, true),
    ).toEqual([]);
    expect(
      probeSuccessSpans('readiness', probe({ kind: 'exec', hangSeconds: 1 }, { timeoutSeconds: 2 }), b, true),
    ).toEqual([{ from: 1, to: Infinity }]);
  });

  it('gRPC never succeeds; tcpSocket follows the listener; startup defaults to on at once', () => {
    const b = { startDelaySeconds: 0, sigterm: { kind: 'ignore' as const }, readyAfterSeconds: 3 };
    expect(probeSuccessSpans('readiness', probe({ kind: 'grpc', port: 1 }), b, true)).toEqual([]);
    expect(probeSuccessSpans('readiness', probe({ kind: 'tcpSocket', port: 1 }), b, true)).toEqual([
      { from: 3, to: Infinity },
    ]);
    expect(probeSuccessSpans('startup', probe(), b, true)).toEqual([{ from: 0, to: Infinity }]);
    expect(probeSuccessSpans('liveness', probe(), { ...b, unhealthyAfterSeconds: 4 }, true)).toEqual([
      { from: 0, to: 4 },
    ]);
  });

  it('flip window: initial delay, threshold, period, gating and timeout', () => {
    expect(flipWindow(4, probe(), 1, { earliest: 0, latest: 0 }, 0)).toEqual({ earliest: 4, latest: 5 });
    expect(flipWindow(4, probe(undefined, { periodSeconds: 2 }), 3, { earliest: 0, latest: 0 }, 0)).toEqual({
      earliest: 8,
      latest: 10,
    });
    expect(
      flipWindow(1, probe(undefined, { initialDelaySeconds: 5 }), 1, { earliest: 0, latest: 0 }, 0),
    ).toEqual({ earliest: 5, latest: 6 });
    expect(flipWindow(1, probe(), 1, { earliest: 6, latest: 7 }, 0)).toEqual({ earliest: 6, latest: 8 });
    // Attempts of 1 s within a 2 s period: each result is 1 s late, probes stay 2 s apart: 2 × 2 + 1.
    expect(flipWindow(0, probe(undefined, { periodSeconds: 2 }), 2, { earliest: 0, latest: 0 }, 1)).toEqual({
      earliest: 2,
      latest: 5,
    });
  });

  it('attempts longer than the period run back to back (worker.run waits for doProbe; the ticker drops ticks)', () => {
    // period 1, attempts of 3 s, threshold 2: the first attempt starts within 3 s (one in flight), the
    // second right after it, its result 3 s later: 2 × 3 + 3.
    expect(flipWindow(0, probe(undefined, { timeoutSeconds: 3 }), 2, { earliest: 0, latest: 0 }, 3)).toEqual({
      earliest: 1,
      latest: 9,
    });
  });

  it('attempt seconds: exec hangs (cut at the timeout from 1.20), gRPC dials until its timeout, HTTP/TCP at once', () => {
    const hang = (hangSeconds: number) => probe({ kind: 'exec', hangSeconds }, { timeoutSeconds: 2 });
    expect(attemptSeconds(hang(1), true)).toBe(1);
    expect(attemptSeconds(hang(5), true)).toBe(2);
    expect(attemptSeconds(hang(5), false)).toBe(5);
    expect(attemptSeconds(probe({ kind: 'grpc', port: 1 }, { timeoutSeconds: 3 }), true)).toBe(3);
    expect(attemptSeconds(probe({ kind: 'tcpSocket', port: 1 }, { timeoutSeconds: 3 }), true)).toBe(0);
    expect(attemptSeconds(probe(), true)).toBe(0);
  });

  it('exec timeouts are enforced from 1.20 (ExecProbeTimeout GA 1.20); before, the exit status counts', () => {
    expect(execTimeoutEnforced(parseServerVersion('v1.19.16'))).toBe(false);
    expect(execTimeoutEnforced(parseServerVersion('v1.20.0'))).toBe(true);
    const hanging = probe({ kind: 'exec', hangSeconds: 3 }, { timeoutSeconds: 2 });
    const b = { startDelaySeconds: 0, sigterm: { kind: 'ignore' as const }, readyAfterSeconds: 1 };
    expect(execTimesOut(hanging, true)).toBe(true);
    expect(execTimesOut(hanging, false)).toBe(false);
    expect(probeSuccessSpans('readiness', hanging, b, false)).toEqual([{ from: 1, to: Infinity }]);
  });
});

describe('expectProbes (prober/worker.go; e2e container_probe.go)', () => {
  it('readiness only: ready window, never restarted, ready at the end', () => {
    const e = expectProbes(scenario({ readiness: probe() }, { readyAfterSeconds: 5 }), caps, options);
    expect(e.fields['c.readyAfterStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 5,
      latest: 6,
      slack: 1,
    });
    expect(e.fields['c.readyAtEnd'].expected).toEqual({ kind: 'equals', value: true });
    expect(e.fields['c.restartCount']).toMatchObject({
      expected: { kind: 'range', min: 0, max: 0 },
      rule: 'probes.readiness-gates-ready',
    });
    expect(e.fields['c.readinessFailureMessage'].expected).toEqual({
      kind: 'contains',
      parts: ['Readiness probe failed'],
    });
  });

  it('e2e "should be ready immediately": readiness on at once, no failure message expected', () => {
    const e = expectProbes(scenario({ readiness: probe() }, { readyAfterSeconds: 0 }), caps, options);
    expect(e.fields['c.readyAfterStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 0,
      latest: 1,
      slack: 1,
    });
    expect(e.fields['c.readinessFailureMessage']).toBeUndefined();
  });

  it('e2e "should never be ready": a readiness that always fails never restarts the container', () => {
    const e = expectProbes(scenario({ readiness: probe({ kind: 'grpc', port: 1 }) }, {}), caps, options);
    expect(e.fields['c.readyAtEnd'].expected).toEqual({ kind: 'equals', value: false });
    expect(e.fields['c.readyAfterStartSeconds']).toBeUndefined();
    expect(e.fields['c.restartCount'].expected).toEqual({ kind: 'range', min: 0, max: 0 });
  });

  it('readiness turning off near the end of the window leaves readyAtEnd out', () => {
    const e = expectProbes(
      scenario({ readiness: probe() }, { readyAfterSeconds: 1, unreadyAfterSeconds: 9 }, 10),
      caps,
      options,
    );
    expect(e.fields['c.readyAtEnd']).toBeUndefined();
    expect(e.fields['c.unreadyAfterStartSeconds']).toBeUndefined();
  });

  it('HTTP failure status shows in the Unhealthy message', () => {
    const e = expectProbes(
      scenario(
        { readiness: probe({ kind: 'httpGet', port: 1, okStatus: 200, failStatus: 503 }) },
        { readyAfterSeconds: 5 },
      ),
      caps,
      options,
    );
    expect(e.fields['c.readinessFailureMessage'].expected).toEqual({
      kind: 'contains',
      parts: ['Readiness probe failed', 'HTTP probe failed with statuscode: 503'],
    });
  });

  it('e2e "should be restarted with a exec liveness probe": restart range over the window', () => {
    const e = expectProbes(
      scenario({ liveness: probe(undefined, { failureThreshold: 1 }) }, { unhealthyAfterSeconds: 10 }, 60),
      caps,
      options,
    );
    expect(e.fields['c.firstKillAfterStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 10,
      latest: 11,
      slack: 1,
    });
    expect(e.fields['c.killMessage'].expected).toEqual({
      kind: 'contains',
      parts: ['Container c failed liveness probe', 'will be restarted'],
    });
    // Cycle 12–13 s (kill + 2 s minimum): most restarts at 12, 24, 36 (the third instance outlives the 10 s back-off
    // since the second's exit, doBackOff), the fourth backed off to 68; least adds start and latency.
    expect(e.fields['c.restartCount'].expected).toEqual({ kind: 'range', min: 2, max: 3 });
  });

  it('restartPolicy Never: a liveness kill is not restarted', () => {
    const e = expectProbes(
      scenario({ liveness: probe() }, { unhealthyAfterSeconds: 3 }, 30, 'Never'),
      caps,
      options,
    );
    expect(e.fields['c.restartCount'].expected).toEqual({ kind: 'range', min: 0, max: 0 });
  });

  // kuberuntime_manager.go computePodActions (v1.26.1): with Never and no other container kept
  // running, KillPod; killPodWithSyncResult stops the container as "Stopping container c" with the
  // pod's period, not the probe's. Real cluster: probes-liveness-restarts-r1 (no "probe" Killing event).
  it('restartPolicy Never, one container: the whole pod is killed, "Stopping container", pod grace', () => {
    const liveness = probe(undefined, { failureThreshold: 1, terminationGracePeriodSeconds: 9 });
    const ignores = { unhealthyAfterSeconds: 3, sigterm: { kind: 'ignore' } } as const;
    const never = expectProbes(scenario({ liveness }, ignores, 40, 'Never', 2), caps, options);
    expect(never.fields['c.killMessage'].expected).toEqual({
      kind: 'contains',
      parts: ['Stopping container c'],
    });
    const always = expectProbes(scenario({ liveness }, ignores, 40, 'Always', 2), caps, options);
    expect(always.fields['c.killMessage'].expected).toEqual({
      kind: 'contains',
      parts: ['Container c failed liveness probe', 'will be restarted'],
    });
  });

  it('restartPolicy Never, two containers: the message depends on the other one, so it is not judged', () => {
    const liveness = probe(undefined, { failureThreshold: 1 });
    const base = scenario({ liveness }, { unhealthyAfterSeconds: 3 }, 30, 'Never');
    const two: ProbesScenario = {
      ...base,
      pod: { ...base.pod, containers: [...base.pod.containers, container('d', { probes: {} }, {})] },
    };
    const e = expectProbes(two, caps, options);
    expect(e.fields['c.firstKillAfterStartSeconds']).toBeDefined();
    expect(e.fields['c.killMessage']).toBeUndefined();
  });

  it('OnFailure: the liveness kill restarts the container whatever its exit code (computePodActions)', () => {
    const zero = expectProbes(
      scenario(
        { liveness: probe() },
        { unhealthyAfterSeconds: 3, sigterm: { kind: 'exit', afterSeconds: 0, exitCode: 0 } },
        30,
        'OnFailure',
        10,
      ),
      caps,
      options,
    );
    expect((zero.fields['c.restartCount'].expected as { min: number }).min).toBeGreaterThan(0);
    const one = expectProbes(
      scenario(
        { liveness: probe() },
        { unhealthyAfterSeconds: 3, sigterm: { kind: 'exit', afterSeconds: 0, exitCode: 1 } },
        30,
        'OnFailure',
        10,
      ),
      caps,
      options,
    );
    expect(one.fields['c.restartCount'].expected).toEqual(zero.fields['c.restartCount'].expected);
  });

  it('probe-level terminationGracePeriodSeconds replaces the pod period for the kill (1.22+)', () => {
    const long = expectProbes(
      scenario({ liveness: probe() }, { unhealthyAfterSeconds: 1 }, 60, 'Always', 30),
      caps,
      options,
    );
    const short = expectProbes(
      scenario(
        { liveness: probe(undefined, { terminationGracePeriodSeconds: 2 }) },
        { unhealthyAfterSeconds: 1 },
        60,
        'Always',
        30,
      ),
      caps,
      options,
    );
    expect((long.fields['c.restartCount'].expected as { max: number }).max).toBe(1);
    expect((short.fields['c.restartCount'].expected as { max: number }).max).toBe(4);
    const noProbeGrace = { ...caps, probeGrace: false };
    const ignored = expectProbes(
      scenario(
        { liveness: probe(undefined, { terminationGracePeriodSeconds: 2 }) },
        { unhealthyAfterSeconds: 1 },
        60,
        'Always',
        30,
      ),
      noProbeGrace,
      options,
    );
    expect((ignored.fields['c.restartCount'].expected as { max: number }).max).toBe(1);
  });

  it('startup gates liveness and readiness: no restart while startup passes in time', () => {
    const e = expectProbes(
      scenario(
        {
          startup: probe(undefined, { failureThreshold: 20 }),
          liveness: probe(undefined, { failureThreshold: 1 }),
          readiness: probe(),
        },
        { startupAfterSeconds: 6, readyAfterSeconds: 0 },
        30,
      ),
      caps,
      options,
    );
    expect(e.fields['c.startedAfterStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 6,
      latest: 7,
      slack: 1,
    });
    expect(e.fields['c.readyAfterStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 6,
      latest: 8,
      slack: 1,
    });
    expect(e.fields['c.restartCount'].expected).toEqual({ kind: 'range', min: 0, max: 0 });
  });

  it('startup that never passes kills after failureThreshold × period and is never ready', () => {
    const e = expectProbes(
      scenario(
        { startup: probe(undefined, { failureThreshold: 3 }), readiness: probe() },
        { startupAfterSeconds: 100, readyAfterSeconds: 0 },
        30,
      ),
      caps,
      options,
    );
    expect(e.fields['c.firstKillAfterStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 2,
      latest: 3,
      slack: 1,
    });
    expect(e.fields['c.killMessage'].expected).toEqual({
      kind: 'contains',
      parts: ['Container c failed startup probe', 'will be restarted'],
    });
    expect(e.fields['c.readyAfterStartSeconds']).toBeUndefined();
    expect(e.fields['c.startedAfterStartSeconds']).toBeUndefined();
  });

  it('startup passing right at its deadline is undecided: no startup fields', () => {
    const e = expectProbes(
      scenario({ startup: probe(undefined, { failureThreshold: 3 }) }, { startupAfterSeconds: 2 }, 30),
      caps,
      options,
    );
    expect(e.fields['c.startedAfterStartSeconds']).toBeUndefined();
    expect(e.fields['c.firstKillAfterStartSeconds']).toBeUndefined();
    expect(e.fields['c.restartCount']).toBeUndefined();
  });
});

describe('expectProbes: spans too short for successThreshold, and programs that exit (worker.go doProbe)', () => {
  it('a signal on 0.5–3.5 s under initialDelay 5 s is never probed on: never ready, no ready window', () => {
    const e = expectProbes(
      scenario(
        { readiness: probe(undefined, { initialDelaySeconds: 5, periodSeconds: 3, successThreshold: 2 }) },
        { readyAfterSeconds: 0.5, unreadyAfterSeconds: 3.5 },
        20,
      ),
      caps,
      options,
    );
    expect(e.fields['c.readyAfterStartSeconds']).toBeUndefined();
    expect(e.fields['c.unreadyAfterStartSeconds']).toBeUndefined();
    expect(e.fields['c.readyAtEnd'].expected).toEqual({ kind: 'equals', value: false });
  });

  it('a signal on for 2.5 s with period 1 s and successThreshold 3 may or may not flip: Ready is not predicted', () => {
    // 2.5 s holds 2 or 3 probes depending on their phase.
    const e = expectProbes(
      scenario(
        { readiness: probe(undefined, { successThreshold: 3 }) },
        { readyAfterSeconds: 2, unreadyAfterSeconds: 4.5 },
        30,
      ),
      caps,
      options,
    );
    expect(e.fields['c.readyAfterStartSeconds']).toBeUndefined();
    expect(e.fields['c.readyAtEnd']).toBeUndefined();
  });

  it('a signal on for 3 periods with successThreshold 3 always flips', () => {
    const e = expectProbes(
      scenario(
        { readiness: probe(undefined, { successThreshold: 3 }) },
        { readyAfterSeconds: 2, unreadyAfterSeconds: 5 },
        30,
      ),
      caps,
      options,
    );
    expect(e.fields['c.readyAfterStartSeconds'].expected).toEqual({
      kind: 'window',
      earliest: 4,
      latest: 5,
      slack: 1,
    });
  });

  it('a program exiting at 3 s: nothing predicted after it, no readyAtEnd or restartCount', () => {
    const e = expectProbes(
      scenario(
        { readiness: probe(), liveness: probe() },
        { readyAfterSeconds: 6, exitAfter: { seconds: 3, exitCode: 0 } },
        20,
      ),
      caps,
      options,
    );
    expect(e.fields['c.readyAfterStartSeconds']).toBeUndefined();
    expect(e.fields['c.readyAtEnd']).toBeUndefined();
    expect(e.fields['c.restartCount']).toBeUndefined();
  });
});
