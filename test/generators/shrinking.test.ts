import fc from 'fast-check';
import { defaultCapabilities, LATEST_VERSION } from '../../model/capabilities';
import type { PodScenario } from '../../model/scenario';
import { podScenario } from '../../generators';

const capabilities = defaultCapabilities(LATEST_VERSION);

function hasPreStop(pod: PodScenario): boolean {
  return [...pod.initContainers, ...pod.containers].some((c) => c.lifecycle.preStop !== undefined);
}

describe('shrinking', () => {
  it('shrinks a failure that needs a preStop hook to one container with only that hook', () => {
    for (const seed of [1, 2, 3]) {
      const result = fc.check(
        fc.property(podScenario({ capabilities }), (pod) => !hasPreStop(pod)),
        { seed },
      );
      expect(result.failed).toBe(true);
      const [pod] = result.counterexample!;
      expect(pod.initContainers).toEqual([]);
      expect(pod.containers).toHaveLength(1);
      const [container] = pod.containers;
      // The simplest hook: exec, instant, exit 0 (cross-shrinking moves it to the first handler kind).
      expect(container.lifecycle).toEqual({ preStop: { kind: 'exec', durationSeconds: 0, exitCode: 0 } });
      expect(container.probes).toEqual({});
      expect(container.ports).toEqual([]);
      expect(container.behaviour).toEqual({
        startDelaySeconds: 0,
        sigterm: { kind: 'exit', afterSeconds: 0, exitCode: 0 },
      });
      expect(container.resources).toEqual({ requests: {}, limits: {} });
    }
  });

  it('shrinks toward the smallest durations: a failure needing a long start delay stops exactly at the bound', () => {
    const result = fc.check(
      fc.property(podScenario({ capabilities }), (pod) =>
        pod.containers.every((c) => c.behaviour.startDelaySeconds < 2),
      ),
      { seed: 4 },
    );
    expect(result.failed).toBe(true);
    const [pod] = result.counterexample!;
    expect(pod.initContainers).toEqual([]);
    expect(pod.containers.map((c) => c.behaviour.startDelaySeconds)).toContain(2);
    expect(Math.max(...pod.containers.map((c) => c.behaviour.startDelaySeconds))).toBe(2);
  });
});
