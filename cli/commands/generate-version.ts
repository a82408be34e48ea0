import { environmentProblem } from '../../harness/errors';
import { connectCluster } from '../../harness/kubeconfig-check';
import { OLDEST_VERSION, parseServerVersion, type ServerVersion } from '../../model/capabilities';

export interface VersionRequest {
  serverVersion?: string;
  kubeconfig?: string;
  context?: string;
}

/** The version a cluster reports, and how it was reached (for the message). */
export type ClusterVersion = (request: {
  kubeconfig?: string;
  context?: string;
  env: NodeJS.ProcessEnv;
}) => Promise<{ version: ServerVersion; where: string }>;

/** The version `generate` generates for, and a phrase saying where it came from. */
export interface TargetVersion {
  version: ServerVersion;
  source: string;
}

/** How long /version may take before the cluster counts as unreachable (a black-holed address hangs). */
const VERSION_TIMEOUT_MS = 10_000;

/** Asks the cluster's /version through the ClusterPort adapter (harness/kube-cluster.ts). */
export const versionFromCluster: ClusterVersion = async (request) => {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          environmentProblem(
            `the cluster did not answer /version within ${VERSION_TIMEOUT_MS / 1000} s: check it is reachable, or pass --server-version v1.N instead`,
          ),
        ),
      VERSION_TIMEOUT_MS,
    );
  });
  try {
    const { version, kubeconfig } = await Promise.race([connectCluster(request), timeout]);
    return { version, where: `context "${kubeconfig.context}", ${kubeconfig.server}` };
  } finally {
    clearTimeout(timer);
  }
};

/**
 * --server-version wins; else the cluster's version when --kubeconfig, --context or KUBECONFIG
 * names one; else the oldest supported version, whose objects every supported release accepts.
 * A bad --server-version throws the parser's message; an unreachable cluster a UserFacingError.
 */
export async function targetVersion(
  request: VersionRequest,
  env: NodeJS.ProcessEnv,
  clusterVersion: ClusterVersion = versionFromCluster,
): Promise<TargetVersion> {
  if (request.serverVersion !== undefined) {
    return { version: parseServerVersion(request.serverVersion), source: '--server-version' };
  }
  if (request.kubeconfig !== undefined || request.context !== undefined || env.KUBECONFIG) {
    const { version, where } = await clusterVersion({
      kubeconfig: request.kubeconfig,
      context: request.context,
      env,
    });
    return { version, source: `the cluster's version (${where})` };
  }
  return {
    version: OLDEST_VERSION,
    source:
      'no cluster or --server-version given: the oldest supported version, so the objects apply on every supported release; pass --kubeconfig/--context or --server-version for newer features',
  };
}
