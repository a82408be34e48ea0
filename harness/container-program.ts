import type { HookHandler, ContainerScenario, PodScenario, ProbeHandler, ProbeKind } from '../model/scenario';
import { HEARTBEAT_SECONDS, MARKERS, MARKER_PREFIX } from './markers';

/**
 * The busybox shell program a container runs for its intended behaviour, plus the commands of its exec
 * hooks and probes and the CGI scripts its httpd serves. Markers (harness/markers.ts) go to the main
 * process's stdout so the runtime timestamps them; hooks write through /proc/<pid>/fd/1 of that process.
 * Never relies on in-container clocks (BusyBox 1.35: no `date +%N`); never `nc -k`.
 */

export interface ProgramOptions {
  /** Working directory of the program (default PROGRAM_DIR); tests use a private one. */
  dir?: string;
}

export const PROGRAM_DIR = '/tmp/kp';

export type HookName = 'postStart' | 'preStop';

/** The file each probe kind tests; the program turns it on and off. */
const SIGNAL_FILE: Record<ProbeKind, string> = { readiness: 'ready', liveness: 'live', startup: 'startup' };

/** The CGI path the httpd serves for a probe (the mapper puts it in httpGet.path). */
export function probeHttpPath(kind: ProbeKind): string {
  return `/cgi-bin/probe-${kind}`;
}

function dirOf(options: ProgramOptions): string {
  return options.dir ?? PROGRAM_DIR;
}

/** Single-quotes a value for sh. */
function quote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Seconds as sleep(1) takes them, without float noise. */
function secondsText(value: number): string {
  return String(Number(value.toFixed(3)));
}

/** The main program's line that writes its pid where hooks and CGI scripts read it (mainStdoutPrelude). */
export const PID_FILE_WRITE = 'echo $$ > "$D/pid.tmp" && mv "$D/pid.tmp" "$D/pid"';

/** Finds the main program's pid (written at its start) so a hook or CGI writes into its stdout. */
function mainStdoutPrelude(dir: string): string {
  const pidFile = quote(`${dir}/pid`);
  return [
    // A postStart hook may start before the program wrote its pid: wait for it, at most one second.
    `i=0; while [ ! -f ${pidFile} ] && [ $i -lt 20 ]; do sleep 0.05; i=$((i+1)); done`,
    `P=$(cat ${pidFile} 2>/dev/null || echo 1)`,
    `say() { echo "${MARKER_PREFIX}$*" > /proc/$P/fd/1; }`,
  ].join('; ');
}

const HOOK_MARKERS: Record<HookName, { start: string; end: string }> = {
  postStart: { start: MARKERS.postStartStart, end: MARKERS.postStartEnd },
  preStop: { start: MARKERS.preStopStart, end: MARKERS.preStopEnd },
};

/** The exec command of an exec hook: markers at start and end, runs `durationSeconds`, exits with `exitCode`. */
export function hookCommand(
  hook: HookName,
  handler: Extract<HookHandler, { kind: 'exec' }>,
  options: ProgramOptions = {},
): string[] {
  const { start, end } = HOOK_MARKERS[hook];
  const sleep = handler.durationSeconds > 0 ? `sleep ${secondsText(handler.durationSeconds)}; ` : '';
  return [
    'sh',
    '-c',
    `${mainStdoutPrelude(dirOf(options))}; say ${start}; ${sleep}say ${end} ${handler.exitCode}; exit ${handler.exitCode}`,
  ];
}

/** The exec command of an exec probe: tests the signal file; `hangSeconds` delays the answer. */
export function probeCommand(
  kind: ProbeKind,
  handler: Extract<ProbeHandler, { kind: 'exec' }>,
  options: ProgramOptions = {},
): string[] {
  const test = `test -f ${quote(`${dirOf(options)}/${SIGNAL_FILE[kind]}`)}`;
  const hang = handler.hangSeconds ? `sleep ${secondsText(handler.hangSeconds)}; ` : '';
  return ['sh', '-c', `${hang}${test}`];
}

/** The CGI lines that answer `Status: <status>`: busybox httpd turns a first "Status:" line into the HTTP status. */
function cgiAnswer(statusExpression: string): string {
  return `printf 'Status: %s kp\\r\\nContent-Type: text/plain\\r\\n\\r\\nkp\\n' ${statusExpression}`;
}

/** The CGI script of an httpGet hook: a marker, `durationSeconds`, then `status`. */
export function hookCgiScript(
  handler: Extract<HookHandler, { kind: 'httpGet' }>,
  options: ProgramOptions = {},
): string {
  return [
    '#!/bin/sh',
    mainStdoutPrelude(dirOf(options)),
    `say ${MARKERS.http} ${handler.path}`,
    ...(handler.durationSeconds > 0 ? [`sleep ${secondsText(handler.durationSeconds)}`] : []),
    cgiAnswer(String(handler.status)),
    '',
  ].join('\n');
}

/** The CGI script of an httpGet probe: okStatus while the signal file exists, failStatus otherwise. */
export function probeCgiScript(
  kind: ProbeKind,
  handler: Extract<ProbeHandler, { kind: 'httpGet' }>,
  options: ProgramOptions = {},
): string {
  const signal = quote(`${dirOf(options)}/${SIGNAL_FILE[kind]}`);
  return [
    '#!/bin/sh',
    mainStdoutPrelude(dirOf(options)),
    `say ${MARKERS.http} ${probeHttpPath(kind)}`,
    `if [ -f ${signal} ]; then S=${handler.okStatus}; else S=${handler.failStatus}; fi`,
    cgiAnswer('"$S"'),
    '',
  ].join('\n');
}

interface TimelineStep {
  at: number;
  /** Tie-break for steps at the same instant. */
  order: number;
  lines: string[];
}

interface Served {
  cgi: { path: string; script: string }[];
  httpPorts: number[];
  tcp: Partial<Record<ProbeKind, number>>;
}

function servedBy(container: ContainerScenario, options: ProgramOptions): Served {
  const served: Served = { cgi: [], httpPorts: [], tcp: {} };
  // An httpGet postStart is served by the hook handler pod (harness/hook-handler-program.ts), never here.
  const preStop = container.lifecycle.preStop;
  if (preStop?.kind === 'httpGet') {
    served.cgi.push({ path: preStop.path, script: hookCgiScript(preStop, options) });
    served.httpPorts.push(preStop.port);
  }
  for (const [kind, probe] of Object.entries(container.probes) as [
    ProbeKind,
    NonNullable<ContainerScenario['probes'][ProbeKind]>,
  ][]) {
    const handler = probe.handler;
    if (handler.kind === 'httpGet') {
      served.cgi.push({ path: probeHttpPath(kind), script: probeCgiScript(kind, handler, options) });
      served.httpPorts.push(handler.port);
    }
    if (handler.kind === 'tcpSocket') served.tcp[kind] = handler.port;
  }
  served.httpPorts = [...new Set(served.httpPorts)];
  return served;
}

/** Starts a listener loop on `port` while the signal file exists (busybox nc: one connection per run, no -k). */
function startListener(kind: ProbeKind, port: number): string {
  return `listen ${port} ${SIGNAL_FILE[kind]}; L_${kind}=$!`;
}

function stopListener(kind: ProbeKind, port: number): string {
  return `kill $L_${kind} $(cat "$D/nc-${port}" 2>/dev/null) 2>/dev/null`;
}

function sigtermTrap(container: ContainerScenario): string[] {
  const handling = container.behaviour.sigterm;
  switch (handling.kind) {
    case 'ignore':
      return [`trap 'say ${MARKERS.sigterm}' TERM`];
    case 'exit': {
      const delay = handling.afterSeconds > 0 ? `hold ${secondsText(handling.afterSeconds)}; ` : '';
      return [`trap 'say ${MARKERS.sigterm}; ${delay}finish ${handling.exitCode}' TERM`];
    }
    case 'default':
      // No handler: the default action ends the process (143); the pod shares its PID namespace so the
      // program is not PID 1, which would ignore the signal (see model/scenario/pod.ts).
      return [];
  }
}

function timeline(container: ContainerScenario, served: Served): TimelineStep[] {
  const b = container.behaviour;
  const steps: TimelineStep[] = [{ at: b.startDelaySeconds, order: 0, lines: [`say ${MARKERS.started}`] }];
  if (b.allocateMemoryMi !== undefined) {
    steps.push({
      at: b.startDelaySeconds,
      order: 1,
      lines: [
        `say ${MARKERS.alloc} ${b.allocateMemoryMi}`,
        // Held in a shell variable: anonymous memory charged to the container's cgroup (/dev/shm is capped at 64Mi).
        `KP_MEM=$(head -c $((${b.allocateMemoryMi} * 1048576)) /dev/zero | tr '\\0' x)`,
      ],
    });
  }
  if (b.writeEphemeralMi !== undefined) {
    steps.push({
      at: b.startDelaySeconds,
      order: 2,
      lines: [
        `say ${MARKERS.write} ${b.writeEphemeralMi}`,
        `dd if=/dev/zero of="$D/fill" bs=1048576 count=${b.writeEphemeralMi} 2>/dev/null`,
      ],
    });
  }
  const tcp = served.tcp;
  if (b.readyAfterSeconds !== undefined) {
    steps.push({
      at: b.readyAfterSeconds,
      order: 3,
      lines: [
        `touch "$D/${SIGNAL_FILE.readiness}"`,
        ...(tcp.readiness ? [startListener('readiness', tcp.readiness)] : []),
        `say ${MARKERS.readyOn}`,
      ],
    });
    if (b.unreadyAfterSeconds !== undefined) {
      steps.push({
        at: b.unreadyAfterSeconds,
        order: 4,
        lines: [
          `rm -f "$D/${SIGNAL_FILE.readiness}"`,
          ...(tcp.readiness ? [stopListener('readiness', tcp.readiness)] : []),
          `say ${MARKERS.readyOff}`,
        ],
      });
    }
  }
  if (b.unhealthyAfterSeconds !== undefined) {
    steps.push({
      at: b.unhealthyAfterSeconds,
      order: 5,
      lines: [
        `rm -f "$D/${SIGNAL_FILE.liveness}"`,
        ...(tcp.liveness ? [stopListener('liveness', tcp.liveness)] : []),
        `say ${MARKERS.unhealthy}`,
      ],
    });
  }
  if (b.startupAfterSeconds !== undefined) {
    steps.push({
      at: b.startupAfterSeconds,
      order: 6,
      lines: [
        `touch "$D/${SIGNAL_FILE.startup}"`,
        ...(tcp.startup ? [startListener('startup', tcp.startup)] : []),
        `say ${MARKERS.startupOn}`,
      ],
    });
  }
  if (b.exitAfter)
    steps.push({ at: b.exitAfter.seconds, order: 9, lines: [`finish ${b.exitAfter.exitCode}`] });
  const end = b.exitAfter?.seconds ?? Infinity;
  return steps.filter((s) => s.at <= end).sort((x, y) => x.at - y.at || x.order - y.order);
}

/**
 * Text for a container's command or args that the kubelet's expansion gives back unchanged
 * (third_party/forked/golang/expansion/expand.go Expand): it turns `$$` into `$` and `$(NAME)` into a
 * variable's value, and reads a `$` before a non-ASCII byte as a Latin-1 rune, so every `$` of a run of
 * them (`$$` becomes `$$$$`) and each `$` before `(` or a non-ASCII character is doubled; any other `$`
 * (`$D`, `$!`, `$*`) passes through as is.
 */
export function forExpansion(text: string): string {
  // A replacer function: its result is taken literally (a replacement string would read `$$` as `$`).
  return text.replace(/\$(?=[$(]|\P{ASCII})|(?<=\$)\$/gu, () => '$$');
}

/**
 * The main program as ["sh", "-c", script]. SIGTERM must be seen at once, but a trap runs only after the
 * foreground command returns, so every sleep runs in the background and the shell `wait`s for it: a
 * trapped signal interrupts `wait` (../shared/recordings/README.md). The script is escaped once here
 * (forExpansion) because command and args are expanded; exec hooks and probes are not and stay as they
 * are. The pod is accepted for symmetry with the mapper; the program depends on the container only.
 */
export function containerCommand(
  container: ContainerScenario,
  pod: PodScenario,
  options: ProgramOptions = {},
): string[] {
  return ['sh', '-c', forExpansion(programScript(container, pod, options))];
}

/** The shell text of the main program, as the shell must receive it. */
export function programScript(
  container: ContainerScenario,
  _pod: PodScenario,
  options: ProgramOptions = {},
): string {
  const served = servedBy(container, options);
  const b = container.behaviour;
  const lines: string[] = [
    `D=${quote(dirOf(options))}`,
    `say() { echo "${MARKER_PREFIX}$*"; }`,
    'SP=; TS=; HB=; BG=',
    // A sleep the main flow waits for; the wait loop survives trapped signals that do not exit.
    'pause() { sleep "$1" & SP=$!; while kill -0 "$SP" 2>/dev/null; do wait "$SP"; done; SP=; }',
    // The same for the SIGTERM handler, which may interrupt pause().
    'hold() { sleep "$1" & TS=$!; while kill -0 "$TS" 2>/dev/null; do wait "$TS"; done; TS=; }',
    `finish() { say ${MARKERS.exit} "$1"; kill $HB $BG $SP $TS 2>/dev/null; exit "$1"; }`,
    `listen() { ( while [ -f "$D/$2" ]; do nc -l -p "$1" -e true & echo $! > "$D/nc-$1"; wait $!; done ) & BG="$BG $!"; }`,
    // The handler is in place before any marker is written.
    ...sigtermTrap(container),
    `say ${MARKERS.boot}`,
    'mkdir -p "$D/www/cgi-bin"',
    PID_FILE_WRITE,
    `( while :; do say ${MARKERS.tick}; sleep ${HEARTBEAT_SECONDS}; done ) & HB=$!`,
    // Liveness holds from the start; startup holds from the start unless it turns on later.
    `touch "$D/${SIGNAL_FILE.liveness}"`,
    ...(served.tcp.liveness ? [startListener('liveness', served.tcp.liveness)] : []),
    ...(b.startupAfterSeconds === undefined
      ? [
          `touch "$D/${SIGNAL_FILE.startup}"`,
          ...(served.tcp.startup ? [startListener('startup', served.tcp.startup)] : []),
        ]
      : []),
  ];
  for (const { path, script } of served.cgi) {
    const file = `"$D/www${path}"`;
    lines.push(`cat > ${file} <<'KP_CGI'`, script.trimEnd(), 'KP_CGI', `chmod +x ${file}`);
  }
  for (const port of served.httpPorts) lines.push(`httpd -f -p ${port} -h "$D/www" & BG="$BG $!"`);
  let now = 0;
  for (const step of timeline(container, served)) {
    if (step.at > now) lines.push(`pause ${secondsText(step.at - now)}`);
    now = Math.max(now, step.at);
    lines.push(...step.lines);
  }
  if (!b.exitAfter) lines.push('while :; do pause 60; done');
  return lines.join('\n');
}
