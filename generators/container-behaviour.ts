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

/**
 * Exit codes: half the time 0, else small codes or any up to 255 (the signal-like 137 and 143 included,
 * which a program may also choose). Shrinks toward 0 (the index), then toward the smallest code.
 */
function exitCode(): fc.Arbitrary<number> {
  return fc
    .tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 4, max: 255 }))
    .map(([choice, small, large]) => (choice < 2 ? 0 : choice === 2 ? small : large));
}

const SIGTERM_KINDS = ['exit', 'ignore', 'default'] as const;

/** What the main process does on SIGTERM; a handled exit comes first (index 0) as the simplest. */
export function sigtermHandling(maxSeconds: number): fc.Arbitrary<SigtermHandling> {
  return fc
    .tuple(
      fc.integer({ min: 0, max: SIGTERM_KINDS.length - 1 }),
      seconds({ max: Math.min(maxSeconds, 5) }),
      exitCode(),
    )
    .map(([kind, afterSeconds, code]): SigtermHandling => {
      switch (SIGTERM_KINDS[kind]) {
        case 'exit':
          return { kind: 'exit', afterSeconds, exitCode: code };
        case 'ignore':
          return { kind: 'ignore' };
        case 'default':
          return { kind: 'default' };
      }
    });
}

/** A container's behaviour: start delay, optional exit, SIGTERM handling and probe signals over time. */
export function containerBehaviour(
  constraints: ContainerBehaviourConstraints = {},
): fc.Arbitrary<ContainerBehaviour> {
  const max = constraints.maxSeconds ?? 10;
  const exits = constraints.exits ?? 'sometimes';
  const exitAfter = fc.record({ seconds: seconds({ max }), exitCode: exitCode() }, { noNullPrototype: true });
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const signal = <T>(arb: fc.Arbitrary<T>) =>
    constraints.signals === false ? fc.constant(undefined) : optional(arb);
  return fc
    .record(
      {
        startDelaySeconds: seconds({ max: Math.min(max, 3) }),
        exitAfter:
          exits === 'always' ? exitAfter : exits === 'never' ? fc.constant(undefined) : optional(exitAfter),
        sigterm: sigtermHandling(max),
        readyAfterSeconds: signal(seconds({ max })),
        // Delay after readiness before it turns off again.
        unreadyDelaySeconds: signal(seconds({ min: 1, max })),
        unhealthyAfterSeconds: signal(seconds({ max: 2 * max })),
        startupAfterSeconds: signal(seconds({ max })),
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
