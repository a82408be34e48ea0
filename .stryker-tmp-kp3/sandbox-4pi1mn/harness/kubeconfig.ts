// @ts-nocheck
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { KubeConfig } from '@kubernetes/client-node';
import { badInput, environmentProblem } from './errors';

export interface KubeconfigOptions {
  /** --kubeconfig: one file. */
  kubeconfig?: string;
  /** --context: a context name in the loaded config. */
  context?: string;
  env?: NodeJS.ProcessEnv;
  homeDir?: string;
}

export interface LoadedKubeconfig {
  kubeConfig: KubeConfig;
  /** The file(s) it came from, for messages. */
  source: string;
  context: string;
  server: string;
  user: string;
}

/**
 * Loads a kubeconfig the way kubectl picks one: --kubeconfig, else KUBECONFIG (a path list, merged
 * with the first file's current-context winning), else ~/.kube/config; then selects --context or the
 * current context. Every failure is one UserFacingError naming the problem and the fix.
 */
export function loadKubeconfig(options: KubeconfigOptions = {}): LoadedKubeconfig {
  const env = options.env ?? process.env;
  const files = kubeconfigFiles(options, env);
  const source = files.join(path.delimiter);
  let merged: KubeConfig | undefined;
  for (const file of files) {
    const single = new KubeConfig();
    try {
      single.loadFromFile(file);
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw badInput(
        `kubeconfig ${file} does not parse (${reason}): fix the file or pass another with --kubeconfig`,
        error,
      );
    }
    if (merged === undefined) merged = single;
    else merged.mergeConfig(single, true);
  }
  const kubeConfig = merged ?? new KubeConfig();
  const names = kubeConfig.getContexts().map((context) => context.name);
  const available = names.length > 0 ? `available: ${names.join(', ')}` : 'it defines no contexts';
  const context = options.context ?? kubeConfig.getCurrentContext();
  if (!context) {
    throw badInput(`kubeconfig ${source} has no current-context (${available}): pass --context <name>`);
  }
  const contextObject = kubeConfig.getContextObject(context);
  if (!contextObject) {
    throw badInput(
      `context "${context}" is not in kubeconfig ${source} (${available}): pass one with --context`,
    );
  }
  kubeConfig.setCurrentContext(context);
  const cluster = kubeConfig.getCurrentCluster();
  if (!cluster) {
    throw badInput(
      `context "${context}" in ${source} names cluster "${contextObject.cluster}", which the file does not define: fix the kubeconfig`,
    );
  }
  return { kubeConfig, source, context, server: cluster.server, user: contextObject.user };
}

function kubeconfigFiles(options: KubeconfigOptions, env: NodeJS.ProcessEnv): string[] {
  if (options.kubeconfig !== undefined) {
    if (!existsSync(options.kubeconfig)) {
      throw badInput(
        `kubeconfig file ${options.kubeconfig} does not exist: pass an existing file with --kubeconfig`,
      );
    }
    return [options.kubeconfig];
  }
  const fromEnv = env.KUBECONFIG;
  if (fromEnv) {
    const listed = fromEnv.split(path.delimiter).filter((entry) => entry.length > 0);
    const present = listed.filter((entry) => existsSync(entry));
    if (present.length === 0) {
      throw badInput(`KUBECONFIG=${fromEnv} names no existing file: fix KUBECONFIG or pass --kubeconfig`);
    }
    return present;
  }
  const fallback = path.join(options.homeDir ?? homedir(), '.kube', 'config');
  if (!existsSync(fallback)) {
    throw environmentProblem(
      `no kubeconfig: ${fallback} does not exist and KUBECONFIG is not set. Create a cluster with "kubeprop cluster up" or pass --kubeconfig`,
    );
  }
  return [fallback];
}
