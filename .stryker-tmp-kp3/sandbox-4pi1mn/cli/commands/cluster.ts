// @ts-nocheck
import type { Command } from 'commander';
import { reportUserFacingErrors } from '../../harness/errors';
import { DEFAULT_KIND_CLUSTER, KIND_CONFIG_PATH, KindCli } from '../../harness/targets/kind';

export interface ClusterUpOptions {
  name: string;
  nodeImage?: string;
  loadImage: string[];
  config: string;
}

type WriteLine = (line: string) => void;
const stdoutLine: WriteLine = (line) => process.stdout.write(`${line}\n`);

/** Creates (or reuses) the kind cluster and loads local images into its nodes. */
export async function runClusterUp(
  options: ClusterUpOptions,
  kind = new KindCli(),
  out: WriteLine = stdoutLine,
): Promise<void> {
  const created = await kind.ensureCluster({
    name: options.name,
    configPath: options.config,
    ...(options.nodeImage ? { nodeImage: options.nodeImage } : {}),
  });
  out(
    created
      ? `created kind cluster ${options.name}`
      : `kind cluster ${options.name} already exists; reusing it`,
  );
  for (const image of options.loadImage) {
    await kind.loadImage(options.name, image);
    out(`loaded ${image} into ${options.name}`);
  }
  out(`use it with --context kind-${options.name}`);
}

export async function runClusterDown(
  name: string,
  kind = new KindCli(),
  out: WriteLine = stdoutLine,
): Promise<void> {
  await kind.deleteCluster(name);
  out(`deleted kind cluster ${name}`);
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `kubeprop cluster up|down`: the default kind cluster from kind-config.yaml. */
export function registerCluster(program: Command): void {
  const cluster = program
    .command('cluster')
    .description('create or delete the kind cluster kubeprop tests against');
  cluster
    .command('up')
    .description('create the kind cluster from kind-config.yaml (reused when it exists)')
    .option('--name <name>', 'kind cluster name', DEFAULT_KIND_CLUSTER)
    .option('--node-image <image>', 'kind node image, e.g. kindest/node:v1.34.0@sha256:...')
    .option('--load-image <ref>', 'load a local Docker image into the nodes (repeatable)', collect, [])
    .option('--config <file>', 'kind cluster config', KIND_CONFIG_PATH)
    .action((options: ClusterUpOptions) => reportUserFacingErrors(() => runClusterUp(options)));
  cluster
    .command('down')
    .description('delete the kind cluster')
    .option('--name <name>', 'kind cluster name', DEFAULT_KIND_CLUSTER)
    .action((options: { name: string }) => reportUserFacingErrors(() => runClusterDown(options.name)));
}
