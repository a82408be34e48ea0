import type { Command } from 'commander';
import type { ClusterPort } from '../../harness/cluster-port';
import { badInput, environmentProblem, reportUserFacingErrors } from '../../harness/errors';
import { connectCluster } from '../../harness/kubeconfig-check';
import { restoreNodePatches } from '../../harness/node-patches';
import { DEFAULT_SWEEP_DEADLINE_MS, sweep } from '../../harness/sweep';

export interface CleanOptions {
  runId?: string;
  kubeconfig?: string;
  context?: string;
  /** Seconds to wait for namespaces to finish terminating. */
  timeout?: string;
  /** Node patch records (defaults to ~/.kubeprop/node-patches.json). */
  stateFile?: string;
}

/** A connected cluster: the port and its server URL (which keys the node patch records). */
export type Connect = (options: CleanOptions) => Promise<{ port: ClusterPort; server: string }>;

const connectFromKubeconfig: Connect = async (options) => {
  const { cluster } = await connectCluster({ kubeconfig: options.kubeconfig, context: options.context });
  return { port: cluster, server: cluster.server };
};

function deadlineMs(timeout: string | undefined): number {
  if (timeout === undefined) return DEFAULT_SWEEP_DEADLINE_MS;
  const seconds = Number(timeout);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw badInput(`--timeout "${timeout}" is not a positive number of seconds`);
  }
  return seconds * 1000;
}

/** Deletes kubeprop's labelled namespaces, CRDs and PriorityClasses, and puts patched node capacities back. */
export async function runClean(
  options: CleanOptions,
  connect: Connect = connectFromKubeconfig,
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Promise<void> {
  const deadline = deadlineMs(options.timeout);
  const { port, server } = await connect(options);
  const report = await sweep(port, { runId: options.runId, deadlineMs: deadline });
  const restored = await restoreNodePatches(port, {
    cluster: server,
    runId: options.runId,
    file: options.stateFile,
  });
  out(
    `deleted ${report.deleted.length} namespace(s), ${report.customResourceDefinitions.length} custom resource definition(s), ${report.priorityClasses.length} priority class(es), released ${report.released.length} pod(s), restored ${restored.length} node capacity patch(es)`,
  );
  if (report.remaining.length > 0) {
    throw environmentProblem(
      `namespace(s) still terminating after ${deadline / 1000} s: ${report.remaining.join(', ')}. Check their finalizers with "kubectl get ns <name> -o yaml", then run "kubeprop clean" again`,
    );
  }
}

/** `kubeprop clean [--run-id]`: removes everything kubeprop left on a cluster, selected by label only. */
export function registerClean(program: Command): void {
  program
    .command('clean')
    .description(
      "delete kubeprop's namespaces, custom resource definitions and priority classes (by label) and restore patched node capacity",
    )
    .option('--run-id <id>', 'only this run')
    .option('--kubeconfig <file>', 'kubeconfig file (default: KUBECONFIG, then ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context (default: current context)')
    .option('--timeout <seconds>', 'how long to wait for namespaces to go')
    .option('--state-file <file>', 'node patch records (default: ~/.kubeprop/node-patches.json)')
    .action((options: CleanOptions) => reportUserFacingErrors(() => runClean(options)));
}
