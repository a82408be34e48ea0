import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  containerCommand,
  forExpansion,
  hookCgiScript,
  hookCommand,
  probeCgiScript,
  probeCommand,
} from '../../harness/container-program';
import {
  expand,
  expandContainerCommandAndArgs,
  mappingFuncFor,
} from '../../harness/fake/kubelet/command-expansion';
import type { ContainerBehaviour, ContainerScenario, PodScenario } from '../../model/scenario';

/**
 * The container program, checked as text for the properties that matter and run for real with the
 * local POSIX /bin/sh (busybox is not installed here; httpd and nc are busybox-only and not run).
 */

function container(
  behaviour: Partial<ContainerBehaviour>,
  extra: Partial<ContainerScenario> = {},
): ContainerScenario {
  return {
    name: 'c',
    behaviour: { startDelaySeconds: 0, sigterm: { kind: 'ignore' }, ...behaviour },
    ports: [],
    resources: { requests: {}, limits: {} },
    lifecycle: {},
    probes: {},
    ...extra,
  };
}

const pod = (c: ContainerScenario): PodScenario => ({
  name: 'p',
  restartPolicy: 'Never',
  initContainers: [],
  containers: [c],
  labels: {},
});

interface Line {
  at: number;
  text: string;
}

interface Run {
  child: ChildProcess;
  lines: Line[];
  started: number;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitFor(text: string, timeoutMs?: number): Promise<Line>;
}

const runs: ChildProcess[] = [];
const dirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kp-program-'));
  dirs.push(dir);
  return dir;
}

/**
 * Runs the program as the container would (`sh -c script`) in its own process group. Node gives a child
 * a socket for stdout, which /proc/<pid>/fd/1 cannot open; `throughPipe` puts a real pipe in between,
 * as the container runtime's log FIFO is.
 */
/** The program as the runtime receives it: the kubelet expands `$(VAR)` and `$$` in command and args. */
function expandedCommand(c: ContainerScenario, dir?: string): string[] {
  return expandContainerCommandAndArgs({ name: c.name, command: containerCommand(c, pod(c), { dir }) })
    .command;
}

function run(c: ContainerScenario, dir: string, throughPipe = false): Run {
  const [shell, flag, script] = expandedCommand(c, dir);
  const started = performance.now();
  const args = throughPipe ? [flag, '"$0" -c "$1" | cat', shell, script] : [flag, script];
  const child = spawn(shell, args, { detached: true, stdio: ['ignore', 'pipe', 'inherit'] });
  runs.push(child);
  const lines: Line[] = [];
  let buffer = '';
  const waiters: (() => void)[] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const text of parts) lines.push({ at: performance.now() - started, text });
    waiters.forEach((w) => w());
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const waitFor = (text: string, timeoutMs = 5000) =>
    new Promise<Line>((resolve, reject) => {
      const check = () => {
        const line = lines.find((l) => l.text === text);
        if (line) resolve(line);
      };
      waiters.push(check);
      check();
      setTimeout(
        () =>
          reject(new Error(`no "${text}" within ${timeoutMs} ms; saw ${lines.map((l) => l.text).join('|')}`)),
        timeoutMs,
      );
    });
  return { child, lines, started, exited, waitFor };
}

afterEach(() => {
  for (const child of runs.splice(0)) {
    // The whole group: the heartbeat loop and sleeps outlive sh outside a container's PID namespace.
    if (child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
});

afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const markers = (r: Run) => r.lines.map((l) => l.text).filter((t) => t !== 'kp tick');

describe('command text and expansion', () => {
  it('survives the kubelet expansion of command and args unchanged, whatever variables exist', () => {
    const defined = (name: string) => `<${name}>`;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), (text) => {
        expect(expand(forExpansion(text), defined)).toBe(text);
        expect(expand(forExpansion(text), mappingFuncFor())).toBe(text);
      }),
    );
    expect(forExpansion('echo $$ > "$D/pid"; P=$(cat x); i=$((i+1)); kill $!')).toBe(
      'echo $$$$ > "$D/pid"; P=$$(cat x); i=$$((i+1)); kill $!',
    );
  });

  it('leaves exec hook and probe commands unescaped: they are not expanded', () => {
    const hook = hookCommand('preStop', { kind: 'exec', durationSeconds: 0, exitCode: 0 })[2];
    expect(hook).toContain('P=$(cat ');
    expect(hook).toContain('i=$((i+1))');
    expect(hook).not.toContain('$$');
  });
});

describe('script text', () => {
  const script = (c: ContainerScenario) => expandedCommand(c)[2];

  it('installs the SIGTERM trap before any marker or heartbeat', () => {
    const text = script(container({ sigterm: { kind: 'exit', afterSeconds: 1, exitCode: 7 } }));
    const trap = text.indexOf("trap 'say sigterm; hold 1; finish 7' TERM");
    expect(trap).toBeGreaterThan(-1);
    expect(trap).toBeLessThan(text.indexOf('say started'));
    expect(trap).toBeLessThan(text.indexOf('say tick'));
  });

  it('sleeps in the background and waits, so a trapped signal is handled at once', () => {
    const text = script(container({ startDelaySeconds: 2 }));
    expect(text).toMatch(
      /pause\(\) \{ sleep "\$1" & SP=\$!; while kill -0 "\$SP" 2>\/dev\/null; do wait "\$SP"; done; SP=; \}/,
    );
    expect(text).toContain('pause 2\nsay started');
    expect(text).not.toMatch(/^sleep /m);
  });

  it('has no TERM trap for the default action, and exits with the chosen codes', () => {
    expect(script(container({ sigterm: { kind: 'default' } }))).not.toContain('TERM');
    expect(script(container({ exitAfter: { seconds: 1, exitCode: 42 } }))).toContain('finish 42');
  });

  it('uses no clock of the container and no nc -k', () => {
    const c = container(
      { readyAfterSeconds: 1, unreadyAfterSeconds: 2 },
      {
        probes: {
          readiness: {
            handler: { kind: 'tcpSocket', port: 8081 },
            initialDelaySeconds: 0,
            periodSeconds: 1,
            timeoutSeconds: 1,
            successThreshold: 1,
            failureThreshold: 1,
          },
        },
      },
    );
    const text = script(c);
    expect(text).not.toMatch(/\bdate\b/);
    expect(text).not.toMatch(/nc .*-k/);
    expect(text).toContain('listen 8081 ready');
  });

  it("serves httpGet handlers with busybox httpd and a CGI per path; postStart is the hook handler pod's", () => {
    const c = container(
      {},
      {
        lifecycle: {
          postStart: {
            kind: 'httpGet',
            port: 8080,
            path: '/cgi-bin/poststart',
            status: 500,
            durationSeconds: 1,
          },
          preStop: { kind: 'httpGet', port: 8080, path: '/cgi-bin/prestop', status: 200, durationSeconds: 0 },
        },
        probes: {
          readiness: {
            handler: { kind: 'httpGet', port: 8080, okStatus: 200, failStatus: 503 },
            initialDelaySeconds: 0,
            periodSeconds: 1,
            timeoutSeconds: 1,
            successThreshold: 1,
            failureThreshold: 1,
          },
        },
      },
    );
    const text = script(c);
    expect(text.match(/httpd -f -p 8080/g)).toHaveLength(1);
    expect(text).toContain('"$D/www/cgi-bin/prestop"');
    expect(text).not.toContain('poststart');
    expect(text).toContain('"$D/www/cgi-bin/probe-readiness"');
  });
});

describe('running with /bin/sh', () => {
  it('handles SIGTERM at once even mid-sleep, then exits with its code after the chosen delay', async () => {
    const r = run(container({ sigterm: { kind: 'exit', afterSeconds: 0.5, exitCode: 7 } }), tempDir());
    await r.waitFor('kp started');
    await new Promise((res) => setTimeout(res, 300));
    const sentAt = performance.now() - r.started;
    r.child.kill('SIGTERM');
    const sigterm = await r.waitFor('kp sigterm');
    const exit = await r.waitFor('kp exit 7');
    expect(await r.exited).toEqual({ code: 7, signal: null });
    // The main flow sleeps 60 s at a time: only the background-sleep + wait loop can react this fast.
    expect(sigterm.at - sentAt).toBeLessThan(400);
    expect(exit.at - sigterm.at).toBeGreaterThanOrEqual(450);
    expect(markers(r)).toEqual(['kp boot', 'kp started', 'kp sigterm', 'kp exit 7']);
  });

  it('ignores SIGTERM and keeps its heartbeat until SIGKILL', async () => {
    const r = run(container({ sigterm: { kind: 'ignore' } }), tempDir());
    await r.waitFor('kp started');
    r.child.kill('SIGTERM');
    const sigterm = await r.waitFor('kp sigterm');
    await new Promise((res) => setTimeout(res, 500));
    const ticksAfter = r.lines.filter((l) => l.text === 'kp tick' && l.at > sigterm.at).length;
    expect(ticksAfter).toBeGreaterThanOrEqual(3);
    r.child.kill('SIGKILL');
    expect(await r.exited).toEqual({ code: null, signal: 'SIGKILL' });
  });

  it('dies of SIGTERM when it has no handler (143 in a container)', async () => {
    const r = run(container({ sigterm: { kind: 'default' } }), tempDir());
    await r.waitFor('kp started');
    r.child.kill('SIGTERM');
    expect(await r.exited).toEqual({ code: null, signal: 'SIGTERM' });
    expect(markers(r)).toEqual(['kp boot', 'kp started']);
  });

  it('plays its timeline in order, switches the signal files and exits with its code', async () => {
    const dir = tempDir();
    const r = run(
      container({
        startDelaySeconds: 0.2,
        readyAfterSeconds: 0.4,
        unreadyAfterSeconds: 0.8,
        unhealthyAfterSeconds: 0.6,
        startupAfterSeconds: 0.3,
        writeEphemeralMi: 1,
        exitAfter: { seconds: 1, exitCode: 3 },
      }),
      dir,
    );
    await r.waitFor('kp ready-on');
    expect(fs.existsSync(path.join(dir, 'ready'))).toBe(true);
    expect(await r.exited).toEqual({ code: 3, signal: null });
    expect(markers(r)).toEqual([
      'kp boot',
      'kp started',
      'kp write 1',
      'kp startup-on',
      'kp ready-on',
      'kp unhealthy',
      'kp ready-off',
      'kp exit 3',
    ]);
    const at = (text: string) => r.lines.find((l) => l.text === text)!.at;
    expect(at('kp exit 3') - at('kp started')).toBeGreaterThanOrEqual(750);
    expect(fs.existsSync(path.join(dir, 'ready'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'live'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'startup'))).toBe(true);
    expect(fs.statSync(path.join(dir, 'fill')).size).toBe(1024 * 1024);
    expect(fs.readFileSync(path.join(dir, 'pid'), 'utf8').trim()).toBe(String(r.child.pid));
  });

  it('allocates memory when asked, after the started marker', async () => {
    const r = run(container({ allocateMemoryMi: 1, exitAfter: { seconds: 0.2, exitCode: 0 } }), tempDir());
    expect(await r.exited).toEqual({ code: 0, signal: null });
    expect(markers(r)).toEqual(['kp boot', 'kp started', 'kp alloc 1', 'kp exit 0']);
  });

  it('lets an exec hook write its markers into the main program output and exit with its code', async () => {
    const dir = tempDir();
    const r = run(container({}), dir, true);
    await r.waitFor('kp started');
    const [shell, flag, command] = hookCommand(
      'preStop',
      { kind: 'exec', durationSeconds: 0.2, exitCode: 4 },
      { dir },
    );
    const hook = spawnSync(shell, [flag, command]);
    expect(hook.status).toBe(4);
    await r.waitFor('kp prestop-end 4');
    expect(markers(r)).toEqual(['kp boot', 'kp started', 'kp prestop-start', 'kp prestop-end 4']);
  });

  it('answers exec probes from the signal files', () => {
    const dir = tempDir();
    const probe = (kind: 'readiness' | 'liveness') => {
      const [shell, flag, command] = probeCommand(kind, { kind: 'exec' }, { dir });
      return spawnSync(shell, [flag, command]).status;
    };
    expect(probe('readiness')).toBe(1);
    fs.writeFileSync(path.join(dir, 'ready'), '');
    expect(probe('readiness')).toBe(0);
    expect(probe('liveness')).toBe(1);
  });

  it('has CGI scripts that answer the chosen HTTP status with a first "Status:" line', async () => {
    const dir = tempDir();
    // The hook's marker goes to the running program's output, never to the test runner's own stdout.
    const r = run(container({}), dir, true);
    await r.waitFor('kp started');
    const cgi = (script: string) => spawnSync('sh', ['-c', script], { encoding: 'utf8' }).stdout;
    const probeScript = probeCgiScript(
      'readiness',
      { kind: 'httpGet', port: 8080, okStatus: 200, failStatus: 503 },
      { dir },
    );
    expect(cgi(probeScript)).toMatch(/^Status: 503 kp\r\n/);
    fs.writeFileSync(path.join(dir, 'ready'), '');
    expect(cgi(probeScript)).toMatch(/^Status: 200 kp\r\n/);
    const hookScript = hookCgiScript(
      { kind: 'httpGet', port: 8080, path: '/cgi-bin/prestop', status: 404, durationSeconds: 0 },
      { dir },
    );
    expect(hookScript.startsWith('#!/bin/sh\n')).toBe(true);
    expect(cgi(hookScript)).toMatch(/^Status: 404 kp\r\n/);
    await r.waitFor('kp http /cgi-bin/prestop');
  });
});
