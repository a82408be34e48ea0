import type { Scenario } from '../model/scenario';
import type { ContainerScenario, PodScenario, ProbeKind } from '../model/scenario/pod';

/**
 * Structural reductions of a scenario: each removes one container, init container, hook, probe,
 * unused port, the Service or the delete option. fast-check's shrink tree removes array elements
 * from the front only and does not return to an array once it shrinks its items, so its local
 * minimum can keep a container the failure does not need; these finish the job. A reduction may
 * leave the property's own domain (a probe the property forces, say): such a candidate passes or
 * fails differently, and the runner keeps only candidates that fail the same way.
 */
export function scenarioReductions(scenario: Scenario): Scenario[] {
  if (!('pod' in scenario)) return [];
  const withPod = (pod: PodScenario): Scenario => ({ ...scenario, pod });
  const { pod } = scenario;
  const reductions: Scenario[] = [];
  if (pod.containers.length > 1)
    pod.containers.forEach((_, index) =>
      reductions.push(withPod({ ...pod, containers: pod.containers.filter((__, i) => i !== index) })),
    );
  pod.initContainers.forEach((_, index) =>
    reductions.push(withPod({ ...pod, initContainers: pod.initContainers.filter((__, i) => i !== index) })),
  );
  if ('withService' in scenario && scenario.withService) reductions.push({ ...scenario, withService: false });
  const replaceContainer = (index: number, container: ContainerScenario): Scenario =>
    withPod({ ...pod, containers: pod.containers.map((c, i) => (i === index ? container : c)) });
  pod.containers.forEach((container, index) => {
    for (const hook of ['postStart', 'preStop'] as const) {
      if (container.lifecycle[hook] === undefined) continue;
      const lifecycle = { ...container.lifecycle };
      delete lifecycle[hook];
      reductions.push(replaceContainer(index, { ...container, lifecycle }));
    }
    for (const kind of Object.keys(container.probes) as ProbeKind[]) {
      const probes = { ...container.probes };
      delete probes[kind];
      reductions.push(replaceContainer(index, { ...container, probes }));
    }
    const used = usedPorts(pod);
    container.ports.forEach((port, portIndex) => {
      if (used.has(port.containerPort)) return;
      reductions.push(
        replaceContainer(index, { ...container, ports: container.ports.filter((_, i) => i !== portIndex) }),
      );
    });
  });
  if ('delete' in scenario && scenario.delete?.gracePeriodSeconds !== undefined) {
    const { gracePeriodSeconds: _dropped, ...rest } = scenario.delete;
    reductions.push({ ...scenario, delete: rest });
  }
  return reductions;
}

/** Ports a probe or hook handler of the pod dials, or its server listens on: each keeps its port. */
function usedPorts(pod: PodScenario): Set<number> {
  const ports = new Set<number>();
  for (const container of [...pod.initContainers, ...pod.containers]) {
    for (const handler of [container.lifecycle.postStart, container.lifecycle.preStop])
      if (handler !== undefined && 'port' in handler) ports.add(handler.port);
    for (const probe of Object.values(container.probes))
      if (probe !== undefined && 'port' in probe.handler) ports.add(probe.handler.port);
    if (container.server?.kind === 'netexec') ports.add(container.server.httpPort);
  }
  return ports;
}
