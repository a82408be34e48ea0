// @ts-nocheck
import type { V1Container, V1Pod } from '@kubernetes/client-node';
import { INTENT_ANNOTATION } from '../../../model/labels';
import type { ContainerScenario, PodScenario } from '../../../model/scenario';

/** What a container without an intent does: starts at once, runs forever, dies of SIGTERM's default action. */
function plainContainer(container: V1Container): ContainerScenario {
  return {
    name: container.name,
    behaviour: { startDelaySeconds: 0, sigterm: { kind: 'default' } },
    ports: (container.ports ?? []).map((port) => ({
      name: port.name ?? '',
      containerPort: port.containerPort,
    })),
    resources: { requests: {}, limits: {} },
    lifecycle: {},
    probes: {},
    restartPolicy: container.restartPolicy === 'Always' ? 'Always' : undefined,
  };
}

/**
 * The scenario a pod was made from (INTENT_ANNOTATION); pods created without one run plain
 * containers, so the fake still serves objects made by hand.
 */
export function readIntent(pod: V1Pod): PodScenario {
  const text = pod.metadata?.annotations?.[INTENT_ANNOTATION];
  if (text) return JSON.parse(text) as PodScenario;
  return {
    name: pod.metadata?.name ?? '',
    restartPolicy: (pod.spec?.restartPolicy as PodScenario['restartPolicy'] | undefined) ?? 'Always',
    terminationGracePeriodSeconds: pod.spec?.terminationGracePeriodSeconds,
    initContainers: (pod.spec?.initContainers ?? []).map(plainContainer),
    containers: (pod.spec?.containers ?? []).map(plainContainer),
    labels: pod.metadata?.labels ?? {},
  };
}
