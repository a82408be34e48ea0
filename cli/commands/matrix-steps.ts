import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectCapabilities } from '../../harness/capabilities';
import { KIND_CONFIG_PATH, KindCli } from '../../harness/targets/kind';
import { defaultCapabilities, parseServerVersion } from '../../model/capabilities';
import { basisOf, type GenerationBasis } from '../../model/generation-basis';
import {
  runDirName,
  targetLabel,
  type MatrixCluster,
  type MatrixRunInputs,
  type MatrixTarget,
} from '../../reporting/matrix';
import type { CliDeps } from '../cli-deps';
import type { ClusterSteps } from './matrix';
import { RUN_EXIT, runRunCommand, type RunCommandResult } from './run';

/** Runs `kubeprop run` in-process against one matrix cluster, its report in reportDir. */
export type SuiteRunner = (
  cluster: Pick<MatrixCluster, 'kubeconfig' | 'context'>,
  reportDir: string,
  inputs: MatrixRunInputs,
) => Promise<RunCommandResult>;

/** kind cluster names become Docker container names ("<name>-control-plane"): keep them short. */
const MAX_CLUSTER_NAME = 40;

/** "kindest/node:v1.34.0@sha256:…" → "kubeprop-matrix-kindest-node-v1-34-0". */
export function matrixClusterName(nodeImage: string): string {
  const slug = runDirName(nodeImage)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
  return `kubeprop-matrix-${slug}`.slice(0, MAX_CLUSTER_NAME).replace(/-+$/, '');
}

const IMAGE_VERSION = /:(v\d+\.\d+(?:\.\d+)?)(?:@|$)/;

/**
 * A kind node image's release, from its tag (kind tags node images by Kubernetes version): the
 * version defaults stand for its capabilities until its cluster exists; a cluster whose feature
 * gates say otherwise refuses the common cases and the matrix reports it.
 */
export function nodeImageBasis(nodeImage: string): GenerationBasis {
  const version = IMAGE_VERSION.exec(nodeImage)?.[1];
  if (version === undefined) {
    throw new Error(
      `node image ${nodeImage} has no Kubernetes version in its tag (e.g. kindest/node:v1.34.0@sha256:…): tag it by version`,
    );
  }
  return basisOf(defaultCapabilities(parseServerVersion(version)), nodeImage);
}

/**
 * The steps of `kubeprop matrix`. Node images: a fresh kind cluster per image (a leftover of an
 * interrupted matrix under the same name is deleted first, so the image is the one asked for),
 * removed after its run. Contexts: existing clusters, asked for their capabilities up front and
 * left as they were. Each run is the whole suite in-process with the matrix's seed and basis.
 */
export function matrixSteps(deps: CliDeps, kind = new KindCli(), run?: SuiteRunner): ClusterSteps {
  const runSuite: SuiteRunner =
    run ??
    ((cluster, reportDir, inputs) =>
      runRunCommand(
        {
          kubeconfig: cluster.kubeconfig,
          context: cluster.context,
          report: reportDir,
          seed: String(inputs.seed),
        },
        deps,
        { generation: inputs.generation },
      ));
  const contextBasis = async (
    target: Extract<MatrixTarget, { kind: 'context' }>,
  ): Promise<GenerationBasis> => {
    const started = await deps.startTarget({ kubeconfig: target.kubeconfig, context: target.context });
    try {
      const detected = await detectCapabilities(deps.portFor(started));
      return basisOf(detected.capabilities, `${targetLabel(target)} (${detected.version.gitVersion})`);
    } finally {
      await started.teardown();
    }
  };
  return {
    basisFor: async (target) =>
      target.kind === 'node-image' ? nodeImageBasis(target.nodeImage) : contextBasis(target),
    createCluster: async (target): Promise<MatrixCluster> => {
      if (target.kind === 'context') {
        return { name: target.context, target, kubeconfig: target.kubeconfig, context: target.context };
      }
      const name = matrixClusterName(target.nodeImage);
      if ((await kind.clusters()).includes(name)) await kind.deleteCluster(name);
      await kind.ensureCluster({ name, configPath: KIND_CONFIG_PATH, nodeImage: target.nodeImage });
      const kubeconfig = join(mkdtempSync(join(tmpdir(), 'kubeprop-matrix-')), 'kubeconfig');
      writeFileSync(kubeconfig, await kind.kubeconfig(name), { mode: 0o600 });
      return { name, target, kubeconfig };
    },
    runConformance: async (cluster, outDir, inputs) => {
      const { exitCode, reportPath } = await runSuite(cluster, outDir, inputs);
      // A confirmed failure is a result to compare; anything else left no comparable report.
      if (reportPath === undefined || (exitCode !== RUN_EXIT.ok && exitCode !== RUN_EXIT.failed))
        throw new Error(`kubeprop run exited ${exitCode}`);
      return reportPath;
    },
    deleteCluster: async (cluster) => {
      if (cluster.target.kind === 'context') return;
      try {
        await kind.deleteCluster(cluster.name);
      } finally {
        if (cluster.kubeconfig !== undefined)
          rmSync(join(cluster.kubeconfig, '..'), { recursive: true, force: true });
      }
    },
  };
}
