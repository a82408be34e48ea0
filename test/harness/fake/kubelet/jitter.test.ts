import { containerScenario, podScenario } from '../scenario-pods';
import { runPod } from './run-pod';

/** The fake node's timing jitter, as a real v1.26.1 node showed it (bench/real-cluster-jitter.md). */

const SEEDS = Array.from({ length: 40 }, (_, i) => i + 1);

/** Seconds from the delete call to SIGTERM, and from SIGTERM to the last heartbeat, for one seed. */
function stopTimes(seed: number): { reaction: number; kill: number } {
  const pod = runPod(podScenario({ terminationGracePeriodSeconds: 3 }), 3, { seed });
  const deletedAt = pod.remove();
  pod.run(10);
  const sigterm = pod.context.logAt('kp sigterm') ?? NaN;
  const ticks = pod.context
    .logs('c', true)
    .filter((l) => l.text === 'kp tick')
    .map((l) => l.at);
  return { reaction: (sigterm - deletedAt) / 1000, kill: (Math.max(...ticks) - sigterm) / 1000 };
}

describe('simulated kubelet: timing jitter', () => {
  const runs = SEEDS.map(stopTimes);

  it('reacts to a delete within the measured 0.02–1.2 s, mostly within 0.1 s', () => {
    const reactions = runs.map((r) => r.reaction);
    for (const reaction of reactions) {
      expect(reaction).toBeGreaterThanOrEqual(0.02);
      expect(reaction).toBeLessThanOrEqual(1.2 + 0.1);
    }
    expect(reactions.filter((r) => r < 0.15).length).toBeGreaterThan(SEEDS.length / 2);
    expect(Math.max(...reactions)).toBeGreaterThan(0.3);
  });

  it('the SIGKILL instant varies across seeds, within a heartbeat of the grace period', () => {
    const kills = runs.map((r) => r.kill);
    expect(new Set(kills.map((k) => k.toFixed(3))).size).toBeGreaterThan(1);
    for (const kill of kills) {
      expect(kill).toBeGreaterThan(3 - 0.1 - 0.1);
      expect(kill).toBeLessThanOrEqual(3 + 0.04);
    }
  });

  it('a probe ticker keeps the phase of the pod worker, not of the container start (worker.go run)', () => {
    const firstProbeDelays = SEEDS.map((seed) => {
      const scenario = podScenario({
        containers: [
          containerScenario('c', {
            probes: {
              readiness: {
                handler: { kind: 'exec' },
                initialDelaySeconds: 0,
                periodSeconds: 4,
                timeoutSeconds: 1,
                successThreshold: 1,
                failureThreshold: 1,
              },
            },
          }),
        ],
      });
      const pod = runPod(scenario, 12, { seed });
      const started = pod.context.logAt('kp started') ?? NaN;
      const failure = pod.context.eventAt('Unhealthy') ?? NaN;
      return (failure - started) / 1000;
    });
    // The readiness signal never comes on: the first failure is the first probe after the start.
    for (const delay of firstProbeDelays) {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(4 + 0.02);
    }
    // Not at the container's start: wherever the pod's start latency put the ticker's phase.
    expect(Math.min(...firstProbeDelays)).toBeGreaterThan(0.1);
    expect(Math.max(...firstProbeDelays) - Math.min(...firstProbeDelays)).toBeGreaterThan(0.2);
  });
});
