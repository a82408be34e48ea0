import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KIND_CONFIG_PATH, KindCli } from '../../harness/targets/kind';
import { runDirName, type MatrixCluster } from '../../reporting/matrix';
import type { CliDeps } from '../cli-deps';
import type { ClusterSteps } from './matrix';
import { RUN_EXIT, runRunCommand, type RunCommandResult } from './run';

/** Runs `kubeprop run` in-process against one matrix cluster, its report in reportDir. */
export type SuiteRunner = (kubeconfig: string, reportDir: string) => Promise<RunCommandResult>;

/** kind cluster names become Docker container names ("<name>-control-plane"): keep them short. */
const MAX_CLUSTER_NAME = 40;

/** "kindest/node:v1.34.0@sha256:…" → "kubeprop-matrix-kindest-node-v1-34-0". */
export function matrixClusterName(nodeImage: string): string {
  const slug = runDirName(nodeImage)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  return `kubeprop-matrix-${slug}`.slice(0, MAX_CLUSTER_NAME).replace(/-+$/, '');
}

/**
 * The kind-backed steps of `kubeprop matrix`: a fresh kind cluster per node image (a leftover of an
 * interrupted matrix under the same name is deleted first, so the image is the one asked for), the
 * whole suite run in-process with its kubeconfig, then the cluster and kubeconfig removed.
 */
export function kindMatrixSteps(deps: CliDeps, kind = new KindCli(), run?: SuiteRunner): ClusterSteps {
  const runSuite: SuiteRunner =
    run ?? ((kubeconfig, reportDir) => runRunCommand({ kubeconfig, report: reportDir }, deps));
  return {
    createCluster: async (nodeImage): Promise<MatrixCluster> => {
      const name = matrixClusterName(nodeImage);
      if ((await kind.clusters()).includes(name)) await kind.deleteCluster(name);
      await kind.ensureCluster({ name, configPath: KIND_CONFIG_PATH, nodeImage });
      const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kubeprop-matrix-')), 'kubeconfig');
      writeFileSync(kubeconfig, await kind.kubeconfig(name), { mode: 0o600 });
      return { name, nodeImage, kubeconfig };
    },
    runConformance: async (cluster, outDir) => {
      const result = await runSuite(cluster.kubeconfig, outDir);
      // A confirmed failure is a result to compare; anything else left no comparable report.
      if (
        result.reportPath === undefined ||
        (result.exitCode !== RUN_EXIT.ok && result.exitCode !== RUN_EXIT.failed)
      ) {
        throw new Error(`kubeprop run exited ${result.exitCode}`);
      }
      return result.reportPath;
    },
    deleteCluster: async (cluster) => {
      try {
        await kind.deleteCluster(cluster.name);
      } finally {
        rmSync(join(cluster.kubeconfig, '..'), { recursive: true, force: true });
      }
    },
  };
}
