import type { ContainerScenario, PodScenario } from '../../model/scenario';
import { hookSeconds, PLEG_RELIST_SECONDS, START_ALLOWANCE_SECONDS } from '../../model/timing';
import type { PropertyBudget } from '../../runner/property-definition';

/** A plain init container that exits 0 after its own run time (1 s when it had none). */
export function succeeding(container: ContainerScenario): ContainerScenario {
  const seconds = container.behaviour.exitAfter?.seconds ?? 1;
  return { ...container, behaviour: { ...container.behaviour, exitAfter: { seconds, exitCode: 0 } } };
}

/**
 * The pod's plain init containers (sidecars dropped), each succeeding after at least `minSeconds`, and at
 * least `count` of them: copies of the last one (or of `fallback`) are appended under unused names.
 */
export function plainInits(
  pod: PodScenario,
  count: number,
  minSeconds: number,
  fallback: ContainerScenario,
): ContainerScenario[] {
  const plain = pod.initContainers.filter((c) => c.restartPolicy !== 'Always');
  const model = plain[plain.length - 1] ?? plainFrom(fallback);
  const added = Array.from({ length: Math.max(0, count - plain.length) }, (_, i) => ({
    ...model,
    name: `init-${pod.initContainers.length + i}`,
    ports: [],
  }));
  return [...plain, ...added].map((c) => {
    const done = succeeding(c);
    const exit = done.behaviour.exitAfter ?? { seconds: minSeconds, exitCode: 0 };
    return {
      ...done,
      behaviour: { ...done.behaviour, exitAfter: { ...exit, seconds: Math.max(exit.seconds, minSeconds) } },
    };
  });
}

/** A plain init container shaped like `container`: no hooks, probes, ports or restartPolicy. */
function plainFrom(container: ContainerScenario): ContainerScenario {
  return { ...container, name: 'init-0', lifecycle: {}, probes: {}, ports: [], restartPolicy: undefined };
}

/** Pod start (≤ 60 s), a window of ≤ 20 s, cleanup. */
export const INIT_BUDGET: PropertyBudget = {
  numRuns: 4,
  caseSeconds: 100,
  totalSeconds: 120,
  shrinkSeconds: 45,
};

/**
 * An observation window that outlasts the init phase and the postStart hooks (the inits' runs and
 * every hook, one after another, at the most) with room for each init container's start.
 */
export function initPhaseObserveSeconds(generated: number, pod: PodScenario): number {
  const busy = [...pod.initContainers, ...pod.containers].reduce(
    (sum, c) =>
      sum +
      (c.behaviour.exitAfter?.seconds ?? 0) +
      (c.lifecycle.postStart ? hookSeconds(c.lifecycle.postStart) : 0),
    0,
  );
  // model/init.ts: each init container also costs a PLEG relist and a container start.
  const steps = pod.initContainers.length * (PLEG_RELIST_SECONDS + START_ALLOWANCE_SECONDS);
  return Math.max(generated, 15, Math.ceil(busy) + steps + 4);
}
