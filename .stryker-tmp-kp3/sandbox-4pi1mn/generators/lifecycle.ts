// @ts-nocheck
import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import type { Lifecycle } from '../model/scenario';
import { hookHandler } from './hook-handler';

export interface LifecycleConstraints {
  capabilities: Capabilities;
  maxDurationSeconds?: number;
  maxSleepSeconds?: number;
}

/** postStart and preStop, each optional (shrinks toward no hooks). */
export function lifecycle(constraints: LifecycleConstraints): fc.Arbitrary<Lifecycle> {
  const hook = (name: 'postStart' | 'preStop') =>
    fc.option(hookHandler({ ...constraints, hook: name }), { nil: undefined });
  return fc.tuple(hook('postStart'), hook('preStop')).map(([postStart, preStop]) => {
    const result: Lifecycle = {};
    if (postStart) result.postStart = postStart;
    if (preStop) result.preStop = preStop;
    return result;
  });
}
