// @ts-nocheck
import fc from 'fast-check';
import {
  defaultCapabilities,
  LATEST_VERSION,
  parseServerVersion,
  type Capabilities,
} from '../../model/capabilities';
import { FAMILIES, type ContainerScenario } from '../../model/scenario';
import {
  containerBehaviour,
  containerProbes,
  containerResources,
  containerScenario,
  deleteIntent,
  hookHandler,
  lifecycle,
  podScenario,
  probeSpec,
  scenarioArbitrary,
} from '../../generators';
import { podProblems, podWith, scenarioProblems } from './support/validity';

/**
 * The contract every arbitrary meets (as fast-check's own arbitraries do): the same seed gives the same
 * values; every value is valid; values met while shrinking stay valid; values survive a JSON round trip.
 */
const TARGETS: Record<string, Capabilities> = {
  latest: defaultCapabilities(LATEST_VERSION),
  'v1.26': defaultCapabilities(parseServerVersion('v1.26.1')),
};

const emptyContainer: Omit<ContainerScenario, 'name'> = {
  behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' } },
  ports: [],
  resources: { requests: {}, limits: {} },
  lifecycle: {},
  probes: {},
};

function contract<T>(
  name: string,
  arbitrary: fc.Arbitrary<T>,
  problems: (value: T) => string[],
  numRuns = 150,
): void {
  describe(name, () => {
    it('gives the same values for the same seed', () => {
      expect(fc.sample(arbitrary, { seed: 7, numRuns: 25 })).toStrictEqual(
        fc.sample(arbitrary, { seed: 7, numRuns: 25 }),
      );
    });

    it('gives only valid values that survive a JSON round trip', () => {
      fc.assert(
        fc.property(arbitrary, (value) => {
          expect(problems(value)).toEqual([]);
          expect(JSON.parse(JSON.stringify(value))).toStrictEqual(value);
        }),
        { numRuns },
      );
    });

    it('keeps values valid while shrinking', () => {
      const invalid: string[] = [];
      // Fails on values larger than the median, so fast-check shrinks through many candidates; each is checked.
      const sizes = fc.sample(arbitrary, { seed: 5, numRuns: 51 }).map((v) => JSON.stringify(v).length);
      const median = sizes.sort((a, b) => a - b)[25];
      const result = fc.check(
        fc.property(arbitrary, (value) => {
          invalid.push(...problems(value));
          return JSON.stringify(value).length < median;
        }),
        { seed: 11, numRuns: 100 },
      );
      expect(result.failed).toBe(true);
      expect(invalid).toEqual([]);
      expect(problems(result.counterexample![0])).toEqual([]);
    });
  });
}

for (const [target, capabilities] of Object.entries(TARGETS)) {
  describe(`on ${target}`, () => {
    for (const family of FAMILIES.filter((f) => f !== 'networkpolicy')) {
      contract(`${family} scenarios`, scenarioArbitrary(family, capabilities), (s) =>
        scenarioProblems(s, capabilities),
      );
    }
    contract('pod scenarios', podScenario({ capabilities }), (p) => podProblems(p, capabilities));
    for (const role of capabilities.sidecars
      ? (['app', 'init', 'sidecar'] as const)
      : (['app', 'init'] as const)) {
      contract(`${role} container scenarios`, containerScenario({ capabilities, role }), (c) =>
        podProblems(podWith(c), capabilities),
      );
    }
    contract('container behaviours', containerBehaviour(), (behaviour) =>
      podProblems(podWith({ ...emptyContainer, name: 'c', behaviour }), capabilities),
    );
    contract(
      'container resources',
      containerResources({ qos: 'Burstable', extended: ['example.com/dongle'] }),
      (resources) => podProblems(podWith({ ...emptyContainer, name: 'c', resources }), capabilities),
    );
    contract('lifecycles', lifecycle({ capabilities }), (l) =>
      podProblems(
        podWith({
          ...emptyContainer,
          name: 'c',
          lifecycle: l,
          ports: [{ name: 'http-0', containerPort: 8080 }],
        }),
        capabilities,
      ),
    );
    contract('hook handlers', hookHandler({ capabilities, hook: 'preStop' }), (preStop) =>
      podProblems(podWith({ ...emptyContainer, name: 'c', lifecycle: { preStop } }), capabilities),
    );
    contract('container probes', containerProbes({ capabilities }), (probes) =>
      podProblems(podWith({ ...emptyContainer, name: 'c', probes }), capabilities),
    );
    for (const kind of ['readiness', 'liveness', 'startup'] as const) {
      contract(`${kind} probe specs`, probeSpec({ capabilities, kind }), (spec) =>
        podProblems(podWith({ ...emptyContainer, name: 'c', probes: { [kind]: spec } }), capabilities),
      );
    }
  });
}

it('refuses sidecars where the target has none', () => {
  expect(() => containerScenario({ capabilities: TARGETS['v1.26'], role: 'sidecar' })).toThrow(
    /sidecars are not supported on v1.26.1/,
  );
});

contract('delete intents', deleteIntent(), (intent) =>
  intent.afterRunningSeconds >= 0 ? [] : ['negative wait'],
);

it('generates the networkpolicy family through the dispatcher, same seed same value', () => {
  const arbitrary = scenarioArbitrary('networkpolicy', TARGETS.latest);
  expect(fc.sample(arbitrary, { seed: 3, numRuns: 10 })).toStrictEqual(
    fc.sample(arbitrary, { seed: 3, numRuns: 10 }),
  );
});
