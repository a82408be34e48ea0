import { Command, CommanderError } from 'commander';
import { EXIT_BAD_INPUT } from '../harness/errors';
import { processCliDeps, type CliDeps } from './cli-deps';
import { registerClean } from './commands/clean';
import { registerCluster } from './commands/cluster';
import { registerCompare } from './commands/compare';
import { registerGenerate } from './commands/generate';
import { registerJudge } from './commands/judge';
import { registerList } from './commands/list';
import { registerMatrix } from './commands/matrix';
import { matrixSteps } from './commands/matrix-steps';
import { registerReplay } from './commands/replay';
import { registerRun } from './commands/run';

/** The kubeprop command: each subcommand registers itself from cli/commands/. */
export function buildProgram(deps: CliDeps = processCliDeps()): Command {
  const program = new Command('kubeprop')
    .description('Property-based conformance tests for Kubernetes')
    .exitOverride()
    .showHelpAfterError()
    .configureOutput({ writeOut: (text) => deps.out(text), writeErr: (text) => void deps.err.write(text) });
  registerRun(program, deps);
  registerReplay(program, deps);
  registerList(program, deps);
  registerJudge(program);
  registerCompare(program);
  registerMatrix(program, matrixSteps(deps));
  registerCluster(program);
  registerClean(program);
  registerGenerate(program);
  return program;
}

/**
 * Runs one command line (without "node kubeprop") in-process and resolves with the exit status the
 * command chose. Usage errors commander detects (unknown option, missing argument) are bad input.
 */
export async function runCli(args: readonly string[], deps: CliDeps = processCliDeps()): Promise<number> {
  let status = 0;
  const program = buildProgram({ ...deps, setExitCode: (code) => (status = code) });
  try {
    await program.parseAsync([...args], { from: 'user' });
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // --help and --version end through here too, with exit code 0.
    status = error.exitCode === 0 ? 0 : EXIT_BAD_INPUT;
  }
  return status;
}

export async function main(argv: readonly string[] = process.argv): Promise<void> {
  try {
    const status = await runCli(argv.slice(2));
    // Commands that set process.exitCode themselves keep it.
    if (status !== 0) process.exitCode = status;
  } catch (error) {
    const text = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`kubeprop: internal error: ${text}\n`);
    process.exitCode = EXIT_BAD_INPUT;
  }
}

if (require.main === module) {
  void main();
}
