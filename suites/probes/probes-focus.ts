import type { ContainerScenario } from '../../model/scenario';

/** The container without a readiness probe (ready once running): it never holds ContainersReady back. */
export function withoutReadiness(container: ContainerScenario): ContainerScenario {
  const probes = { ...container.probes };
  delete probes.readiness;
  return { ...container, probes };
}
