import type { ContainerScenario, PodScenario } from '../../model/scenario';
import { hookFails } from '../../model/timing';

/**
 * A container that keeps running until something stops it on purpose: no exit of its own, no liveness or startup probe (a
 * probe kill would race the step under test), no memory or disk pressure (OOM, eviction), and a
 * postStart hook only when it succeeds. Readiness stays: it only gates Ready and endpoints.
 */
export function steadyContainer(container: ContainerScenario): ContainerScenario {
  const behaviour = { ...container.behaviour };
  delete behaviour.exitAfter;
  delete behaviour.allocateMemoryMi;
  delete behaviour.writeEphemeralMi;
  delete behaviour.unhealthyAfterSeconds;
  delete behaviour.startupAfterSeconds;
  const { postStart, preStop } = container.lifecycle;
  const lifecycle: ContainerScenario['lifecycle'] = {};
  if (postStart && !hookFails(postStart)) lifecycle.postStart = postStart;
  if (preStop) lifecycle.preStop = preStop;
  const probes: ContainerScenario['probes'] = {};
  if (container.probes.readiness) probes.readiness = container.probes.readiness;
  return { ...container, behaviour, lifecycle, probes };
}

/**
 * A pod that reaches Running and stays there: steady app containers and sidecars, and no plain init
 * containers (one that fails would keep the pod Pending; the init family covers them).
 */
export function steadyPod(pod: PodScenario): PodScenario {
  return {
    ...pod,
    initContainers: pod.initContainers.filter((c) => c.restartPolicy === 'Always').map(steadyContainer),
    containers: pod.containers.map(steadyContainer),
  };
}

/** Replaces the first app container (the one a property's fields are forced onto). */
export function withFirstContainer(
  pod: PodScenario,
  change: (container: ContainerScenario) => ContainerScenario,
): PodScenario {
  const [first, ...rest] = pod.containers;
  return { ...pod, containers: [change(first), ...rest] };
}

/** The container traps SIGTERM and ignores it: only SIGKILL ends it. */
export function ignoringSigterm(container: ContainerScenario): ContainerScenario {
  return { ...container, behaviour: { ...container.behaviour, sigterm: { kind: 'ignore' } } };
}

/** A plain container like `model` (same resources, so the QoS class holds), no ports, hooks or probes. */
function plainLike(model: ContainerScenario, name: string): ContainerScenario {
  return {
    name,
    behaviour: { startDelaySeconds: 0, sigterm: model.behaviour.sigterm },
    ports: [],
    resources: model.resources,
    lifecycle: {},
    probes: {},
  };
}

/** At least two app containers: a plain second one is added when the pod has one. */
export function withSecondContainer(pod: PodScenario): PodScenario {
  if (pod.containers.length > 1) return pod;
  return { ...pod, containers: [...pod.containers, plainLike(pod.containers[0], 'app-1')] };
}

/** A preStop hook, if any, as a successful exec hook of the same length (its start leaves a marker). */
export function withExecPreStop(container: ContainerScenario): ContainerScenario {
  const preStop = container.lifecycle.preStop;
  if (!preStop || preStop.kind === 'exec') return container;
  const durationSeconds = preStop.kind === 'sleep' ? preStop.seconds : preStop.durationSeconds;
  return {
    ...container,
    lifecycle: { ...container.lifecycle, preStop: { kind: 'exec', durationSeconds, exitCode: 0 } },
  };
}
