import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { scenarioArbitrary } from '../../generators';
import { manifestsFor, wireForm } from '../../generators/manifests';
import { networkPolicyManifests } from '../../generators/manifests/networkpolicy';
import { scenarioFeatures } from '../../generators/scenario-features';
import {
  defaultCapabilities,
  LATEST_VERSION,
  parseServerVersion,
  type ServerVersion,
} from '../../model/capabilities';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from '../../model/labels';
import { FAMILIES, type Family, type Scenario } from '../../model/scenario';
import { DEFAULT_IMAGE } from '../../runner/defaults';
import { EXIT, processOutput, type CommandOutput } from './report-output';

export interface GenerateOptions {
  count?: string;
  seed?: string;
  serverVersion?: string;
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

function parseVersion(text: string | undefined): ServerVersion {
  if (text === undefined) return LATEST_VERSION;
  try {
    return parseServerVersion(text);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The namespace and objects of one scenario as wire-form documents, ready for kubectl apply. */
export function scenarioDocuments(scenario: Scenario, index: number): Record<string, unknown>[] {
  const labels = { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE };
  const namespace = `kp-${scenario.family}-${index}`;
  if (scenario.family === 'networkpolicy') {
    const manifests = networkPolicyManifests(scenario, {
      image: DEFAULT_IMAGE,
      namespacePrefix: namespace,
      labels,
      caseId: String(index),
    });
    return [
      ...manifests.namespaces.map((n) => ({ ...n.object })),
      ...manifests.pods.map((p) => wireForm(p.object)),
      ...manifests.policies.map((p) => wireForm(p.object)),
    ];
  }
  const { namespaceLabels, objects } = manifestsFor(scenario, { image: DEFAULT_IMAGE, namespace, labels });
  const namespaceObject = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: namespace, labels: { ...labels, ...namespaceLabels } },
  };
  return [namespaceObject, ...objects.map(wireForm)];
}

/** Multi-document YAML, with the scenario (what each container does) as a leading comment. */
export function scenarioYaml(scenario: Scenario, index: number): string {
  const header = `# kubeprop ${scenario.family} scenario ${index}: ${JSON.stringify(scenario)}\n`;
  return (
    header +
    scenarioDocuments(scenario, index)
      .map((doc) => `---\n${stringify(doc, { lineWidth: 0 })}`)
      .join('')
  );
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

/** `kubeprop generate`: resolves with the exit code. */
export function runGenerate(
  familyText: string,
  options: GenerateOptions,
  output: CommandOutput = processOutput,
): number {
  try {
    const family = parseFamily(familyText);
    const count = parseCount(options.count);
    const seed = parseSeed(options.seed);
    const capabilities = defaultCapabilities(parseVersion(options.serverVersion));
    const scenarios = fc.sample(scenarioArbitrary(family, capabilities), {
      seed,
      numRuns: count,
    }) as Scenario[];
    if (options.out !== undefined) {
      fs.mkdirSync(options.out, { recursive: true });
      scenarios.forEach((scenario, i) => {
        const base = path.join(options.out!, `${family}-${String(i).padStart(4, '0')}`);
        fs.writeFileSync(`${base}.yaml`, scenarioYaml(scenario, i));
        fs.writeFileSync(`${base}.scenario.json`, `${JSON.stringify(scenario, null, 2)}\n`);
      });
      output.out(
        `wrote ${count} ${family} scenario(s) to ${options.out} (seed ${seed}, ${capabilities.version.gitVersion})\n`,
      );
    } else if (!options.stats) {
      scenarios.forEach((scenario, i) => output.out(scenarioYaml(scenario, i)));
    }
    if (options.stats) {
      output.out(
        `coverage of ${count} ${family} scenario(s) (seed ${seed}, ${capabilities.version.gitVersion})\n`,
      );
      output.out(coverageTable(scenarios));
    }
    return EXIT.ok;
  } catch (error) {
    if (error instanceof UsageError) {
      output.err(`kubeprop generate: ${error.message}\n`);
      return EXIT.error;
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
    .option('--server-version <v1.N>', 'target version the generators gate features by (default: latest)')
    .option('--out <dir>', 'write <family>-NNNN.yaml and .scenario.json files here instead of printing')
    .option('--stats', 'print how often each feature appears')
    .action((family: string, options: GenerateOptions) => {
      process.exitCode = runGenerate(family, options);
    });
}
