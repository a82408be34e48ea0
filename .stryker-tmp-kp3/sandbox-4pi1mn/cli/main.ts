// @ts-nocheck
import { Command } from 'commander';
import { registerClean } from './commands/clean';
import { registerCluster } from './commands/cluster';
import { registerCompare } from './commands/compare';
import { registerJudge } from './commands/judge';
import { registerMatrix } from './commands/matrix';

/** The kubeprop command: each subcommand registers itself from cli/commands/. */
export function buildProgram(): Command {
  const program = new Command('kubeprop')
    .description('Property-based conformance tests for Kubernetes')
    .exitOverride()
    .showHelpAfterError();
  registerJudge(program);
  registerCompare(program);
  registerMatrix(program);
  registerCluster(program);
  registerClean(program);
  return program;
}

async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    const code = (error as { exitCode?: number }).exitCode;
    process.exitCode = typeof code === 'number' ? code : 2;
  }
}

if (require.main === module) {
  void main(process.argv);
}
