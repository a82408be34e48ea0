import type {
  CoreV1Event,
  V1Namespace,
  V1NetworkPolicy,
  V1Node,
  V1Pod,
  V1PodStatus,
  V1Status,
} from '@kubernetes/client-node';
import type { ServerVersion } from '../../model/capabilities';
import type { Clock } from '../clock';
import type { ManagedObject } from '../cluster-port';

/**
 * The seams inside the in-memory fake cluster. fake-cluster.ts is the API server (object store,
 * resourceVersions, watches, fault injection, namespace lifecycle); it delegates pod behaviour to a
 * FakeKubelet and admission to FakeAdmission plugins, so each can be written and tested on its own.
 */

/** A clock whose time advances only when told to (or when everything else is waiting). */
export interface VirtualClock extends Clock {
  /** Runs fn at now() + ms (virtual). Returns a cancel function. */
  schedule(ms: number, fn: () => void): () => void;
}

/** What the kubelet simulation may do to the cluster state. */
export interface KubeletContext {
  clock: VirtualClock;
  nodes(): V1Node[];
  /** Replaces the pod's status (a MODIFIED watch event follows). */
  setPodStatus(namespace: string, name: string, status: V1PodStatus): void;
  /** Sets spec.nodeName (binding). */
  bindPod(namespace: string, name: string, node: string): void;
  /** Records an event on the pod (reason, message, type, involvedObject.fieldPath). */
  emitEvent(namespace: string, event: CoreV1Event): void;
  /** Appends a log line for a container with the runtime timestamp (epoch ms). */
  appendLog(namespace: string, pod: string, container: string, runtimeTime: number, text: string): void;
  /** The kubelet finished stopping a deleted pod: the API server may remove it (finalizers permitting). */
  podTerminated(namespace: string, name: string): void;
  readPod(namespace: string, name: string): V1Pod | undefined;
  /** Optional: every NetworkPolicy in the store, for the simulated data plane behind exec. */
  networkPolicies?(): V1NetworkPolicy[];
  /** Optional: the release the control plane serves (the kubelet is the same release); latest when absent. */
  serverVersion?(): ServerVersion;
  /** Optional: a namespace (its labels select NetworkPolicy peers). */
  namespace?(name: string): V1Namespace | undefined;
}

export interface FakeKubelet {
  /** A pod was created (after admission). */
  podCreated(pod: V1Pod, context: KubeletContext): void;
  /** A graceful delete set deletionTimestamp with this grace period. */
  podDeleting(pod: V1Pod, gracePeriodSeconds: number, context: KubeletContext): void;
  /** Runs a command in a container (NetworkPolicy probes). */
  exec(
    namespace: string,
    pod: string,
    container: string,
    command: string[],
  ): { exitCode: number; output: string };
}

/** Annotations a plugin adds to the request's audit event (admission.Attributes AddAnnotation), never to the object. */
type AuditAnnotations = { auditAnnotations?: Record<string, string> };

export type AdmissionDecision =
  | ({ allowed: true; object: ManagedObject; warnings: string[] } & AuditAnnotations)
  | ({ allowed: false; status: number; body: V1Status; warnings: string[] } & AuditAnnotations);

/** Read access to cluster state that admission plugins need (quota usage, namespace labels). */
export interface AdmissionContext {
  namespace(name: string): V1Namespace | undefined;
  objects(namespace: string): ManagedObject[];
  pods(namespace: string): V1Pod[];
}

export interface FakeAdmission {
  name: string;
  /** May mutate (LimitRange defaults) by returning a changed object, or reject. */
  admit(namespace: string, object: ManagedObject, context: AdmissionContext): AdmissionDecision;
}
