// @ts-nocheck
import fc from 'fast-check';
import type { ContainerBehaviour, SigtermHandling } from '../model/scenario';
import { seconds } from './seconds';

export interface ContainerBehaviourConstraints {
  /** Upper bound of every generated instant, seconds (default 10: live cases stay short). */
  maxSeconds?: number;
  /** Whether the program exits on its own: 'never', 'sometimes' (default) or 'always' (plain init containers). */
  exits?: 'never' | 'sometimes' | 'always';
  /** Whether readiness/liveness/startup signals are generated (default true). */
  signals?: boolean;
}

/** Exit codes biased to 0, with the small codes and the signal-like ones (137, 143) a program may also choose. */
function exitCode(): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.constant(0), weight: 2 },
    { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 1 },
    { arbitrary: fc.integer({ min: 4, max: 255 }), weight: 1 },
  );
}

/** What the main process does on SIGTERM; a handled exit comes first as the simplest. */
export function sigtermHandling(maxSeconds: number): fc.Arbitrary<SigtermHandling> {
  return fc.oneof(
    fc.record(
      {
        kind: fc.constant('exit' as const),
        afterSeconds: seconds({ max: Math.min(maxSeconds, 5) }),
        exitCode: exitCode(),
      },
      { noNullPrototype: true },
    ),
    fc.constant({ kind: 'ignore' as const }),
    fc.constant({ kind: 'default' as const }),
  );
}

/** A container's behaviour: start delay, optional exit, SIGTERM handling and probe signals over time. */
export function containerBehaviour(
  constraints: ContainerBehaviourConstraints = {},
): fc.Arbitrary<ContainerBehaviour> {
  const max = constraints.maxSeconds ?? 10;
  const exits = constraints.exits ?? 'sometimes';
  const exitAfter = fc.record({ seconds: seconds({ max }), exitCode: exitCode() }, { noNullPrototype: true });
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  return fc
    .record(
      {
        startDelaySeconds: seconds({ max: Math.min(max, 3) }),
        exitAfter:
          exits === 'always' ? exitAfter : exits === 'never' ? fc.constant(undefined) : optional(exitAfter),
        sigterm: sigtermHandling(max),
        readyAfterSeconds: optional(seconds({ max })),
        // Delay after readiness before it turns off again.
        unreadyDelaySeconds: optional(seconds({ min: 1, max })),
        unhealthyAfterSeconds: optional(seconds({ max: 2 * max })),
        startupAfterSeconds: optional(seconds({ max })),
      },
      { noNullPrototype: true },
    )
    .map(({ unreadyDelaySeconds, exitAfter: exit, ...rest }) => {
      // Absent fields are left out (not set to undefined) so a JSON round trip gives an equal value.
      const behaviour: ContainerBehaviour = {
        startDelaySeconds: rest.startDelaySeconds,
        sigterm: rest.sigterm,
      };
      if (exit !== undefined) behaviour.exitAfter = exit;
      if (constraints.signals === false) return behaviour;
      if (rest.readyAfterSeconds !== undefined) {
        behaviour.readyAfterSeconds = rest.readyAfterSeconds;
        if (unreadyDelaySeconds !== undefined)
          behaviour.unreadyAfterSeconds = rest.readyAfterSeconds + unreadyDelaySeconds;
      }
      if (rest.unhealthyAfterSeconds !== undefined)
        behaviour.unhealthyAfterSeconds = rest.unhealthyAfterSeconds;
      if (rest.startupAfterSeconds !== undefined) behaviour.startupAfterSeconds = rest.startupAfterSeconds;
      return behaviour;
    });
}
