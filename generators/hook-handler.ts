import fc from 'fast-check';
import { CROSS_SHRINK } from './shrink-options';
import type { Capabilities } from '../model/capabilities';
import type { HookHandler } from '../model/scenario';
import { plannedPort } from './port-plan';
import { seconds } from './seconds';

export type HookName = 'postStart' | 'preStop';

export interface HookHandlerConstraints {
  capabilities: Capabilities;
  hook: HookName;
  /** Longest exec/httpGet handler, seconds (default 5). */
  maxDurationSeconds?: number;
  /**
   * Longest sleep (default 10). The pod arbitrary clamps sleeps to the pod's grace period in the end,
   * since validation bounds them by it (pkg/apis/core/validation/validation.go validateSleepAction).
   */
  maxSleepSeconds?: number;
}

/** The CGI path the container's httpd serves for a hook (see harness/container-program.ts). */
export function hookPath(hook: HookName): string {
  return `/cgi-bin/${hook.toLowerCase()}`;
}

/** One hook handler: exec first (simplest), then httpGet to the container's own httpd, then sleep when supported. */
export function hookHandler(constraints: HookHandlerConstraints): fc.Arbitrary<HookHandler> {
  const maxDuration = constraints.maxDurationSeconds ?? 5;
  const exitCode = fc.oneof(CROSS_SHRINK, fc.constant(0), fc.integer({ min: 1, max: 3 }));
  const exec = fc.record(
    { kind: fc.constant('exec' as const), durationSeconds: seconds({ max: maxDuration }), exitCode },
    { noNullPrototype: true },
  );
  const httpGet = fc.record(
    {
      kind: fc.constant('httpGet' as const),
      port: fc.constant(plannedPort(0, 'http')),
      path: fc.constant(hookPath(constraints.hook)),
      // Statuses on both sides of success; what the kubelet makes of them is the model's (pkg/kubelet/lifecycle/handlers.go).
      status: fc.constantFrom(200, 202, 404, 500),
      durationSeconds: seconds({ max: Math.min(maxDuration, 3) }),
    },
    { noNullPrototype: true },
  );
  const options: fc.Arbitrary<HookHandler>[] = [exec, httpGet];
  if (constraints.capabilities.sleepAction) {
    // Zero only where PodLifecycleSleepActionAllowZero is on (validation.go validateSleepAction).
    const min = constraints.capabilities.sleepZero ? 0 : 1;
    options.push(
      fc.record(
        {
          kind: fc.constant('sleep' as const),
          seconds: fc.integer({ min, max: Math.max(min, constraints.maxSleepSeconds ?? 10) }),
        },
        { noNullPrototype: true },
      ),
    );
  }
  return fc.oneof(CROSS_SHRINK, ...options);
}
