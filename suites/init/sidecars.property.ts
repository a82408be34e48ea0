/**
 * init/sidecars
 * - A sidecar (an init container with restartPolicy Always) MUST start before the next init container,
 *   which MUST not wait for it to exit: the sidecar keeps running, the plain init containers after it run
 *   one at a time, and the app containers start after the last of them, the pod Initialized.
 *
 * generator: generators/init-scenario.ts, a steady sidecar first (the generated one, or a plain one added where the generator drew
 *   none), then at least one plain init container forced to exit 0 after 1 s or more, steady app containers.
 * model rule: model/init.ts expectInit — init.in-order, init.one-at-a-time, init.apps-wait, init.initialized-condition.
 * observation: harness/observe/init.ts observeInit.
 * verdict: `pod.initStartOrder`, `pod.initOneAtATime`, `pod.appsStartAfterInits`, `pod.initializedAtEnd`.
 */
import { podClearOfThresholds } from '../../generators/decision-margin';
import { initScenario } from '../../generators';
import { expectInit } from '../../model/init';
import { observeInit } from '../../harness/observe/init';
import type { ContainerScenario } from '../../model/scenario';
import { steadyContainer, steadyPod } from '../termination/steady-pod';
import { INIT_BUDGET, initPhaseObserveSeconds, plainInits } from './init-focus';
import type { PropertyDefinition } from '../../runner/property-definition';

/** A sidecar shaped like `container`: steady, no hooks, probes or ports (its port block may be taken). */
function plainSidecar(container: ContainerScenario, name: string): ContainerScenario {
  return {
    ...steadyContainer(container),
    name,
    lifecycle: {},
    probes: {},
    ports: [],
    restartPolicy: 'Always',
  };
}

export const initSidecars: PropertyDefinition<'init'> = {
  id: 'init/sidecars',
  family: 'init',
  statement:
    'A sidecar MUST start before the next init container and keep running while the init containers after it run',
  unsupported: (capabilities) =>
    capabilities.sidecars ? undefined : 'sidecar containers need Kubernetes ≥ 1.29',
  arbitrary: (capabilities) =>
    initScenario(capabilities, { maxObserveSeconds: 20 }).map((scenario) => {
      const steady = steadyPod(scenario.pod);
      const sidecar =
        steady.initContainers[0] ??
        plainSidecar(steady.containers[0], `sidecar-${scenario.pod.initContainers.length}`);
      const plain = plainInits(scenario.pod, 1, 1, steady.containers[0]);
      const initContainers = [sidecar, ...plain];
      // The next init container waits for the sidecar's postStart hook; apps wait for theirs.
      const pod = { ...steady, initContainers };
      // The reshaped containers' stops kept clear of the grace period, as the generator's were.
      const cleared = podClearOfThresholds(pod, scenario.delete, capabilities);
      return {
        ...scenario,
        pod: cleared,
        observeSeconds: initPhaseObserveSeconds(scenario.observeSeconds, cleared),
      };
    }),
  expect: expectInit,
  observe: observeInit,
  fields: ['pod.initStartOrder', 'pod.initOneAtATime', 'pod.appsStartAfterInits', 'pod.initializedAtEnd'],
  budget: INIT_BUDGET,
};
