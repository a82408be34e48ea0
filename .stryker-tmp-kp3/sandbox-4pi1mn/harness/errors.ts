/**
 * Errors the user can act on: each is one line naming the problem and the fix. The CLI prints the
 * line and exits with the code; anything else is a bug and keeps its stack trace.
 */
// @ts-nocheck

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
    if (error instanceof UserFacingError) {
      writeLine(error.toLine());
      process.exitCode = error.exitCode;
      return;
    }
    throw error;
  }
}
