import { environmentProblem } from '../errors';
import { DEFAULT_K3S_IMAGE } from './k3s';
import { DEFAULT_KIND_CLUSTER, KIND_CONFIG_PATH } from './kind';

/** Which cluster a run uses, decided before anything is started. */
export type TargetPlan =
  | { kind: 'kubeconfig'; kubeconfig?: string; context?: string; auditLog?: string }
  | { kind: 'kind'; name: string; configPath: string; nodeImage?: string; auditLog?: string }
  | { kind: 'k3s'; image: string };

export interface TargetRequest {
  kubeconfig?: string;
  context?: string;
  env?: NodeJS.ProcessEnv;
  kindName?: string;
  kindConfig?: string;
  nodeImage?: string;
  k3sImage?: string;
  /** The API server's audit log as a file this machine reads (--audit-log). */
  auditLog?: string;
}

/** Environment probes, injected so the selection is tested without kind or Docker. */
export interface TargetProbes {
  kindInstalled(): Promise<boolean>;
  dockerReachable(): Promise<boolean>;
}

/**
 * Explicit kubeconfig/context (flags or KUBECONFIG) → that cluster; else kind → a kind cluster from
 * kind-config.yaml; else Docker → k3s through testcontainers; else one message saying what to install.
 * A bare ~/.kube/config is never used implicitly: its current context may be a cluster nobody
 * meant to run conformance pods on.
 */
export async function selectTarget(request: TargetRequest, probes: TargetProbes): Promise<TargetPlan> {
  const env = request.env ?? process.env;
  if (request.kubeconfig !== undefined || request.context !== undefined || env.KUBECONFIG) {
    return {
      kind: 'kubeconfig',
      kubeconfig: request.kubeconfig,
      context: request.context,
      ...(request.auditLog ? { auditLog: request.auditLog } : {}),
    };
  }
  const [kind, docker] = await Promise.all([probes.kindInstalled(), probes.dockerReachable()]);
  if (kind && docker) {
    return {
      kind: 'kind',
      name: request.kindName ?? DEFAULT_KIND_CLUSTER,
      configPath: request.kindConfig ?? KIND_CONFIG_PATH,
      ...(request.nodeImage ? { nodeImage: request.nodeImage } : {}),
      ...(request.auditLog ? { auditLog: request.auditLog } : {}),
    };
  }
  if (docker) return { kind: 'k3s', image: request.k3sImage ?? DEFAULT_K3S_IMAGE };
  if (kind) {
    throw environmentProblem(
      'kind is installed but Docker is not reachable: start Docker, or pass --kubeconfig/--context for an existing cluster',
    );
  }
  throw environmentProblem(
    'no cluster to test against: pass --kubeconfig/--context for an existing cluster, or install Docker (kubeprop then starts k3s) and kind (https://kind.sigs.k8s.io/docs/user/quick-start/#installation)',
  );
}
