// @ts-nocheck
import type { ServerVersion } from '../model/capabilities';
import { ClusterError } from './cluster-error';
import type { ClusterPort } from './cluster-port';
import { environmentProblem, type UserFacingError } from './errors';
import { KubeCluster } from './kube-cluster';
import { isTlsErrorCode, networkErrorCode } from './kube-cluster-errors';
import { loadKubeconfig, type KubeconfigOptions, type LoadedKubeconfig } from './kubeconfig';

/** Where a connection attempt went, for messages. */
export interface ClusterAddress {
  server: string;
  context: string;
  user: string;
}

/** Turns a failed first call to a cluster into one message naming the problem and the fix. */
export function explainConnectionFailure(
  error: unknown,
  address: ClusterAddress,
): UserFacingError | undefined {
  if (!(error instanceof ClusterError)) return undefined;
  const where = `the API server ${address.server} (context "${address.context}")`;
  if (error.kind === 'unauthorized') {
    return environmentProblem(
      `${where} rejected the credentials of user "${address.user}" (401): refresh them (e.g. "kind export kubeconfig --name <cluster>" or log in again)`,
      error,
    );
  }
  if (error.kind === 'forbidden') {
    return environmentProblem(
      `${where} denied user "${address.user}" (403): bind the ClusterRole in deploy/rbac.yaml to this identity`,
      error,
    );
  }
  if (error.kind !== 'unreachable' && error.kind !== 'transient') return undefined;
  const code = networkErrorCode(error);
  if (code === 'ECONNREFUSED') {
    return environmentProblem(
      `cannot reach ${where}: connection refused. Start the cluster (e.g. "kubeprop cluster up") or pick another with --context`,
      error,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    const host = safeHost(address.server);
    return environmentProblem(
      `cannot reach ${where}: host name "${host}" does not resolve (DNS). Check the server address in the kubeconfig and your network or VPN`,
      error,
    );
  }
  if (isTlsErrorCode(code)) {
    return environmentProblem(
      `TLS with ${where} failed (${code}): the kubeconfig's certificate-authority does not match the server. Re-export the kubeconfig (e.g. "kind export kubeconfig --name <cluster>")`,
      error,
    );
  }
  return environmentProblem(
    `cannot reach ${where}: ${code ?? error.message}. Check that the cluster is running and reachable from here`,
    error,
  );
}

function safeHost(server: string): string {
  try {
    return new URL(server).hostname;
  } catch {
    return server;
  }
}

/** Asks /version once; a failure becomes the UserFacingError that explains it. */
export async function verifyReachable(port: ClusterPort, address: ClusterAddress): Promise<ServerVersion> {
  try {
    return await port.serverVersion();
  } catch (error) {
    throw explainConnectionFailure(error, address) ?? error;
  }
}

export interface ConnectedCluster {
  cluster: KubeCluster;
  version: ServerVersion;
  kubeconfig: LoadedKubeconfig;
}

/** Loads the kubeconfig, builds the adapter and proves the server answers with these credentials. */
export async function connectCluster(options: KubeconfigOptions = {}): Promise<ConnectedCluster> {
  const kubeconfig = loadKubeconfig(options);
  const cluster = new KubeCluster(kubeconfig.kubeConfig);
  const version = await verifyReachable(cluster, kubeconfig);
  return { cluster, version, kubeconfig };
}
