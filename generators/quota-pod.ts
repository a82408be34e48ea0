import type { ContainerResources, PodScenario } from '../model/scenario';

/**
 * A quota case's pod: one container that starts at once and exits on SIGTERM, with the given
 * resources; what a quota counts is all that matters about it.
 */
export function quotaPod(name: string, resources: ContainerResources): PodScenario {
  return {
    name,
    restartPolicy: 'Always',
    terminationGracePeriodSeconds: 1,
    initContainers: [],
    containers: [
      {
        name: 'app-0',
        behaviour: { startDelaySeconds: 0, sigterm: { kind: 'exit', afterSeconds: 0, exitCode: 0 } },
        ports: [],
        resources,
        lifecycle: {},
        probes: {},
      },
    ],
    labels: { app: name },
  };
}
