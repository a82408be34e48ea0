import { RestartBackOff, restartAt } from '../../../../harness/fake/kubelet/backoff';
import type { PodScenario } from '../../../../model/scenario';
import { containerScenario, podScenario } from '../scenario-pods';
import { runPod } from './run-pod';

/** The fake kubelet's restart back-off: kuberuntime_manager.go doBackOff over client-go flowcontrol Backoff. */

const S = 1000;

describe('restartAt (doBackOff)', () => {
  it('exits on their own: immediate, then 10 s doubling up to 300 s from each exit', () => {
    const backOff = new RestartBackOff();
    const delays: number[] = [];
    let now = 0;
    for (let i = 0; i < 8; i++) {
      // Each instance runs 2 s; the sync that restarts it reads its own exit.
      const exited = now + 2 * S;
      const { at } = restartAt(backOff, exited, exited, exited);
      delays.push((at - exited) / S);
      now = at;
    }
    expect(delays).toEqual([0, 10, 20, 40, 80, 160, 300, 300]);
  });

  it('kills by the kubelet: the sync reads the exit before the killed one, so a long enough life skips the back-off', () => {
    const backOff = new RestartBackOff();
    // First kill: no exited instance yet, no back-off and no entry.
    expect(restartAt(backOff, undefined, 8 * S, 8 * S)).toEqual({ at: 8 * S, backOffSeconds: 0 });
    expect(backOff.seconds).toBe(0);
    // Second kill: an exited instance, no entry: immediate, entry 10 s.
    expect(restartAt(backOff, 8 * S, 16 * S, 16 * S)).toEqual({ at: 16 * S, backOffSeconds: 0 });
    expect(backOff.seconds).toBe(10);
    // Third kill exits 10.0 s after the second's exit (v1.26.1, probes-startup-fails-r0): immediate, entry 20 s.
    expect(restartAt(backOff, 16 * S, 26 * S, 26 * S)).toEqual({ at: 26 * S, backOffSeconds: 0 });
    expect(backOff.seconds).toBe(20);
    // Fourth kill 8 s after: backed off, 20 s from its own exit.
    expect(restartAt(backOff, 26 * S, 34 * S, 34 * S)).toEqual({ at: 54 * S, backOffSeconds: 20 });
    expect(backOff.seconds).toBe(40);
  });

  it('an instance finishing over 600 s after the last Next starts afresh (hasExpired)', () => {
    const backOff = new RestartBackOff();
    restartAt(backOff, 0, 0, 0);
    restartAt(backOff, 2 * S, 2 * S, 2 * S);
    expect(backOff.seconds).toBe(20);
    const late = 12 * S + 601 * S;
    expect(restartAt(backOff, late, late, late)).toEqual({ at: late, backOffSeconds: 0 });
    expect(backOff.seconds).toBe(10);
  });
});

/** probes/startup-fails as generated for issue 14's comparison: startup never passes, SIGTERM ignored, grace 3 s. */
const startupFails: PodScenario = podScenario({
  terminationGracePeriodSeconds: 3,
  containers: [
    containerScenario('c', {
      behaviour: {
        startDelaySeconds: 0,
        sigterm: { kind: 'ignore' },
        startupAfterSeconds: 3600,
        readyAfterSeconds: 0,
      },
      ports: [{ name: 'start-0', containerPort: 8083 }],
      probes: {
        startup: {
          handler: { kind: 'tcpSocket', port: 8083 },
          initialDelaySeconds: 0,
          periodSeconds: 2,
          timeoutSeconds: 1,
          successThreshold: 1,
          failureThreshold: 3,
        },
      },
    }),
  ],
});

/** Each instance's start (its boot marker) and exit (its last heartbeat), seconds of virtual time. */
function instances(seed: number, seconds: number): { start: number; exit: number }[] {
  const { context } = runPod(startupFails, seconds, { seed });
  const out: { start: number; exit: number }[] = [];
  for (const line of context.logs('c', true)) {
    if (line.text === 'kp boot') out.push({ start: line.at / S, exit: line.at / S });
    else if (line.text === 'kp tick' && out.length > 0) out[out.length - 1].exit = line.at / S;
  }
  return out;
}

describe('simulated kubelet: restarts after startup probe kills (probes/startup-fails)', () => {
  const seeds = Array.from({ length: 12 }, (_, i) => i + 1);
  const runs = seeds.map((seed) => instances(seed, 45));

  it('the first two restarts follow the kill at once, as on the v1.23.13 and v1.26.1 nodes (0.2–0.5 s)', () => {
    for (const run of runs) {
      expect(run.length).toBeGreaterThanOrEqual(3);
      for (const i of [1, 2]) expect(run[i].start - run[i - 1].exit).toBeLessThan(1);
    }
  });

  // Kills come on the probe ticker, 2 s apart, and each stop takes the 3 s grace: an instance exits 8 s after the
  // one before it (3 failures from its first tick) or 10 s (its first tick came before the status showed it), and
  // 10 s is the back-off. The check runs after the kill returned, so 10 s is past it: on the v1.26.1 node the
  // third instance exited 10.01 s after the second and was restarted at once (restartCount 3 in 30 s).
  it('the third waits 10 s from the second kill’s exit unless 10 s passed since the exit before it', () => {
    const lives = { short: 0, long: 0 };
    for (const run of runs) {
      expect(run.length).toBeGreaterThanOrEqual(4);
      const [, first, second, third] = run;
      const lived = second.exit - first.exit;
      const waited = third.start - second.exit;
      if (lived > 9) {
        lives.long++;
        expect(waited).toBeLessThan(1);
      } else {
        lives.short++;
        expect(waited).toBeGreaterThanOrEqual(10);
      }
    }
    expect(lives.long).toBeGreaterThan(0);
    expect(lives.short).toBeGreaterThan(0);
  });
});
