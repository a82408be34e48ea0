// @ts-nocheck
import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import type { ContainerScenario } from '../model/scenario';
import { containerBehaviour, type ContainerBehaviourConstraints } from './container-behaviour';
import { containerProbes } from './container-probes';
import { containerResources, type QosTarget } from './container-resources';
import { lifecycle } from './lifecycle';
import { declaredPorts } from './port-plan';

/** app: a main container; init: a plain init container; sidecar: an init container with restartPolicy Always. */
export type ContainerRole = 'app' | 'init' | 'sidecar';

export interface ContainerScenarioConstraints {
  capabilities: Capabilities;
  role: ContainerRole;
  /** Name; the pod arbitrary gives unique ones. Default "c". */
  name?: string;
  /** Whether lifecycle hooks may be generated (default true). Never on plain init containers. */
  hooks?: boolean;
  /** Whether probes may be generated (default true). Never on plain init containers. */
  probes?: boolean;
  qos?: QosTarget;
  extendedResources?: readonly string[];
  /** Exits of app containers (plain init containers always exit). */
  exits?: ContainerBehaviourConstraints['exits'];
  maxSeconds?: number;
}

/**
 * One container of a pod, ports planned for position 0 (the pod arbitrary moves them to the container's
 * block). Hooks and probes are rejected on init containers that are not sidecars
 * (pkg/apis/core/validation/validation.go validateInitContainers), so plain init containers get none.
 */
export function containerScenario(
  constraints: ContainerScenarioConstraints,
): fc.Arbitrary<ContainerScenario> {
  const { capabilities, role } = constraints;
  if (role === 'sidecar' && !capabilities.sidecars) {
    // Restartable init containers: KEP-753 (SidecarContainers on by default from 1.29).
    throw new Error(`containerScenario: sidecars are not supported on ${capabilities.version.gitVersion}`);
  }
  const plainInit = role === 'init';
  const hooks = !plainInit && constraints.hooks !== false;
  const probes = !plainInit && constraints.probes !== false;
  return fc
    .record(
      {
        behaviour: containerBehaviour({
          maxSeconds: constraints.maxSeconds,
          // A plain init container must exit for the pod to go on.
          exits: plainInit ? 'always' : (constraints.exits ?? 'sometimes'),
          signals: probes,
        }),
        resources: containerResources({
          qos: constraints.qos ?? 'Burstable',
          extended: constraints.extendedResources,
        }),
        lifecycle: hooks ? lifecycle({ capabilities }) : fc.constant({}),
        probes: probes ? containerProbes({ capabilities }) : fc.constant({}),
      },
      { noNullPrototype: true },
    )
    .map((parts) => {
      const container: ContainerScenario = {
        name: constraints.name ?? 'c',
        ...parts,
        ports: declaredPorts(parts, 0),
      };
      if (role === 'sidecar') container.restartPolicy = 'Always';
      return container;
    });
}
