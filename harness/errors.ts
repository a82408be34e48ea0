import { ClusterError } from './cluster-error';

/**
 * Errors the user can act on: each is one line naming the problem and the fix. The CLI prints the
 * line and exits with the code; anything else is a bug and keeps its stack trace.
 */
export const EXIT_BAD_INPUT = 2;
export const EXIT_ENVIRONMENT = 3;

export type UserFacingExitCode = typeof EXIT_BAD_INPUT | typeof EXIT_ENVIRONMENT;

export class UserFacingError extends Error {
  constructor(
    message: string,
    readonly exitCode: UserFacingExitCode,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UserFacingError';
  }

  /** The single line the CLI prints. */
  toLine(): string {
    return `kubeprop: ${this.message.replace(/\s*\n\s*/g, ' ')}`;
  }
}

/** Bad input: a flag, file or name the user gave is wrong (exit code 2). */
export function badInput(message: string, cause?: unknown): UserFacingError {
  return new UserFacingError(message, EXIT_BAD_INPUT, { cause });
}

/** The environment is missing something or the cluster cannot be used (exit code 3). */
export function environmentProblem(message: string, cause?: unknown): UserFacingError {
  return new UserFacingError(message, EXIT_ENVIRONMENT, { cause });
}

/**
 * The API server stopped answering after kubeprop had reached it (a refused or timed-out connection
 * that outlived the retries): the environment, not a kubeprop bug (seen on an overloaded node during
 * the permission check: "UND_ERR_CONNECT_TIMEOUT fetch failed").
 */
function lostCluster(error: unknown): UserFacingError | undefined {
  if (!(error instanceof ClusterError) || (error.kind !== 'unreachable' && error.kind !== 'transient'))
    return undefined;
  return environmentProblem(
    `lost the API server: ${error.message}. Check that the cluster is up and not overloaded (kubectl get --raw /readyz), then run again`,
    error,
  );
}

/** What the user can act on in a failure: a UserFacingError, or a lost API server; undefined for a bug. */
export function userFacingOf(error: unknown): UserFacingError | undefined {
  return error instanceof UserFacingError ? error : lostCluster(error);
}

/**
 * Prints a UserFacingError as one line on stderr and sets the exit code; rethrows anything else.
 * Commands wrap their action in this so every expected failure reads the same way.
 */
export async function reportUserFacingErrors(
  action: () => Promise<void>,
  writeLine: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): Promise<void> {
  try {
    await action();
  } catch (error) {
    const userFacing = userFacingOf(error);
    if (userFacing !== undefined) {
      writeLine(userFacing.toLine());
      process.exitCode = userFacing.exitCode;
      return;
    }
    throw error;
  }
}
