/**
 * Parses `Warning` response headers. The API server writes each warning as `299 - "<text>"` with `"`
 * and `\` escaped (apimachinery pkg/util/net/http.go NewWarningHeader); the HTTP client joins
 * repeated headers with ", ", so commas inside quotes must not split.
 */
// @ts-nocheck

export function parseWarningHeader(value: string | undefined): string[] {
  if (!value) return [];
  const warnings: string[] = [];
  const entry = /\s*(\d{3})\s+(\S+)\s+"((?:[^"\\]|\\.)*)"(?:\s+"[^"]*")?\s*(?:,|$)/y;
  let index = 0;
  while (index < value.length) {
    entry.lastIndex = index;
    const match = entry.exec(value);
    if (!match) break;
    warnings.push(match[3].replace(/\\(.)/g, '$1'));
    index = entry.lastIndex;
  }
  return warnings;
}

/** Finds the Warning header in a plain header map whatever its case. */
export function warningsFromHeaders(headers: Record<string, string> | undefined): string[] {
  if (!headers) return [];
  const key = Object.keys(headers).find((name) => name.toLowerCase() === 'warning');
  return key === undefined ? [] : parseWarningHeader(headers[key]);
}
