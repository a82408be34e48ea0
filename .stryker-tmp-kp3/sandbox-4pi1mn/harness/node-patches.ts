// @ts-nocheck
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { ClusterError } from './cluster-error';
import type { ClusterPort } from './cluster-port';

/**
 * Node capacity patches are the one change kubeprop makes outside its namespaces. Each is recorded
 * in a local file before it is made, with the node's original value, so `kubeprop clean` can put
 * nodes back even after a crash.
 */
export interface NodePatchRecord {
  /** The API server URL: one file serves several clusters. */
  cluster: string;
  node: string;
  resource: string;
  /** The capacity before kubeprop's first patch; null when the resource was absent. */
  original: number | null;
  runId?: string;
}

/** $KUBEPROP_STATE_DIR/node-patches.json, else ~/.kubeprop/node-patches.json. */
export function defaultNodePatchFile(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  return path.join(env.KUBEPROP_STATE_DIR ?? path.join(home, '.kubeprop'), 'node-patches.json');
}

export function readNodePatches(file: string = defaultNodePatchFile()): NodePatchRecord[] {
  if (!existsSync(file)) return [];
  return JSON.parse(readFileSync(file, 'utf8')) as NodePatchRecord[];
}

function writeNodePatches(records: NodePatchRecord[], file: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  // Write then rename, so a crash never leaves half a file.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(records, null, 2)}\n`);
  renameSync(temporary, file);
}

const samePatch = (a: NodePatchRecord, b: Pick<NodePatchRecord, 'cluster' | 'node' | 'resource'>): boolean =>
  a.cluster === b.cluster && a.node === b.node && a.resource === b.resource;

/** Records a patch about to be made; the first record of a (cluster, node, resource) keeps the true original. */
export function recordNodePatch(record: NodePatchRecord, file: string = defaultNodePatchFile()): void {
  const records = readNodePatches(file);
  if (records.some((existing) => samePatch(existing, record))) return;
  writeNodePatches([...records, record], file);
}

/** Reads the node's current capacity, records it, then patches: what the executor should call. */
export async function patchNodeCapacityRecorded(
  port: ClusterPort,
  target: { cluster: string; node: string; resource: string; count: number | null; runId?: string },
  file: string = defaultNodePatchFile(),
): Promise<void> {
  const node = (await port.listNodes()).find((entry) => entry.metadata?.name === target.node);
  if (!node) throw new ClusterError('notFound', `node ${target.node} not found`, 404);
  const current = node.status?.capacity?.[target.resource];
  recordNodePatch(
    {
      cluster: target.cluster,
      node: target.node,
      resource: target.resource,
      original: current === undefined ? null : Number.parseInt(current, 10),
      ...(target.runId ? { runId: target.runId } : {}),
    },
    file,
  );
  await port.patchNodeCapacity(target.node, target.resource, target.count);
}

/**
 * Puts recorded nodes back to their original capacity (for one run, or all runs) and forgets
 * those records; a node that no longer exists needs no restoring.
 */
export async function restoreNodePatches(
  port: ClusterPort,
  options: { cluster: string; runId?: string; file?: string },
): Promise<NodePatchRecord[]> {
  const file = options.file ?? defaultNodePatchFile();
  const restored: NodePatchRecord[] = [];
  for (const record of readNodePatches(file)) {
    if (record.cluster !== options.cluster) continue;
    if (options.runId !== undefined && record.runId !== options.runId) continue;
    try {
      await port.patchNodeCapacity(record.node, record.resource, record.original);
    } catch (error) {
      if (!(error instanceof ClusterError && error.kind === 'notFound')) throw error;
    }
    restored.push(record);
    // Rewrite after each node so an interrupted restore does not restore twice.
    writeNodePatches(
      readNodePatches(file).filter((entry) => !samePatch(entry, record)),
      file,
    );
  }
  return restored;
}
