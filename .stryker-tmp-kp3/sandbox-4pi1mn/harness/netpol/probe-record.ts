// @ts-nocheck
import type { TraceEntry } from '../../model/trace';

/**
 * A probe that could not run (exec failed) is recorded as a `gap` whose `what` names the cell, so
 * the reducer reports the cell as missing (inconclusive) rather than as blocked.
 */
const PROBE_GAP_PREFIX = 'probe ';
const SEPARATOR = ': ';

export function probeGap(t: number, cell: string, message: string): TraceEntry {
  return { kind: 'gap', t, what: `${PROBE_GAP_PREFIX}${cell}${SEPARATOR}${message}` };
}

/** The cell and message of a probe gap, or undefined for other gaps. */
export function parseProbeGap(what: string): { cell: string; message: string } | undefined {
  if (!what.startsWith(PROBE_GAP_PREFIX)) return undefined;
  const rest = what.slice(PROBE_GAP_PREFIX.length);
  const at = rest.indexOf(SEPARATOR);
  if (at < 0) return undefined;
  return { cell: rest.slice(0, at), message: rest.slice(at + SEPARATOR.length) };
}
