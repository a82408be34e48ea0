/**
 * Removes credentials from anything written into a report: reports are uploaded as CI artifacts, and
 * traces carry whatever the API and the containers said. Field names that hold secrets have their
 * string values replaced; secret-looking text inside any string is replaced too.
 */
// @ts-nocheck

export const REDACTED = '[redacted]';

/** Keys whose string values are credentials (kubeconfig user fields, headers, generic secrets). */
const SECRET_KEY =
  /^(?:.*token|password|passwd|secret|client[-_]?key[-_]?data|client[-_]?certificate[-_]?data|authorization|api[-_]?key)$/i;

const SECRET_TEXT: readonly RegExp[] = [
  // HTTP bearer credentials (RFC 6750 b64token).
  /\bBearer\s+[A-Za-z0-9\-._~+/]+=*/g,
  // PEM private keys and certificates (client key/cert data pasted as text).
  /-----BEGIN [A-Z ]*(?:PRIVATE KEY|CERTIFICATE)-----[\s\S]*?-----END [A-Z ]*(?:PRIVATE KEY|CERTIFICATE)-----/g,
  // JSON Web Tokens, e.g. service account tokens: base64url header starting {"  ("eyJ").
  /\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g,
];

/** Cheap pre-check: most strings hold none of the markers the patterns start with. */
const MAY_HOLD_SECRET = /Bearer|-----BEGIN|eyJ/;

export function scrubText(text: string): string {
  if (!MAY_HOLD_SECRET.test(text)) return text;
  let result = text;
  for (const pattern of SECRET_TEXT) {
    result = result.replace(pattern, (match) =>
      match.startsWith('Bearer') ? `Bearer ${REDACTED}` : REDACTED,
    );
  }
  return result;
}

/** A deep copy of `value` with credentials replaced; Dates become ISO strings as JSON would make them. */
export function scrubSecrets<T>(value: T): T {
  return scrubValue(value, undefined) as T;
}

function scrubValue(value: unknown, key: string | undefined): unknown {
  if (typeof value === 'string') {
    return key !== undefined && SECRET_KEY.test(key) ? REDACTED : scrubText(value);
  }
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => scrubValue(item, undefined));
  const result: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    if (item !== undefined) result[name] = scrubValue(item, name);
  }
  return result;
}
