import type { CoreV1Event, V1EndpointSlice, V1Pod, V1ResourceQuota, V1Status } from '@kubernetes/client-node';

/**
 * The fields kubeprop reads of an audit.k8s.io/v1 Event, one JSON line of the API server's audit log
 * (staging/src/k8s.io/apiserver/pkg/apis/audit/v1/types.go Event). Timestamps are RFC 3339 strings.
 */
export interface AuditEvent {
  auditID: string;
  stage: string;
  verb: string;
  objectRef?: { resource?: string; subresource?: string; namespace?: string; name?: string };
  responseStatus?: { code?: number };
  requestReceivedTimestamp?: string;
  stageTimestamp?: string;
  annotations?: Record<string, string>;
}

/**
 * The raw record of one case as the harness saw it, in arrival order: the same kinds as the
 * recordings in ../shared/recordings. `t` is the harness's clock in epoch milliseconds.
 * Observation reducers (harness/observe/) turn a trace into an Observation, so recorded traces
 * can be re-reduced and re-judged offline.
 */
export type TraceEntry =
  | { kind: 'action'; t: number; action: string; target?: string; gracePeriodSeconds?: number }
  | {
      kind: 'actionResult';
      t: number;
      action: string;
      target: string;
      ok: boolean;
      /** HTTP status of a rejected call. */
      status?: number;
      /** The API's Status body of a rejected call. */
      body?: V1Status;
      /** Warning headers returned by the API server (Pod Security warn mode). */
      warnings?: string[];
      /** The object returned by a successful create. */
      object?: unknown;
    }
  | { kind: 'podWatch'; t: number; type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: V1Pod }
  | { kind: 'event'; t: number; event: CoreV1Event }
  | {
      kind: 'log';
      t: number;
      pod: string;
      container: string;
      /** The runtime's timestamp of the line (epoch milliseconds, sub-millisecond kept as a fraction). */
      runtimeTime: number;
      text: string;
    }
  /** A pod read at a step (e.g. to see its final statuses). */
  | { kind: 'podSnapshot'; t: number; object: V1Pod }
  | { kind: 'quota'; t: number; object: V1ResourceQuota }
  | { kind: 'endpointSlice'; t: number; type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: V1EndpointSlice }
  | {
      kind: 'reachability';
      t: number;
      from: string;
      to: string;
      port: number;
      protocol: 'TCP' | 'UDP' | 'SCTP';
      connected: boolean;
    }
  | { kind: 'waitDone'; t: number; what: string }
  | { kind: 'waitTimeout'; t: number; what: string; lastSeen: string }
  /** Something made the record unreliable (dropped watch not resumed, log stream cut). */
  | { kind: 'gap'; t: number; what: string }
  /**
   * The harness could not observe the case to its end (an API error not overcome, the case deadline,
   * an interrupt, a wait the plan cannot go on without): the case is inconclusive whatever its fields say.
   */
  | { kind: 'unobservable'; t: number; reason: string }
  /**
   * The API server audit log's events for the case's namespace (Pod Security audit annotations reach
   * only that log), or why the log could not be read on this target.
   */
  | { kind: 'auditEvents'; t: number; namespace: string; events: AuditEvent[]; unavailable?: string };

export type Trace = TraceEntry[];
