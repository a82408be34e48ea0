import fc from 'fast-check';
import type { DeleteAction, PodScenario } from '../model/scenario';
import type { Capabilities } from '../model/capabilities';
import { podClearOfThresholds } from './decision-margin';
import { DEFAULT_GRACE_SECONDS } from './pod-scenario';
import { seconds } from './seconds';

/**
 * How a pod is to be deleted, relative to its spec's grace period (known only once the pod is
 * generated): with the spec's period, with 0, or with an override below or above it.
 */
export type DeleteIntent =
  | { mode: 'spec'; afterRunningSeconds: number }
  | { mode: 'zero'; afterRunningSeconds: number }
  | { mode: 'below'; by: number; afterRunningSeconds: number }
  | { mode: 'above'; by: number; afterRunningSeconds: number };

export interface DeleteIntentConstraints {
  /** Longest wait after Running before the delete, seconds (default 3). */
  maxAfterRunningSeconds?: number;
}

/** A delete intent; the spec's own period first, as the simplest. */
export function deleteIntent(constraints: DeleteIntentConstraints = {}): fc.Arbitrary<DeleteIntent> {
  const after = seconds({ max: constraints.maxAfterRunningSeconds ?? 3 });
  const by = fc.integer({ min: 1, max: 5 });
  return fc.oneof(
    fc.record({ mode: fc.constant('spec' as const), afterRunningSeconds: after }, { noNullPrototype: true }),
    fc.record({ mode: fc.constant('zero' as const), afterRunningSeconds: after }, { noNullPrototype: true }),
    fc.record(
      { mode: fc.constant('below' as const), by, afterRunningSeconds: after },
      { noNullPrototype: true },
    ),
    fc.record(
      { mode: fc.constant('above' as const), by, afterRunningSeconds: after },
      { noNullPrototype: true },
    ),
  );
}

/**
 * The DeleteAction for a pod. The override replaces the spec's period
 * (pkg/registry/core/pod/strategy.go CheckGracefulDelete); the spec's default is 30 s.
 */
export function resolveDeleteAction(intent: DeleteIntent, pod: PodScenario): DeleteAction {
  const spec = pod.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
  const afterRunningSeconds = intent.afterRunningSeconds;
  switch (intent.mode) {
    case 'spec':
      return { afterRunningSeconds };
    case 'zero':
      return { gracePeriodSeconds: 0, afterRunningSeconds };
    case 'below':
      return { gracePeriodSeconds: Math.max(0, spec - intent.by), afterRunningSeconds };
    case 'above':
      return { gracePeriodSeconds: spec + intent.by, afterRunningSeconds };
  }
}

/**
 * A watched pod with an optional delete (hooks, init): the delete resolved against the pod, and the pod's
 * decisions kept clear of the kubelet's grace for it (generators/decision-margin.ts).
 */
export function podWithOptionalDelete(
  pod: PodScenario,
  intent: DeleteIntent | undefined,
  capabilities: Capabilities,
): { pod: PodScenario; delete?: DeleteAction } {
  const action = intent && resolveDeleteAction(intent, pod);
  const clear = podClearOfThresholds(pod, action, capabilities);
  return action ? { pod: clear, delete: action } : { pod: clear };
}
