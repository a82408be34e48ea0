import type { ClusterPort } from './cluster-port';

/**
 * Cases that patch a node's extended-resource capacity share the node: one case's patch (or its
 * cleanup restoring the old value) and its pods' consumption would change what a concurrent case
 * sees. Such cases hold this lock, per cluster, from before the patch until their cleanup is done.
 */
const tails = new WeakMap<ClusterPort, Promise<void>>();

/** Waits for the cluster's node-capacity lock; resolves to the function that releases it. */
export async function acquireNodeCapacityLock(port: ClusterPort): Promise<() => void> {
  const previous = tails.get(port) ?? Promise.resolve();
  let release!: () => void;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  tails.set(
    port,
    previous.then(() => held),
  );
  await previous;
  return release;
}
