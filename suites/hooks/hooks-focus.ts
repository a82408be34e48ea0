import type { ContainerScenario, PodScenario } from '../../model/scenario';
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
