import type { V1Container, V1Pod } from '@kubernetes/client-node';
import {
  defaultRequestsFromLimits,
  type ResolvedContainer,
  type ResolvedPod,
  type ResourceList,
} from '../../../model/effective-request';
import { canonicalAmount } from '../kubelet/quantity';

function resourceList(list: Record<string, string> | undefined): ResourceList {
  return Object.fromEntries(
    Object.entries(list ?? {}).map(([name, text]) => [name, canonicalAmount(name, text)]),
  );
}

function resolvedContainer(container: V1Container, sidecar: boolean): ResolvedContainer {
  const limits = resourceList(container.resources?.limits);
  return {
    name: container.name,
    sidecar,
    requests: defaultRequestsFromLimits(resourceList(container.resources?.requests), limits),
    limits,
  };
}

/**
 * A stored pod's requirements in the model's terms, so quota admission runs the model's arithmetic
 * (model/effective-request, model/quota). An init container with restartPolicy Always is a sidecar.
 */
export function resolvedPod(pod: V1Pod): ResolvedPod {
  return {
    initContainers: (pod.spec?.initContainers ?? []).map((c) =>
      resolvedContainer(c, c.restartPolicy === 'Always'),
    ),
    containers: (pod.spec?.containers ?? []).map((c) => resolvedContainer(c, false)),
    overhead: resourceList(pod.spec?.overhead),
  };
}
