import fc from 'fast-check';
import { hooksScenario, initScenario, probesScenario, terminationScenario } from '../../generators';
import { killGraceOf } from '../../generators/decision-margin';
import { defaultCapabilities, LATEST_VERSION, parseServerVersion } from '../../model/capabilities';
import { readyOutlook } from '../../model/probes';
import type { ContainerScenario, PodScenario, Scenario } from '../../model/scenario';
import { planContainerStop } from '../../model/termination-plan';
import { DECISION_MARGIN_SECONDS, hookSeconds } from '../../model/timing';
import { PROPERTIES } from '../../suites/registry';

const MARGIN = DECISION_MARGIN_SECONDS;
const VERSIONS = [parseServerVersion('v1.26.1'), LATEST_VERSION];

type PodFamilyScenario = Extract<Scenario, { pod: PodScenario }>;

function containersOf(pod: PodScenario): ContainerScenario[] {
  return [...pod.initContainers, ...pod.containers];
}

/** Every decision of the scenario that sits within the margin of its threshold, described. */
function marginViolations(scenario: PodFamilyScenario, version: (typeof VERSIONS)[number]): string[] {
  const capabilities = defaultCapabilities(version);
  const action = 'delete' in scenario ? scenario.delete : undefined;
  const grace = killGraceOf(scenario.pod, action, capabilities);
  const found: string[] = [];
  for (const c of containersOf(scenario.pod)) {
    for (const [kind, probe] of Object.entries(c.probes)) {
      const h = probe.handler;
      if (
        h.kind === 'exec' &&
        h.hangSeconds !== undefined &&
        Math.abs(h.hangSeconds - probe.timeoutSeconds) < MARGIN
      )
        found.push(`${c.name} ${kind}: exec hang ${h.hangSeconds} s vs timeout ${probe.timeoutSeconds} s`);
    }
    const plan = planContainerStop(c, grace, MARGIN);
    if (plan.ending.kind === 'race')
      found.push(`${c.name}: SIGTERM exit at ${plan.ending.afterSigterm} s races the SIGKILL`);
    const preStop = c.lifecycle.preStop;
    if (preStop) {
      const hook = hookSeconds(preStop);
      if (hook + MARGIN >= grace.min && hook - MARGIN <= grace.max)
        found.push(`${c.name}: preStop ${hook} s vs grace ${grace.min}–${grace.max} s`);
      // The kubelet truncates the hook's measured time: it must stay within one whole second.
      if (Math.floor(hook) !== Math.floor(hook + MARGIN) && hook + MARGIN < grace.min)
        found.push(`${c.name}: preStop ${hook} s truncates to either of two seconds`);
    }
    if (scenario.family === 'probes' && scenario.pod.containers.includes(c)) {
      if (readyOutlook(scenario.pod, c, capabilities).kind === 'uncertain')
        found.push(`${c.name}: Ready undecided (probe thresholds vs signal)`);
    }
  }
  return found;
}

function expectMargins(arbitrary: fc.Arbitrary<Scenario>, version: (typeof VERSIONS)[number]): void {
  fc.assert(
    fc.property(arbitrary, (scenario) => {
      if (!('pod' in scenario)) return;
      expect(marginViolations(scenario, version)).toEqual([]);
    }),
    { numRuns: 300, seed: 10 },
  );
}

describe('every generated decision keeps DECISION_MARGIN_SECONDS from its threshold', () => {
  it.each(VERSIONS.map((v) => [v.gitVersion, v] as const))('family generators on %s', (_, version) => {
    const capabilities = defaultCapabilities(version);
    expectMargins(probesScenario(capabilities), version);
    expectMargins(terminationScenario(capabilities), version);
    expectMargins(hooksScenario(capabilities), version);
    expectMargins(initScenario(capabilities), version);
  });

  const podProperties = PROPERTIES.filter((p) =>
    ['probes', 'termination', 'hooks', 'init'].includes(p.family),
  );
  it.each(podProperties.map((p) => [p.id, p] as const))('%s', (_, property) => {
    for (const version of VERSIONS) {
      const capabilities = defaultCapabilities(version);
      if (property.unsupported?.(capabilities)) continue;
      expectMargins(property.arbitrary(capabilities) as fc.Arbitrary<Scenario>, version);
    }
  });

  it('an exec hang equal to the timeout is moved off it (the flip seen on a real v1.26.1 node)', () => {
    const capabilities = defaultCapabilities(parseServerVersion('v1.26.1'));
    const hangs = fc
      .sample(probesScenario(capabilities), { numRuns: 500, seed: 3 })
      .flatMap((s) => containersOf(s.pod).flatMap((c) => Object.values(c.probes)))
      .flatMap((p) => (p.handler.kind === 'exec' && p.handler.hangSeconds !== undefined ? [p] : []));
    expect(hangs.length).toBeGreaterThan(50);
    // Both sides of the timeout are still generated.
    const hang = (p: (typeof hangs)[number]) =>
      p.handler.kind === 'exec' ? (p.handler.hangSeconds ?? 0) : 0;
    expect(hangs.some((p) => hang(p) < p.timeoutSeconds)).toBe(true);
    expect(hangs.some((p) => hang(p) > p.timeoutSeconds)).toBe(true);
  });
});
