/** Where offline commands print; process streams in the CLI, buffers in tests. */
// @ts-nocheck

export interface CommandOutput {
  out(text: string): void;
  err(text: string): void;
}

export const processOutput: CommandOutput = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

/** Exit codes shared by the offline commands: 2 for an unreadable report or any other error. */
export const EXIT = { ok: 0, regressed: 1, error: 2 } as const;
