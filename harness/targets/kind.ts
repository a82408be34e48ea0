import path from 'node:path';
import { badInput, environmentProblem } from '../errors';
import {
  CommandNotFound,
  systemCommandRunner,
  type CommandResult,
  type CommandRunner,
} from './command-runner';
import { kindConfigArgument } from './kind-config-render';

export const DEFAULT_KIND_CLUSTER = 'kubeprop';
/** The repository's kind-config.yaml: one control plane, two workers, each setting commented. */
export const KIND_CONFIG_PATH = path.resolve(__dirname, '..', '..', 'kind-config.yaml');

const KIND_INSTALL = 'https://kind.sigs.k8s.io/docs/user/quick-start/#installation';
/** kindest/node:v1.34.0, optionally pinned by digest as the kind release notes recommend. */
const NODE_IMAGE = /^[\w.\-/]+(:[\w.-]+)?(@sha256:[0-9a-f]{64})?$/;

export interface KindCreateOptions {
  name: string;
  configPath: string;
  /** e.g. kindest/node:v1.34.0@sha256:...; kind's default image when absent. */
  nodeImage?: string;
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return lines[lines.length - 1] ?? '';
}

/** The `kind` CLI (there is no npm wrapper), with messages that say what to install or start. */
export class KindCli {
  constructor(private readonly runner: CommandRunner = systemCommandRunner) {}

  /** `kind version`, or an environment problem saying how to install kind. */
  async version(): Promise<string> {
    const result = await this.runOrMissing('kind', ['version'], () =>
      environmentProblem(
        `kind is not installed: install it (${KIND_INSTALL}) or pass --kubeconfig for an existing cluster`,
      ),
    );
    return result.stdout.trim();
  }

  async installed(): Promise<boolean> {
    try {
      await this.runner.run('kind', ['version']);
      return true;
    } catch (error) {
      if (error instanceof CommandNotFound) return false;
      throw error;
    }
  }

  /** kind runs its nodes as Docker containers: `docker info` must answer. */
  async requireDocker(): Promise<void> {
    const result = await this.runOrMissing('docker', ['info', '--format', '{{.ServerVersion}}'], () =>
      environmentProblem(
        'Docker is not installed: kind runs its nodes as Docker containers, install Docker first',
      ),
    );
    if (result.exitCode !== 0) {
      throw environmentProblem(
        `Docker is not reachable ("docker info" failed: ${lastLine(result.stderr)}): start Docker and retry`,
      );
    }
  }

  async clusters(): Promise<string[]> {
    const result = await this.runner.run('kind', ['get', 'clusters']);
    return result.stdout
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0 && !line.startsWith('No kind clusters'));
  }

  /** Creates the cluster unless one of that name exists; returns whether it created it. */
  async ensureCluster(options: KindCreateOptions): Promise<boolean> {
    await this.version();
    await this.requireDocker();
    if ((await this.clusters()).includes(options.name)) return false;
    if (options.nodeImage !== undefined && !NODE_IMAGE.test(options.nodeImage)) {
      throw badInput(
        `--node-image "${options.nodeImage}" is not an image reference: use e.g. kindest/node:v1.34.0 (digest from the kind release notes)`,
      );
    }
    // Relative extraMounts (the audit policy) are resolved against the config file, not the cwd.
    const config = await kindConfigArgument(options.configPath);
    const args = ['create', 'cluster', '--name', options.name, '--config', config.config];
    if (options.nodeImage) args.push('--image', options.nodeImage);
    const result = await this.runner.run('kind', args, {
      echoStderr: true,
      ...(config.input !== undefined ? { input: config.input } : {}),
    });
    if (result.exitCode !== 0) {
      throw environmentProblem(`"kind ${args.join(' ')}" failed: ${lastLine(result.stderr)}`);
    }
    return true;
  }

  async deleteCluster(name: string): Promise<void> {
    await this.version();
    const result = await this.runner.run('kind', ['delete', 'cluster', '--name', name]);
    if (result.exitCode !== 0)
      throw environmentProblem(`"kind delete cluster --name ${name}" failed: ${lastLine(result.stderr)}`);
  }

  /** Copies a local image into every node (air-gapped runs, the test container image). */
  async loadImage(name: string, image: string): Promise<void> {
    const result = await this.runner.run('kind', ['load', 'docker-image', image, '--name', name], {
      echoStderr: true,
    });
    if (result.exitCode !== 0) {
      throw environmentProblem(
        `"kind load docker-image ${image}" failed: ${lastLine(result.stderr)}. The image must be in the local Docker store first ("docker pull ${image}")`,
      );
    }
  }

  /** The kubeconfig of a kind cluster (YAML), without touching ~/.kube/config. */
  async kubeconfig(name: string): Promise<string> {
    const result = await this.runner.run('kind', ['get', 'kubeconfig', '--name', name]);
    if (result.exitCode !== 0) {
      throw environmentProblem(
        `no kind cluster named "${name}" (${lastLine(result.stderr)}): create it with "kubeprop cluster up --name ${name}"`,
      );
    }
    return result.stdout;
  }

  private async runOrMissing(command: string, args: string[], missing: () => Error): Promise<CommandResult> {
    try {
      return await this.runner.run(command, args);
    } catch (error) {
      if (error instanceof CommandNotFound) throw missing();
      throw error;
    }
  }
}
