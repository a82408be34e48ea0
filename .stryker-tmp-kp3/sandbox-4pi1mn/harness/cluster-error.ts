/** What went wrong talking to a cluster, classified so retry and messages are uniform across adapters. */
// @ts-nocheck

export type ClusterErrorKind =
  /** 429, 5xx, timeouts, connection resets: worth retrying with backoff. */
  | 'transient'
  /** 409 Conflict on an update: re-read and retry. */
  | 'conflict'
  | 'notFound'
  | 'alreadyExists'
  /** 401: credentials rejected. */
  | 'unauthorized'
  /** 403 from RBAC (not an admission rejection, which create() returns as a result). */
  | 'forbidden'
  /** 410: a watch's resourceVersion is too old. */
  | 'gone'
  | 'unreachable'
  | 'invalid';

export class ClusterError extends Error {
  constructor(
    readonly kind: ClusterErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ClusterError';
  }

  get retryable(): boolean {
    return this.kind === 'transient' || this.kind === 'conflict';
  }
}
