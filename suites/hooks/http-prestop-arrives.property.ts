/**
 * hooks/http-prestop-arrives
 * - When a container with an httpGet preStop is killed (its pod deleted), the kubelet MUST send the GET
 *   to httpGet.host (the hook handler pod, as upstream's e2e serves it) and MUST NOT judge its status:
 *   no FailedPreStopHook whatever it answers; SIGTERM follows once it returned (or the grace ran out).
 * - With scheme HTTPS it MUST go over TLS without verifying the handler's self-signed certificate (upstream's
 *   "should execute prestop https hook properly").
 *
 * generator: generators/hooks-scenario.ts, steadied, always deleted (any grace), the first app container's
 *   preStop an httpGet served by the hook handler pod answering 200, 202, 404 or 500 after up to 2 s, or with the
 *   server image on v1.26+ an HTTPS one (agnhost netexec's /echo, at once); no postStart.
 * model rule: model/hooks.ts expectHooks — hooks.prestop-http-from-kubelet, hooks.https-unverified,
 *   termination.prestop-before-sigterm.
 * observation: harness/observe/hooks.ts observeHooks (the request in the handler's log).
 * verdict: `*.preStopRequestSeen`, `*.failedPreStopHook`, `*.sigtermAfterPreStopStartSeconds`.
 */
import fc from 'fast-check';
import { hooksScenario } from '../../generators';
import { deleteIntent, podWithOptionalDelete } from '../../generators/delete-intent';
import { hookPath, hookScheme, withHookScheme } from '../../generators/hook-handler';
import { HOOK_HANDLER_PORT } from '../../harness/hook-handler-program';
import { expectHooks } from '../../model/hooks';
import { observeHooks } from '../../harness/observe/hooks';
import type { ContainerScenario, HooksScenario } from '../../model/scenario';
import { steadyPod, withFirstContainer } from '../termination/steady-pod';
import { HOOKS_BUDGET } from './hooks-budget';
import type { PropertyDefinition } from '../../runner/property-definition';

const STATUSES = [200, 202, 404, 500] as const;

function withoutPostStart(container: ContainerScenario): ContainerScenario {
  const lifecycle = { ...container.lifecycle };
  delete lifecycle.postStart;
  return { ...container, lifecycle };
}

export const httpPrestopArrives: PropertyDefinition<'hooks'> = {
  id: 'hooks/http-prestop-arrives',
  family: 'hooks',
  statement:
    'An httpGet preStop MUST reach its httpGet.host when the container is killed, whatever it answers, before SIGTERM',
  arbitrary: (capabilities) =>
    fc
      .tuple(
        hooksScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 10 }),
        deleteIntent(),
        fc.constantFrom(...STATUSES),
        fc.integer({ min: 0, max: 2 }),
        hookScheme(capabilities),
      )
      .map(([scenario, intent, status, durationSeconds, scheme]): HooksScenario => {
        const steady = steadyPod(scenario.pod);
        const pod = withFirstContainer(
          { ...steady, containers: steady.containers.map(withoutPostStart) },
          (c) => ({
            ...c,
            // Its program's first line comes before any delete: the SIGTERM is in the run it starts.
            behaviour: { ...c.behaviour, startDelaySeconds: 0 },
            lifecycle: {
              preStop: withHookScheme(
                {
                  kind: 'httpGet',
                  port: HOOK_HANDLER_PORT,
                  path: hookPath('preStop'),
                  status,
                  durationSeconds,
                  viaHandlerPod: true,
                },
                scheme,
              ),
            },
          }),
        );
        return { ...scenario, ...podWithOptionalDelete(pod, intent, capabilities) };
      }),
  expect: expectHooks,
  observe: observeHooks,
  fields: ['*.preStopRequestSeen', '*.failedPreStopHook', '*.sigtermAfterPreStopStartSeconds'],
  budget: { ...HOOKS_BUDGET, numRuns: 3 },
};
