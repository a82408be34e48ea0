import type { ManagedObject } from '../../harness/cluster-port';
import type { NetpolChange } from './networkpolicy';

export interface ManifestOptions {
  /** The busybox image every container runs. */
  image: string;
  /** The server image (agnhost) of containers with a server program; absent where the target has none. */
  serverImage?: string;
  namespace: string;
  /** Labels every object gets (managed-by, run id, case id). */
  labels: Record<string, string>;
  /** httpGet postStart hooks go to the hook handler pod (generators/manifests/hook-handler-pod.ts). */
  hookHandler?: boolean;
}

export interface CaseManifests {
  /** Labels the case's namespace needs (Pod Security). */
  namespaceLabels: Record<string, string>;
  /** In creation order: policies and Services first, then pods. */
  objects: ManagedObject[];
  /** NetworkPolicy: the change made between the two probe matrices (networkpolicy/updated-reachability). */
  netpolChange?: NetpolChange;
}
