/**
 * Instants in traces are epoch milliseconds. API objects carry Dates (client-node) or RFC 3339 strings
 * (JSON reports, recordings) with one-second resolution; runtime log timestamps are RFC 3339 with
 * nanoseconds, which Date.parse would truncate to milliseconds, so the fraction is kept here.
 */
// @ts-nocheck

export function toMillis(value: Date | string | undefined | null): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (value instanceof Date) return value.getTime();
  return parseRfc3339Nano(value);
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2})(?:\.(\d+))?(Z|[+-]\d{2}:?\d{2})$/;

/** Parses an RFC 3339 timestamp with up to nanosecond precision into epoch milliseconds (fractional). */
export function parseRfc3339Nano(text: string): number | undefined {
  const match = RFC3339.exec(text.trim());
  if (!match) return undefined;
  const [, base, fraction, zone] = match;
  const whole = Date.parse(`${base.replace(' ', 'T')}${zone}`);
  if (Number.isNaN(whole)) return undefined;
  const fractionMs = fraction ? Number(`0.${fraction}`) * 1000 : 0;
  return whole + fractionMs;
}
