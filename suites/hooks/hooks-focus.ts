import type { ContainerScenario, PodScenario } from '../../model/scenario';
import { appsStartSeconds, START_ALLOWANCE_SECONDS } from '../../model/timing';
import { steadyPod } from '../termination/steady-pod';

/** The container without a postStart hook. */
function withoutPostStart(container: ContainerScenario): ContainerScenario {
  const lifecycle = { ...container.lifecycle };
  delete lifecycle.postStart;
  return { ...container, lifecycle };
}

/**
 * A steady pod whose first app container gets `postStart` and the others none: the kubelet starts app
 * containers one after another and reports them Running together once every postStart has returned
 * (kuberuntime_manager.go SyncPod), so only then is the first one's Running dated by its own hook.
 */
export function withOnlyFirstPostStart(
  pod: PodScenario,
  postStart: (container: ContainerScenario) => ContainerScenario['lifecycle']['postStart'],
): PodScenario {
  const steady = steadyPod(pod);
  return {
    ...steady,
    containers: steady.containers.map((c, i) =>
      i === 0 ? { ...c, lifecycle: { ...c.lifecycle, postStart: postStart(c) } } : withoutPostStart(c),
    ),
  };
}

/**
 * A window long enough for the app containers' hooks, `seconds` when they start right away: longer by
 * the init containers (and sidecars' postStart hooks) that run before them (model/timing.ts appsStartSeconds).
 */
export function windowAfterInits(pod: PodScenario, seconds: number): number {
  return seconds + (appsStartSeconds(pod) ?? START_ALLOWANCE_SECONDS) - START_ALLOWANCE_SECONDS;
}
