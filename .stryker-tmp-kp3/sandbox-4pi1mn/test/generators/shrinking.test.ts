// @ts-nocheck
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
      // Only that hook, in the smallest form of its kind (fc.oneof shrinks within the chosen handler kind).
      expect(Object.keys(container.lifecycle)).toEqual(['preStop']);
      expect([
        { kind: 'exec', durationSeconds: 0, exitCode: 0 },
        { kind: 'httpGet', port: 8080, path: '/cgi-bin/prestop', status: 200, durationSeconds: 0 },
        { kind: 'sleep', seconds: 0 },
      ]).toContainEqual(container.lifecycle.preStop);
      expect(container.probes).toEqual({});
      expect(container.ports).toEqual([]);
      expect(Object.keys(container.behaviour).sort()).toEqual(['sigterm', 'startDelaySeconds']);
      expect(container.behaviour.startDelaySeconds).toBe(0);
      expect([{ kind: 'exit', afterSeconds: 0, exitCode: 0 }, { kind: 'ignore' }, { kind: 'default' }]).toContainEqual(
        container.behaviour.sigterm,
      );
      expect(container.resources).toEqual({ requests: {}, limits: {} });
    }
  });

  it('shrinks toward the smallest durations: a failure needing a long start delay stops exactly at the bound', () => {
    const result = fc.check(
      fc.property(podScenario({ capabilities }), (pod) => pod.containers.every((c) => c.behaviour.startDelaySeconds < 2)),
      { seed: 4 },
    );
    expect(result.failed).toBe(true);
    const [pod] = result.counterexample!;
    expect(pod.initContainers).toEqual([]);
    expect(pod.containers.map((c) => c.behaviour.startDelaySeconds)).toContain(2);
    expect(Math.max(...pod.containers.map((c) => c.behaviour.startDelaySeconds))).toBe(2);
  });
});
