import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import fc from 'fast-check';
import { scenarioArbitrary } from '../../generators';
import { scenarioFeatures } from '../../generators/scenario-features';
import { UserFacingError } from '../../harness/errors';
import { defaultCapabilities } from '../../model/capabilities';
import { FAMILIES, type Family, type Scenario } from '../../model/scenario';
import { scenarioYaml } from './generate-documents';
import {
  targetVersion,
  versionFromCluster,
  type ClusterVersion,
  type TargetVersion,
} from './generate-version';
import { EXIT, processOutput, type CommandOutput } from './report-output';

export interface GenerateOptions {
  count?: string;
  seed?: string;
  serverVersion?: string;
  kubeconfig?: string;
  context?: string;
  out?: string;
  stats?: boolean;
}

/** A bad argument: one line on stderr and exit code 2. */
class UsageError extends Error {}

function parseCount(text: string | undefined): number {
  const count = Number(text ?? '1');
  if (!Number.isInteger(count) || count < 1)
    throw new UsageError(`--count must be a positive integer, got "${text}"`);
  return count;
}

function parseSeed(text: string | undefined): number {
  if (text === undefined) return Date.now() % 2 ** 31;
  const seed = Number(text);
  if (!Number.isInteger(seed) || Math.abs(seed) >= 2 ** 31)
    throw new UsageError(`--seed must be a 32-bit integer, got "${text}"`);
  return seed;
}

function parseFamily(text: string): Family {
  if (!(FAMILIES as readonly string[]).includes(text)) {
    throw new UsageError(`unknown family "${text}" (one of: ${FAMILIES.join(', ')})`);
  }
  return text as Family;
}

/** Feature name, count and share over the scenarios, most frequent first. */
export function coverageTable(scenarios: readonly Scenario[]): string {
  const counts = new Map<string, number>();
  for (const scenario of scenarios) {
    for (const feature of new Set(scenarioFeatures(scenario)))
      counts.set(feature, (counts.get(feature) ?? 0) + 1);
  }
  const rows = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const width = Math.max(7, ...rows.map(([feature]) => feature.length));
  const lines = rows.map(
    ([feature, count]) =>
      `${feature.padEnd(width)}  ${String(count).padStart(6)}  ${((100 * count) / scenarios.length).toFixed(1).padStart(5)}%`,
  );
  return [`${'feature'.padEnd(width)}  ${'count'.padStart(6)}  ${'share'.padStart(6)}`, ...lines, ''].join(
    '\n',
  );
}

/** Where `generate` learns the cluster's version; tests pass a fake. */
export interface GenerateEnvironment {
  env: NodeJS.ProcessEnv;
  clusterVersion: ClusterVersion;
}

const processEnvironment: GenerateEnvironment = { env: process.env, clusterVersion: versionFromCluster };

async function resolveVersion(
  options: GenerateOptions,
  environment: GenerateEnvironment,
): Promise<TargetVersion> {
  try {
    return await targetVersion(options, environment.env, environment.clusterVersion);
  } catch (error) {
    if (error instanceof UserFacingError) throw error;
    // parseServerVersion's message names the expected form.
    throw new UsageError((error as Error).message);
  }
}

/** `kubeprop generate`: resolves with the exit code. */
export async function runGenerate(
  familyText: string,
  options: GenerateOptions,
  output: CommandOutput = processOutput,
  environment: GenerateEnvironment = processEnvironment,
): Promise<number> {
  try {
    const family = parseFamily(familyText);
    const count = parseCount(options.count);
    const seed = parseSeed(options.seed);
    const target = await resolveVersion(options, environment);
    const version = target.version;
    output.err(`kubeprop generate: generating for Kubernetes ${version.gitVersion} (${target.source})\n`);
    const capabilities = defaultCapabilities(version);
    const scenarios = fc.sample(scenarioArbitrary(family, capabilities), {
      seed,
      numRuns: count,
    }) as Scenario[];
    if (options.out !== undefined) {
      fs.mkdirSync(options.out, { recursive: true });
      scenarios.forEach((scenario, i) => {
        const base = path.join(options.out!, `${family}-${String(i).padStart(4, '0')}`);
        fs.writeFileSync(`${base}.yaml`, scenarioYaml(scenario, i, version));
        fs.writeFileSync(`${base}.scenario.json`, `${JSON.stringify(scenario, null, 2)}\n`);
      });
      output.out(
        `wrote ${count} ${family} scenario(s) to ${options.out} (seed ${seed}, ${version.gitVersion})\n`,
      );
    } else if (!options.stats) {
      scenarios.forEach((scenario, i) => output.out(scenarioYaml(scenario, i, version)));
    }
    if (options.stats) {
      output.out(`coverage of ${count} ${family} scenario(s) (seed ${seed}, ${version.gitVersion})\n`);
      output.out(coverageTable(scenarios));
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`kubeprop generate: ${error.message}\n`);
      return EXIT.error;
    }
    if (error instanceof UserFacingError) {
      output.err(`kubeprop generate: ${error.message.replace(/\s*\n\s*/g, ' ')}\n`);
      return error.exitCode;
    }
    throw error;
  }
}

export function registerGenerate(program: Command): void {
  program
    .command('generate')
    .description('print or write generated scenarios as YAML (namespace + objects) with their intent')
    .argument('<family>', `one of: ${FAMILIES.join(', ')}`)
    .option('--count <n>', 'how many scenarios', '1')
    .option('--seed <s>', 'fast-check seed (default: from the clock, printed)')
    .option(
      '--server-version <v1.N>',
      "version the generators gate features by (default: the cluster's when --kubeconfig, --context or KUBECONFIG is given, else the oldest supported)",
    )
    .option('--kubeconfig <file>', 'take the version from this cluster')
    .option('--context <name>', 'take the version from this kubeconfig context')
    .option('--out <dir>', 'write <family>-NNNN.yaml and .scenario.json files here instead of printing')
    .option('--stats', 'print how often each feature appears')
    .action(async (family: string, options: GenerateOptions) => {
      process.exitCode = await runGenerate(family, options);
    });
}
