import { spawnSync } from 'node:child_process';
import { KubeConfig } from '@kubernetes/client-node';
import type { ServerVersion } from '../model/capabilities';
import { auditLogForContext } from './audit-log';
import type { ClusterPort } from './cluster-port';
import { UserFacingError } from './errors';
import { KubeCluster } from './kube-cluster';
import { verifyReachable } from './kubeconfig-check';
import { loadKubeconfig } from './kubeconfig';
import { DEFAULT_KIND_CLUSTER, KIND_CONFIG_PATH, KindCli } from './targets/kind';

export type LiveCluster =
  { port: ClusterPort; version: ServerVersion; description: string } | { skipReason: string };

/** How long /version may take before the cluster counts as unreachable (a black-holed address hangs). */
export const REACHABILITY_TIMEOUT_MS = 5_000;

const HOW_TO_ENABLE = 'set KUBECONFIG or KUBEPROP_KIND=1';

function skip(reason: string): { skipReason: string } {
  return { skipReason: `live cluster tests skipped: ${reason} (${HOW_TO_ENABLE})` };
}

function reasonOf(error: unknown): string {
  if (error instanceof UserFacingError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function kindKubeConfig(
  env: NodeJS.ProcessEnv,
): Promise<{ kubeConfig: KubeConfig; description: string }> {
  const kind = new KindCli();
  const name = env.KUBEPROP_KIND_NAME ?? DEFAULT_KIND_CLUSTER;
  await kind.ensureCluster({ name, configPath: KIND_CONFIG_PATH, nodeImage: env.KUBEPROP_NODE_IMAGE });
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromString(await kind.kubeconfig(name));
  return { kubeConfig, description: `kind cluster ${name}` };
}

/**
 * The cluster live tests and property suites run against: a kind cluster from kind-config.yaml when
 * KUBEPROP_KIND=1 (created if missing, kept afterwards), else the kubeconfig (KUBECONFIG or
 * ~/.kube/config, current context) if its server answers /version; otherwise a one-line reason.
 */
export async function findLiveCluster(env: NodeJS.ProcessEnv = process.env): Promise<LiveCluster> {
  let kubeConfig: KubeConfig;
  let description: string;
  try {
    if (env.KUBEPROP_KIND === '1') {
      ({ kubeConfig, description } = await kindKubeConfig(env));
    } else {
      const loaded = loadKubeconfig({ env });
      kubeConfig = loaded.kubeConfig;
      description = `context ${loaded.context}`;
    }
  } catch (error) {
    return skip(`no cluster reachable: ${reasonOf(error)}`);
  }
  // KUBEPROP_AUDIT_LOG names a readable audit log file; a kind context ("kind-<cluster>") gets the kind reader.
  const auditLog = auditLogForContext(kubeConfig.getCurrentContext(), undefined, env.KUBEPROP_AUDIT_LOG);
  const port = new KubeCluster(kubeConfig, { auditLog });
  const address = {
    server: port.server,
    context: kubeConfig.getCurrentContext(),
    user: kubeConfig.getCurrentUser()?.name ?? '',
  };
  try {
    const version = await withTimeout(
      verifyReachable(port, address),
      REACHABILITY_TIMEOUT_MS,
      address.server,
    );
    return { port, version, description };
  } catch (error) {
    return skip(`no cluster reachable: ${reasonOf(error)}`);
  }
}

/**
 * The same decision, synchronously, for test files that must choose describe or describe.skip at
 * load time: without a kubeconfig (or KUBEPROP_KIND) it answers at once; otherwise it asks a child
 * process to run findLiveCluster.
 */
export function findLiveClusterSync(env: NodeJS.ProcessEnv = process.env): { skipReason?: string } {
  if (env.KUBEPROP_KIND !== '1') {
    try {
      loadKubeconfig({ env });
    } catch (error) {
      return skip(`no cluster reachable: ${reasonOf(error)}`);
    }
  }
  const child = spawnSync(process.execPath, ['--import', 'tsx', __filename], {
    env,
    encoding: 'utf8',
    // Creating a kind cluster takes minutes; a reachability check takes seconds.
    timeout: env.KUBEPROP_KIND === '1' ? 600_000 : 60_000,
  });
  const lastLine = child.stdout?.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(lastLine) as { skipReason?: string };
  } catch {
    return skip(
      `the reachability check failed: ${(child.stderr ?? '').trim().split('\n').pop() ?? child.error?.message}`,
    );
  }
}

if (require.main === module) {
  void findLiveCluster().then((found) => {
    const answer = JSON.stringify('skipReason' in found ? { skipReason: found.skipReason } : {});
    // Exit at once: idle keep-alive handles of the HTTP client would hold the parent for seconds.
    process.stdout.write(`${answer}\n`, () => process.exit(0));
  });
}
