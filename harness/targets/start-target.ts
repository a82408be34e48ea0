import { KubeConfig } from '@kubernetes/client-node';
import { auditLogForContext, FileAuditLog, KindAuditLog, type AuditLogReader } from '../audit-log';
import { loadKubeconfig } from '../kubeconfig';
import { systemCommandRunner, type CommandRunner } from './command-runner';
import { startK3s, testcontainersK3s, type K3sStarter } from './k3s';
import { KindCli } from './kind';
import type { TargetPlan, TargetProbes } from './select-target';

export interface StartedTarget {
  kubeConfig: KubeConfig;
  /** For messages: "kind cluster kubeprop", "k3s rancher/k3s:...", "context kind-x". */
  description: string;
  /** Removes what this start created (a k3s container); kind clusters are kept for reuse. */
  teardown(): Promise<void>;
  /** Where the API server audit log can be read (kind clusters); absent elsewhere. */
  auditLog?: AuditLogReader;
}

export interface TargetDeps {
  runner?: CommandRunner;
  k3s?: K3sStarter;
  env?: NodeJS.ProcessEnv;
}

/** Probes backed by the real `kind` and `docker` commands. */
export function systemProbes(runner: CommandRunner = systemCommandRunner): TargetProbes {
  const kind = new KindCli(runner);
  return {
    kindInstalled: () => kind.installed(),
    dockerReachable: async () => {
      try {
        return (await runner.run('docker', ['info', '--format', '{{.ServerVersion}}'])).exitCode === 0;
      } catch {
        return false;
      }
    },
  };
}

/** Turns a plan into a usable kubeconfig, creating a kind cluster or starting k3s when planned. */
export async function startTarget(plan: TargetPlan, deps: TargetDeps = {}): Promise<StartedTarget> {
  switch (plan.kind) {
    case 'kubeconfig': {
      const loaded = loadKubeconfig({ kubeconfig: plan.kubeconfig, context: plan.context, env: deps.env });
      const auditLog = auditLogForContext(loaded.context, deps.runner, plan.auditLog);
      return {
        kubeConfig: loaded.kubeConfig,
        description: `context ${loaded.context}`,
        teardown: async () => undefined,
        ...(auditLog ? { auditLog } : {}),
      };
    }
    case 'kind': {
      const kind = new KindCli(deps.runner);
      await kind.ensureCluster(plan);
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromString(await kind.kubeconfig(plan.name));
      return {
        kubeConfig,
        description: `kind cluster ${plan.name}`,
        teardown: async () => undefined,
        auditLog: plan.auditLog ? new FileAuditLog(plan.auditLog) : new KindAuditLog(plan.name, deps.runner),
      };
    }
    case 'k3s': {
      const running = await startK3s(plan.image, deps.k3s ?? testcontainersK3s);
      const kubeConfig = new KubeConfig();
      kubeConfig.loadFromString(running.kubeconfig);
      return { kubeConfig, description: `k3s ${plan.image}`, teardown: () => running.stop() };
    }
  }
}
