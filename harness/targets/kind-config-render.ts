import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { isMap, isScalar, isSeq, parseDocument } from 'yaml';

/**
 * kind resolves a relative extraMounts hostPath against the directory `kind` runs in
 * (pkg/cluster/internal/providers/docker/create.go planCreation: filepath.Abs), so kind-config.yaml's
 * "./deploy/audit-policy.yaml" works by hand only from the repository root. kubeprop resolves such
 * paths against the config file's own directory instead, so it works from any directory.
 * Returns the rewritten config, or undefined when every hostPath is already absolute.
 */
export function renderKindConfig(text: string, configDir: string): string | undefined {
  const document = parseDocument(text);
  const nodes = document.get('nodes');
  let changed = false;
  if (isSeq(nodes)) {
    for (const node of nodes.items) {
      const mounts = isMap(node) ? node.get('extraMounts') : undefined;
      if (!isSeq(mounts)) continue;
      for (const mount of mounts.items) {
        if (!isMap(mount)) continue;
        const hostPath = mount.get('hostPath', true);
        if (!isScalar(hostPath) || typeof hostPath.value !== 'string' || path.isAbsolute(hostPath.value))
          continue;
        hostPath.value = path.resolve(configDir, hostPath.value);
        changed = true;
      }
    }
  }
  return changed ? document.toString() : undefined;
}

/** How `kind create cluster` gets the config: the file itself, or the rendered text on stdin ("--config -"). */
export interface KindConfigArgument {
  config: string;
  input?: string;
}

/** The --config argument for a config file; a file that cannot be read is passed on for kind to report. */
export async function kindConfigArgument(configPath: string): Promise<KindConfigArgument> {
  let text: string;
  try {
    text = await readFile(configPath, 'utf8');
  } catch {
    return { config: configPath };
  }
  const rendered = renderKindConfig(text, path.dirname(path.resolve(configPath)));
  return rendered === undefined ? { config: configPath } : { config: '-', input: rendered };
}
