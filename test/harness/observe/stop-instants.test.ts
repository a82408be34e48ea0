import type { V1Pod } from '@kubernetes/client-node';
import type { Trace, TraceEntry } from '../../../model/trace';
import { markersByContainer, runsOf, heartbeatPeriodMs } from '../../../harness/observe/markers-by-container';
import { podHistory } from '../../../harness/observe/pod-history';
import { stopInstants } from '../../../harness/observe/stop-instants';
import { observeTermination } from '../../../harness/observe/termination';
import { container, pod } from '../../model/builders';
import { NO_UPPER_BOUND } from '../../../model/observation';
import { timingWindow } from '../../../model/timing';
import { compareField, describeObserved } from '../../../verdicts/compare-field';

const T0 = Date.parse('2030-01-01T00:00:00Z');
const s = (seconds: number) => T0 + seconds * 1000;

function log(runtime: number, text: string, arrival = runtime + 0.05): TraceEntry {
  return { kind: 'log', t: s(arrival), pod: 'p', container: 'c', runtimeTime: s(runtime), text };
}

function terminatedPod(exitCode: number, finishedAt: number): V1Pod {
  return {
    metadata: { name: 'p', deletionTimestamp: new Date(s(5)), deletionGracePeriodSeconds: 3 },
    status: {
      phase: 'Running',
      containerStatuses: [
        {
          name: 'c',
          image: 'x',
          imageID: 'x',
          ready: false,
          restartCount: 0,
          state: { terminated: { exitCode, reason: 'Error', finishedAt: new Date(s(finishedAt)) } },
        },
      ],
    },
  };
}

/** A container ticking every 0.25 s from 0 to `lastTick`, SIGTERM marker at 2.2 s, killed afterwards. */
function ticking(lastTick: number, extra: TraceEntry[] = []): Trace {
  const entries: TraceEntry[] = [
    { kind: 'action', t: s(1), action: 'delete', target: 'p' },
    log(0, 'kp started'),
  ];
  for (let at = 0; at <= lastTick + 1e-9; at += 0.25) entries.push(log(at, 'kp tick'));
  entries.push(log(2.2, 'kp sigterm'));
  entries.push({
    kind: 'podWatch',
    t: s(lastTick + 1),
    type: 'MODIFIED',
    object: terminatedPod(137, Math.floor(lastTick)),
  });
  return [...entries, ...extra];
}

describe('stop instants from markers and heartbeats', () => {
  it('orders lines by runtime time, not arrival: a late SIGTERM line still lands before later ticks', () => {
    const trace = ticking(5.25).map((e) =>
      e.kind === 'log' && e.text === 'kp sigterm' ? { ...e, t: s(9) } : e,
    );
    const lines = markersByContainer(trace, 'p').get('c') ?? [];
    const idx = lines.findIndex((l) => l.marker === 'sigterm');
    expect(lines[idx - 1].time).toBeLessThanOrEqual(s(2.2));
    expect(lines[idx + 1].time).toBeGreaterThan(s(2.2));
  });

  it("measures the heartbeat the program kept (0.25 s here, not kubeprop's 0.1 s)", () => {
    const run = runsOf(markersByContainer(ticking(5.25), 'p').get('c') ?? [])[0];
    expect(heartbeatPeriodMs(run)).toBeCloseTo(250, 6);
  });

  it('SIGTERM lies up to one heartbeat before its marker; SIGKILL between the last tick and the next', () => {
    const trace = ticking(5.25);
    const run = runsOf(markersByContainer(trace, 'p').get('c') ?? [])[0];
    const stop = stopInstants(trace, podHistory(trace, 'p'), 'c', run, s(1));
    expect(stop.sigterm).toEqual({ lo: s(2.2) - 250, hi: s(2.2) });
    // finishedAt 5 s narrows [5.25, 5.55] to itself; the API interval [5, 6) contains it.
    expect(stop.exit?.lo).toBeCloseTo(s(5.25), 3);
    expect(stop.exit?.hi).toBeCloseTo(s(5.25) + 250 + 50, 3);
    expect(stop.exitCode).toBe(137);
  });

  it("without a heartbeat, only the API's one-second finishedAt bounds the exit", () => {
    const trace: Trace = [
      { kind: 'action', t: s(1), action: 'delete', target: 'p' },
      log(0, 'kp started'),
      log(2.2, 'kp sigterm'),
      { kind: 'podWatch', t: s(7), type: 'MODIFIED', object: terminatedPod(137, 5) },
    ];
    const run = runsOf(markersByContainer(trace, 'p').get('c') ?? [])[0];
    const stop = stopInstants(trace, podHistory(trace, 'p'), 'c', run, s(1));
    expect(stop.exit).toEqual({ lo: s(5), hi: s(6) });
  });

  it('a watch gap after the delete makes heartbeat-based instants unreliable: API time only, reason kept', () => {
    const trace = ticking(5.25, [{ kind: 'gap', t: s(3), what: 'log stream cut' }]);
    const run = runsOf(markersByContainer(trace, 'p').get('c') ?? [])[0];
    const stop = stopInstants(trace, podHistory(trace, 'p'), 'c', run, s(1));
    expect(stop.exit).toEqual({ lo: s(5), hi: s(6) });
    expect(stop.unknown).toContain('the trace has a gap after the stop began');
  });

  it('still running when the record ends (a late stop): the SIGKILL is a lower bound, never a guess', () => {
    const scenario = {
      family: 'termination' as const,
      pod: pod([container('c')], { terminationGracePeriodSeconds: 3 }),
      delete: { afterRunningSeconds: 1 },
      withService: false,
    };
    const trace = ticking(5.25).filter((e) => e.kind !== 'podWatch');
    const observation = observeTermination(trace, scenario);
    // SIGTERM marker at 2.2 s, the program still ticking at 5.25 s: SIGKILL at least 3.05 s after SIGTERM.
    const observed = observation.fields['c.sigkillAfterSigtermSeconds'];
    expect(observed).toEqual({ kind: 'instant', lo: expect.closeTo(3.05, 6), hi: NO_UPPER_BOUND });
    expect(describeObserved(observed)).toBe('at least 3.05 s');
    // Already past the latest a conforming kubelet allows: the late kill fails; one it may still reach stays open.
    expect(compareField(timingWindow(2, 2, 0.35), observed).outcome).toBe('fail');
    expect(compareField(timingWindow(3, 3, 0.35), observed).outcome).toBe('inconclusive');
    expect(observation.fields['c.exitCode'].kind).toBe('missing');
    expect(observation.timeline.map((e) => e.what)).toEqual(['started', 'delete', 'sigterm']);
  });

  describe('a preStop marker that never came', () => {
    const scenario = {
      family: 'termination' as const,
      pod: pod(
        [container('c', { lifecycle: { preStop: { kind: 'exec', durationSeconds: 1, exitCode: 0 } } })],
        {
          terminationGracePeriodSeconds: 3,
        },
      ),
      delete: { afterRunningSeconds: 1 },
      withService: false,
    };

    it('with a complete record (continuous heartbeat from before the delete, no gap): the hook never ran, the field fails', () => {
      const observed = observeTermination(ticking(5.25), scenario).fields[
        'c.sigtermAfterPreStopStartSeconds'
      ];
      expect(observed).toEqual({ kind: 'value', value: 'never' });
      expect(compareField(timingWindow(1, 1, 0.35), observed).outcome).toBe('fail');
    });

    it('with a gap in the record: not observed, inconclusive', () => {
      const trace = ticking(5.25, [{ kind: 'gap', t: s(3), what: 'log of p/c cut' }]);
      expect(observeTermination(trace, scenario).fields['c.sigtermAfterPreStopStartSeconds'].kind).toBe(
        'missing',
      );
    });

    it('with a heartbeat that paused longer than CONTINUOUS_HEARTBEAT_MS: not observed, inconclusive', () => {
      const paused = ticking(5.25).filter(
        (e) =>
          !(e.kind === 'log' && e.text === 'kp tick' && e.runtimeTime > s(1.1) && e.runtimeTime < s(2.6)),
      );
      expect(observeTermination(paused, scenario).fields['c.sigtermAfterPreStopStartSeconds'].kind).toBe(
        'missing',
      );
    });

    it('a sleep preStop writes nothing: its absence proves nothing', () => {
      const sleeping = {
        ...scenario,
        pod: pod([container('c', { lifecycle: { preStop: { kind: 'sleep', seconds: 1 } } })]),
      };
      expect(
        observeTermination(ticking(5.25), sleeping).fields['c.sigtermAfterPreStopStartSeconds'].kind,
      ).toBe('missing');
    });
  });
});
