/**
 * hooks/http-hook
 * - An httpGet postStart hook MUST be requested by the kubelet from its httpGet.host (the hook handler
 *   pod, harness/hook-handler-program.ts, as upstream's e2e serves hooks), and its HTTP status MUST NOT be
 *   checked: whatever it answers, no FailedPostStartHook, no kill, the container Running once the hook
 *   returned.
 * - With scheme HTTPS it MUST go over TLS without verifying the handler's self-signed certificate (upstream's
 *   "should execute poststart https hook properly").
 *
 * generator: generators/hooks-scenario.ts, steadied, the first app container forced to an httpGet postStart (served by the
 *   hook handler pod) that answers 200, 202, 404 or 500 after up to 3 s, or with the server image on v1.26+ an HTTPS
 *   one (agnhost netexec's /echo, at once); the other containers lose their postStart hooks.
 * model rule: model/hooks.ts expectHooks — hooks.poststart-http-status-ignored, hooks.poststart-http-from-kubelet,
 *   hooks.https-unverified, hooks.poststart-before-running.
 * observation: harness/observe/hooks.ts observeHooks.
 * verdict: `*.failedPostStartHook`, `*.postStartRequestSeen`, `*.restartCount`, `*.runningAfterStartSeconds`.
 */
import fc from 'fast-check';
import { hooksScenario } from '../../generators';
import { hookPath, hookScheme, withHookScheme } from '../../generators/hook-handler';
import { declaredPorts, plannedPort } from '../../generators/port-plan';
import { expectHooks } from '../../model/hooks';
import { observeHooks } from '../../harness/observe/hooks';
import { withFirstContainer } from '../termination/steady-pod';
import { windowAfterInits, withOnlyFirstPostStart } from './hooks-focus';
import { HOOKS_BUDGET } from './hooks-budget';
import type { PropertyDefinition } from '../../runner/property-definition';

// Statuses on both sides of HTTP success: the kubelet ignores them (pkg/kubelet/lifecycle/handlers.go).
const STATUSES = [200, 202, 404, 500] as const;

export const httpHook: PropertyDefinition<'hooks'> = {
  id: 'hooks/http-hook',
  family: 'hooks',
  statement: 'An httpGet postStart hook MUST be requested from its host and its status MUST NOT be checked',
  arbitrary: (capabilities) =>
    fc
      .tuple(
        hooksScenario(capabilities, { maxContainers: 2, maxObserveSeconds: 20 }),
        fc.constantFrom(...STATUSES),
        fc.integer({ min: 0, max: 3 }),
        hookScheme(capabilities),
      )
      .map(([scenario, status, durationSeconds, scheme]) => {
        // The first app container's port block follows every generated init container (pod-scenario.ts).
        const block = scenario.pod.initContainers.length;
        const port = plannedPort(block, 'http');
        const hook = withHookScheme(
          { kind: 'httpGet', port, path: hookPath('postStart'), status, durationSeconds },
          scheme,
        );
        const pod = withOnlyFirstPostStart(scenario.pod, () => hook);
        return {
          ...scenario,
          pod: withFirstContainer(pod, (c) => ({ ...c, ports: declaredPorts(c, block) })),
          // The window outlasts the init containers, the hook, slack and the start allowance.
          observeSeconds: Math.max(scenario.observeSeconds, windowAfterInits(pod, hook.durationSeconds + 8)),
        };
      }),
  expect: expectHooks,
  observe: observeHooks,
  fields: ['*.failedPostStartHook', '*.postStartRequestSeen', '*.restartCount', '*.runningAfterStartSeconds'],
  budget: HOOKS_BUDGET,
};
