// @ts-nocheck
import { ApiException, type V1Status } from '@kubernetes/client-node';
import { ClusterError, type ClusterErrorKind } from './cluster-error';

/** Network error codes that mean "the connection broke": worth retrying. */
const TRANSIENT_CODES = new Set([
  'ETIMEDOUT',
  'ECONNRESET',
  'EPIPE',
  'ECONNABORTED',
  'ESOCKETTIMEDOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
]);
/** TLS failures: the server answered but its certificate does not match the kubeconfig. */
const TLS_CODE =
  /^(CERT_|ERR_TLS_|ERR_SSL_|EPROTO$|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_)/;

/** The network error code (ECONNREFUSED, CERT_HAS_EXPIRED, ...) anywhere in an error's cause chain. */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return undefined;
}

export function isTlsErrorCode(code: string | undefined): boolean {
  return code !== undefined && TLS_CODE.test(code);
}

/** Parses the raw JSON body of an ApiException into a Status; a non-JSON body becomes its message. */
export function statusFromBody(body: unknown, code: number): V1Status {
  if (typeof body === 'object' && body !== null) return body as V1Status;
  if (typeof body === 'string' && body.length > 0) {
    try {
      const parsed: unknown = JSON.parse(body);
      if (typeof parsed === 'object' && parsed !== null) return parsed as V1Status;
    } catch {
      // Not JSON (e.g. a proxy's HTML page): keep the text as the message.
    }
    return { code, message: body.slice(0, 500) };
  }
  return { code };
}

function kindForStatus(code: number, status: V1Status): ClusterErrorKind {
  if (code === 429 || code >= 500) return 'transient';
  switch (code) {
    case 400:
    case 422:
      return 'invalid';
    case 401:
      return 'unauthorized';
    case 403:
      return 'forbidden';
    case 404:
      return 'notFound';
    case 409:
      return status.reason === 'AlreadyExists' ? 'alreadyExists' : 'conflict';
    case 410:
      return 'gone';
    default:
      return 'invalid';
  }
}

/** Maps anything client-node throws into a ClusterError; `what` names the call for the message. */
export function toClusterError(error: unknown, what: string): ClusterError {
  if (error instanceof ClusterError) return error;
  if (error instanceof ApiException) {
    const code = Number(error.code);
    const status = statusFromBody(error.body, code);
    const result = new ClusterError(
      kindForStatus(code, status),
      `${what}: ${code} ${status.reason ?? ''} ${status.message ?? ''}`.replace(/\s+/g, ' ').trim(),
      code,
    );
    result.cause = error;
    return result;
  }
  // Watch reports a non-200 answer as an Error with statusCode.
  const statusCode = (error as { statusCode?: unknown } | undefined)?.statusCode;
  if (typeof statusCode === 'number') {
    const result = new ClusterError(kindForStatus(statusCode, {}), `${what}: ${statusCode}`, statusCode);
    result.cause = error;
    return result;
  }
  const code = networkErrorCode(error);
  const text = error instanceof Error ? error.message : String(error);
  // Without a known network code the client could not send the request as configured (bad server
  // URL, unsupported auth): retrying would not help.
  const kind: ClusterErrorKind =
    code !== undefined && TRANSIENT_CODES.has(code) ? 'transient' : 'unreachable';
  const result = new ClusterError(kind, `${what}: ${code ? `${code} ` : ''}${text}`);
  result.cause = error;
  return result;
}

/**
 * A 403 from the authorizer reads `... is forbidden: User "x" cannot create resource "pods" ...`
 * (apiserver endpoints/handlers/responsewriters forbiddenMessage); any other 403 on create comes from
 * an admission plugin (ResourceQuota "exceeded quota", PodSecurity "violates PodSecurity",
 * LimitRanger "maximum cpu usage") and is a result to record, not a failure of kubeprop.
 */
export function isRbacDenial(status: V1Status): boolean {
  return /\bUser "[^"]*"(?: groups \[[^\]]*\])? cannot \S+/.test(status.message ?? '');
}
