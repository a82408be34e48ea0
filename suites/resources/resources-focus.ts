import fc from 'fast-check';
import { resourcesScenario } from '../../generators';
import type { Capabilities } from '../../model/capabilities';
import type { ContainerScenario, PodScenario, ResourcesScenario } from '../../model/scenario';
import type { PropertyBudget } from '../../runner/property-definition';

/** The container with its memory allocation and ephemeral writes removed (a quiet program). */
export function quiet(container: ContainerScenario): ContainerScenario {
  const behaviour = { ...container.behaviour };
  delete behaviour.allocateMemoryMi;
  delete behaviour.writeEphemeralMi;
  return { ...container, behaviour };
}

/** A plain init container that exits 0, so the app containers start (a sidecar is left as it is). */
function succeeding(container: ContainerScenario): ContainerScenario {
  if (container.restartPolicy === 'Always') return container;
  const seconds = container.behaviour.exitAfter?.seconds ?? 1;
  return { ...container, behaviour: { ...container.behaviour, exitAfter: { seconds, exitCode: 0 } } };
}

/**
 * The pod with every container quiet and its init containers succeeding, then `first` applied to the
 * first app container.
 */
export function withQuietPod(
  pod: PodScenario,
  first: (container: ContainerScenario) => ContainerScenario = (c) => c,
): PodScenario {
  const containers = pod.containers.map(quiet);
  return {
    ...pod,
    initContainers: pod.initContainers.map((c) => succeeding(quiet(c))),
    containers: [first(containers[0]), ...containers.slice(1)],
  };
}

/** The container without extended resources. */
function withoutExtended(container: ContainerScenario): ContainerScenario {
  const requests = { ...container.resources.requests };
  const limits = { ...container.resources.limits };
  delete requests.extended;
  delete limits.extended;
  return { ...container, resources: { requests, limits } };
}

/**
 * The scenario without extended resources or a capacity patch: a pod that surely schedules when its
 * native asks are small (properties judging the running pod need it placed).
 */
export function withoutExtendedResources(scenario: ResourcesScenario): ResourcesScenario {
  const pod = scenario.pod;
  const result: ResourcesScenario = {
    ...scenario,
    pod: {
      ...pod,
      initContainers: pod.initContainers.map(withoutExtended),
      containers: pod.containers.map(withoutExtended),
    },
  };
  delete result.extendedCapacity;
  return result;
}

/** The container without cpu asks: cpu plays no part in memory or storage outcomes, and this keeps every pod placeable. */
function withoutCpu(container: ContainerScenario): ContainerScenario {
  const requests = { ...container.resources.requests };
  const limits = { ...container.resources.limits };
  delete requests.cpuMilli;
  delete limits.cpuMilli;
  return { ...container, resources: { requests, limits } };
}

/** A pod that surely schedules (see model/resources.ts SURELY_FITS): no extended resources, no cpu asks. */
export function placeable(scenario: ResourcesScenario): ResourcesScenario {
  const plain = withoutExtendedResources(scenario);
  return {
    ...plain,
    pod: {
      ...plain.pod,
      initContainers: plain.pod.initContainers.map(withoutCpu),
      containers: plain.pod.containers.map(withoutCpu),
    },
  };
}

/**
 * Resources scenarios with at most two app containers and short observation windows (live cases stay
 * short), then `focus` forces what one property needs (a pure map: shrinking still works).
 */
export function focusedResources<T>(
  capabilities: Capabilities,
  extra: fc.Arbitrary<T>,
  focus: (scenario: ResourcesScenario, extra: T) => ResourcesScenario,
): fc.Arbitrary<ResourcesScenario> {
  return fc
    .tuple(resourcesScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 10 }), extra)
    .map(([scenario, value]) => focus(scenario, value));
}

/**
 * Pod start (≤ 60 s with the image present), the observation window (≤ 45 s for OOM restarts and
 * evictions), cleanup: 130 s a case; 4 cases at concurrency 4 in about two minutes.
 */
export const RESOURCES_BUDGET: PropertyBudget = {
  numRuns: 4,
  caseSeconds: 130,
  totalSeconds: 240,
  shrinkSeconds: 90,
};
