import type { Command } from 'commander';
import type { CliDeps } from '../cli-deps';

/** `kubeprop list`: every property id with its statement, in the order a run takes them. */
export function runListCommand(deps: Pick<CliDeps, 'out' | 'properties'>): number {
  if (deps.properties.length === 0) {
    deps.out('no properties are registered (suites/registry.ts)\n');
    return 0;
  }
  const width = Math.max(...deps.properties.map((p) => p.id.length));
  for (const property of deps.properties) deps.out(`${property.id.padEnd(width)}  ${property.statement}\n`);
  return 0;
}

export function registerList(program: Command, deps: CliDeps): void {
  program
    .command('list')
    .description('list the property ids with their statements')
    .action(() => deps.setExitCode(runListCommand(deps)));
}
