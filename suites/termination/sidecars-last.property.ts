/**
 * termination/sidecars-last
 * - When a pod with sidecars (restartable init containers) is deleted, the sidecars MUST get SIGTERM
 *   only after every main container has exited, and MUST be stopped in reverse declaration order.
 *
 * generator: generators/termination-scenario.ts, steadied (suites/termination/steady-termination.ts);
 *   at least one sidecar; every container traps SIGTERM and exits a while later (main containers
 *   after 3 s, sidecars after 1 s) and has no preStop hook, so each SIGTERM leaves a marker the runtime
 *   timestamps and the turns are seconds apart; grace 12 s so nothing is SIGKILLed.
 * model rule: model/termination.ts expectTermination — termination.sidecars-stop-last,
 *   termination.sidecars-reverse-order.
 * observation: harness/observe/termination.ts observeTermination.
 * verdict: `pod.firstSidecarSigtermAfterMainSigtermSeconds`, `pod.sidecarStopOrder`.
 */
import { expectTermination } from '../../model/termination';
import type { ContainerScenario } from '../../model/scenario';
import { observeTermination } from '../../harness/observe/termination';
import type { PropertyDefinition } from '../../runner/property-definition';
import { steadyContainer } from './steady-pod';
import { steadyTermination, TERMINATION_BUDGET } from './steady-termination';

const MAIN_EXIT_SECONDS = 3;
const SIDECAR_EXIT_SECONDS = 1;

/** Traps SIGTERM and exits `afterSeconds` later; no preStop, so SIGTERM comes at the kill's turn. */
function exitingOnSigterm(container: ContainerScenario, afterSeconds: number): ContainerScenario {
  return {
    ...container,
    behaviour: { ...container.behaviour, sigterm: { kind: 'exit', afterSeconds, exitCode: 0 } },
    lifecycle: container.lifecycle.postStart ? { postStart: container.lifecycle.postStart } : {},
  };
}

/** A plain sidecar, for pods the generator gave none. */
const PLAIN_SIDECAR: ContainerScenario = {
  name: 'sidecar-extra',
  behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' } },
  ports: [],
  resources: { requests: {}, limits: {} },
  lifecycle: {},
  probes: {},
  restartPolicy: 'Always',
};

export const sidecarsLast: PropertyDefinition<'termination'> = {
  id: 'termination/sidecars-last',
  family: 'termination',
  statement:
    'Sidecars MUST get SIGTERM only after every main container exited, and in reverse declaration order',
  unsupported: (capabilities) =>
    capabilities.sidecars ? undefined : 'sidecar containers need Kubernetes ≥ 1.29 (SidecarContainers)',
  arbitrary: (capabilities) =>
    steadyTermination(capabilities, (scenario) => {
      const sidecars = scenario.pod.initContainers.filter((c) => c.restartPolicy === 'Always');
      return {
        ...scenario,
        delete: { afterRunningSeconds: scenario.delete.afterRunningSeconds },
        pod: {
          ...scenario.pod,
          terminationGracePeriodSeconds: 12,
          initContainers: (sidecars.length > 0 ? sidecars : [PLAIN_SIDECAR]).map((c) =>
            exitingOnSigterm(steadyContainer(c), SIDECAR_EXIT_SECONDS),
          ),
          containers: scenario.pod.containers.map((c) => exitingOnSigterm(c, MAIN_EXIT_SECONDS)),
        },
      };
    }),
  expect: expectTermination,
  observe: observeTermination,
  fields: ['pod.firstSidecarSigtermAfterMainSigtermSeconds', 'pod.sidecarStopOrder'],
  budget: TERMINATION_BUDGET,
};
