// @ts-nocheck
import type { CoreV1Event, V1EndpointSlice, V1Pod, V1ResourceQuota, V1Status } from '@kubernetes/client-node';

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
      protocol: 'TCP' | 'UDP';
      connected: boolean;
    }
  | { kind: 'waitDone'; t: number; what: string }
  | { kind: 'waitTimeout'; t: number; what: string; lastSeen: string }
  /** Something made the record unreliable (dropped watch not resumed, log stream cut). */
  | { kind: 'gap'; t: number; what: string };

export type Trace = TraceEntry[];
