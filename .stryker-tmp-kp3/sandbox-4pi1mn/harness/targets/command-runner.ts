// @ts-nocheck
import { spawn } from 'node:child_process';

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Written to the command's stdin. */
  input?: string;
  /** Also stream the command's stderr to ours (long steps like `kind create cluster`). */
  echoStderr?: boolean;
}

/** Runs an external program; injected so cluster targets are tested with fakes. */
export interface CommandRunner {
  /** Resolves with the exit code; rejects with CommandNotFound when the program is not installed. */
  run(command: string, args: string[], options?: RunOptions): Promise<CommandResult>;
}

export class CommandNotFound extends Error {
  constructor(readonly command: string) {
    super(`${command}: command not found`);
    this.name = 'CommandNotFound';
  }
}

export const systemCommandRunner: CommandRunner = {
  run: (command, args, options = {}) =>
    new Promise((resolve, reject) => {
      const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        if (options.echoStderr) process.stderr.write(chunk);
      });
      child.on('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'ENOENT' ? new CommandNotFound(command) : error),
      );
      child.on('close', (code) => resolve({ exitCode: code ?? 1, stdout, stderr }));
      child.stdin.end(options.input ?? '');
    }),
};
