import fc from 'fast-check';
import { HOOK_HANDLER_TLS_PORT, type HttpHook } from '../harness/hook-handler-program';
import { atLeast, type Capabilities } from '../model/capabilities';
import type { HookHandler, HookScheme } from '../model/scenario';
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

/**
 * The scheme of an httpGet hook the hook handler pod serves: HTTP, or HTTPS to its agnhost TLS server where the
 * server image ran (capabilities.serverImage) and the kubelet honours httpGet.scheme for hooks (v1.26 on,
 * kubernetes PR #86139; before, it sent every hook as http://). HTTP first, so shrinking moves toward it.
 */
export function hookScheme(capabilities: Capabilities): fc.Arbitrary<HookScheme> {
  return capabilities.serverImage !== undefined && atLeast(capabilities.version, 26)
    ? fc.constantFrom<HookScheme>('HTTP', 'HTTPS')
    : fc.constant<HookScheme>('HTTP');
}

/** An httpGet hook to the handler pod with `scheme`: HTTPS goes to the TLS server, whose /echo answers at once. */
export function withHookScheme(handler: HttpHook, scheme: HookScheme): HttpHook {
  return scheme === 'HTTPS'
    ? { ...handler, port: HOOK_HANDLER_TLS_PORT, durationSeconds: 0, scheme: 'HTTPS' }
    : handler;
}

// Statuses on both sides of success; what the kubelet makes of them is the model's (pkg/kubelet/lifecycle/handlers.go).
const STATUSES = [200, 202, 404, 500] as const;

type HandlerKind = HookHandler['kind'];

/**
 * One hook handler: exec first (simplest), then httpGet to the container's own httpd, then sleep where
 * supported. The kind is an index, so shrinking moves toward exec; parameters are drawn for every kind.
 */
export function hookHandler(constraints: HookHandlerConstraints): fc.Arbitrary<HookHandler> {
  const maxDuration = constraints.maxDurationSeconds ?? 5;
  const kinds: HandlerKind[] = constraints.capabilities.sleepAction
    ? ['exec', 'httpGet', 'sleep']
    : ['exec', 'httpGet'];
  // Zero only where PodLifecycleSleepActionAllowZero is on (validation.go validateSleepAction).
  const minSleep = constraints.capabilities.sleepZero ? 0 : 1;
  return fc
    .tuple(
      fc.integer({ min: 0, max: kinds.length - 1 }),
      seconds({ max: maxDuration }),
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: 0, max: STATUSES.length - 1 }),
      fc.integer({ min: minSleep, max: Math.max(minSleep, constraints.maxSleepSeconds ?? 10) }),
    )
    .map(([kindIndex, durationSeconds, exitCode, status, sleepSeconds]): HookHandler => {
      switch (kinds[kindIndex]) {
        case 'exec':
          return { kind: 'exec', durationSeconds, exitCode };
        case 'httpGet':
          return {
            kind: 'httpGet',
            port: plannedPort(0, 'http'),
            path: hookPath(constraints.hook),
            status: STATUSES[status],
            durationSeconds: Math.min(durationSeconds, 3),
          };
        case 'sleep':
          return { kind: 'sleep', seconds: sleepSeconds };
      }
    });
}
