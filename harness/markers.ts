/**
 * Marker lines the container program writes to the main process's stdout, so the container runtime
 * timestamps every step (../shared/recordings/README.md: runtime log timestamps are the precise ones).
 * Hooks write through /proc/1/fd/1 so their markers share the main container log.
 * Format: "kp <marker>[ <argument>]".
 */
export const MARKERS = {
  /** The program's first line: a new container instance begins (its start delay still to come). */
  boot: 'boot',
  started: 'started',
  /** Heartbeat every HEARTBEAT_SECONDS: the last one bounds the instant of a SIGKILL from below. */
  tick: 'tick',
  sigterm: 'sigterm',
  /** "exit <code>": the program is about to exit with code. */
  exit: 'exit',
  postStartStart: 'poststart-start',
  /** "poststart-end <code>". */
  postStartEnd: 'poststart-end',
  preStopStart: 'prestop-start',
  /** "prestop-end <code>". */
  preStopEnd: 'prestop-end',
  /** "http <path>": the container's httpd answered a request (hook or probe). */
  http: 'http',
  readyOn: 'ready-on',
  readyOff: 'ready-off',
  unhealthy: 'unhealthy',
  startupOn: 'startup-on',
  /** "alloc <Mi>". */
  alloc: 'alloc',
  /** "write <Mi>". */
  write: 'write',
} as const;

export type MarkerName = (typeof MARKERS)[keyof typeof MARKERS];

export const MARKER_PREFIX = 'kp ';

/** Heartbeat period of the container program, seconds. */
export const HEARTBEAT_SECONDS = 0.1;

export interface ParsedMarker {
  marker: MarkerName;
  argument?: string;
}

const KNOWN = new Set<string>(Object.values(MARKERS));

/** Parses "kp prestop-end 3" into {marker, argument}; undefined for any other line. */
export function parseMarker(line: string): ParsedMarker | undefined {
  if (!line.startsWith(MARKER_PREFIX)) return undefined;
  const [marker, ...rest] = line.slice(MARKER_PREFIX.length).trim().split(' ');
  if (!KNOWN.has(marker)) return undefined;
  const argument = rest.join(' ');
  return argument ? { marker: marker as MarkerName, argument } : { marker: marker as MarkerName };
}

export function formatMarker(marker: MarkerName, argument?: string | number): string {
  return argument === undefined ? `${MARKER_PREFIX}${marker}` : `${MARKER_PREFIX}${marker} ${argument}`;
}
