import { containerScenario, podScenario } from '../scenario-pods';
import { runPod } from './run-pod';

/**
 * An exec probe's command and the runtime's timeout both lag the kubelet's call by a few ms
 * (harness/fake/kubelet/jitter.ts execLag): a hang equal to timeoutSeconds passes on some attempts and
 * times out on others, as `probes-exec-timeout-*` did on a real v1.26.1 node; a hang the decision
 * margin away from it never flips.
 */

const SEEDS = Array.from({ length: 12 }, (_, i) => i + 1);

/** Timed-out and passed readiness attempts over 20 s of a probe every second whose command hangs `hang`. */
function attempts(hangSeconds: number, seed: number): { timedOut: number; ready: boolean } {
  const scenario = podScenario({
    containers: [
      containerScenario('c', {
        behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' }, readyAfterSeconds: 0 },
        probes: {
          readiness: {
            handler: { kind: 'exec', hangSeconds },
            initialDelaySeconds: 0,
            periodSeconds: 2,
            timeoutSeconds: 1,
            successThreshold: 1,
            failureThreshold: 1,
          },
        },
      }),
    ],
  });
  const pod = runPod(scenario, 20, { seed });
  const timedOut = pod.context.record.filter(
    (r) =>
      r.kind === 'event' && r.event.reason === 'Unhealthy' && (r.event.message ?? '').includes('timed out'),
  ).length;
  return {
    timedOut,
    ready:
      pod.container('c')?.ready === true ||
      pod.context.statuses().some((s) => s.containerStatuses?.some((c) => c.ready)),
  };
}

describe('simulated kubelet: exec probe start-up lag', () => {
  it('a hang equal to timeoutSeconds sometimes passes and sometimes times out', () => {
    const runs = SEEDS.map((seed) => attempts(1, seed));
    const timedOut = runs.reduce((sum, r) => sum + r.timedOut, 0);
    // About ten attempts a run: both outcomes across the seeds.
    expect(timedOut).toBeGreaterThan(0);
    expect(runs.some((r) => r.ready)).toBe(true);
  });

  it('a hang the decision margin away from the timeout never flips', () => {
    for (const seed of SEEDS) {
      expect(attempts(0.5, seed)).toEqual({ timedOut: 0, ready: true });
      expect(attempts(1.5, seed)).toEqual(expect.objectContaining({ ready: false }));
      expect(attempts(1.5, seed).timedOut).toBeGreaterThan(5);
    }
  });
});
