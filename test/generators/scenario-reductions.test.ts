import fc from 'fast-check';
import { scenarioReductions } from '../../generators/scenario-reductions';
import { terminationScenario } from '../../generators/termination-scenario';
import { quotaScenario } from '../../generators/quota-scenario';
import { defaultCapabilities, LATEST_VERSION } from '../../model/capabilities';
import type { TerminationScenario } from '../../model/scenario';
import { scenarioProblems } from './support/validity';

const capabilities = defaultCapabilities(LATEST_VERSION);

function size(scenario: TerminationScenario): number {
  const { pod } = scenario;
  return (
    pod.containers.length +
    pod.initContainers.length +
    pod.containers.reduce(
      (n, c) => n + Object.keys(c.lifecycle).length + Object.keys(c.probes).length + c.ports.length,
      0,
    ) +
    (scenario.withService ? 1 : 0) +
    (scenario.delete.gracePeriodSeconds === undefined ? 0 : 1)
  );
}

describe('scenarioReductions', () => {
  it('each reduction removes structure (one piece, or one container with its parts) and stays valid', () => {
    fc.assert(
      fc.property(terminationScenario(capabilities), (scenario) => {
        for (const reduced of scenarioReductions(scenario) as TerminationScenario[]) {
          const removedContainer =
            reduced.pod.containers.length + reduced.pod.initContainers.length <
            scenario.pod.containers.length + scenario.pod.initContainers.length;
          if (removedContainer) expect(size(reduced)).toBeLessThan(size(scenario));
          else expect(size(reduced)).toBe(size(scenario) - 1);
          expect(scenarioProblems(reduced, capabilities)).toEqual([]);
        }
      }),
      { numRuns: 60, seed: 3 },
    );
  });

  it('offers removing any one of several containers, the last included (fast-check removes from the front only)', () => {
    const [scenario] = fc
      .sample(terminationScenario(capabilities), { numRuns: 200, seed: 9 })
      .filter((s) => s.pod.containers.length >= 2);
    const names = (scenarioReductions(scenario) as TerminationScenario[])
      .filter((s) => s.pod.containers.length === scenario.pod.containers.length - 1)
      .map((s) => s.pod.containers.map((c) => c.name).join(','));
    expect(names).toContain(
      scenario.pod.containers
        .slice(0, -1)
        .map((c) => c.name)
        .join(','),
    );
    expect(names).toHaveLength(scenario.pod.containers.length);
  });

  it('a port a probe or hook dials is kept; a scenario without a pod has no reductions', () => {
    const [scenario] = fc
      .sample(terminationScenario(capabilities), { numRuns: 200, seed: 4 })
      .filter((s) => s.pod.containers.some((c) => c.probes.readiness?.handler.kind === 'httpGet'));
    const container = scenario.pod.containers.find((c) => c.probes.readiness?.handler.kind === 'httpGet');
    const handler = container?.probes.readiness?.handler;
    const port = handler && 'port' in handler ? handler.port : undefined;
    for (const reduced of scenarioReductions(scenario) as TerminationScenario[]) {
      const same = reduced.pod.containers.find((c) => c.name === container?.name);
      if (same?.probes.readiness !== undefined)
        expect(same.ports.map((p) => p.containerPort)).toContain(port);
    }
    const [quota] = fc.sample(quotaScenario(capabilities), { numRuns: 1, seed: 1 });
    expect(scenarioReductions(quota)).toEqual([]);
  });
});
