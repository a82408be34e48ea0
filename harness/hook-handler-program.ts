import type { HookHandler } from '../model/scenario';
import { PID_FILE_WRITE, PROGRAM_DIR, forExpansion, hookCgiScript } from './container-program';

/**
 * The hook handler pod: a separate pod that serves the httpGet postStart hooks of the pod under test,
 * addressed with `httpGet.host: <its IP>` as upstream's e2e does (test/e2e/common/node/lifecycle_hook.go
 * creates a handler pod first and points the hooks at its IP). A container's own httpd cannot serve its
 * postStart: the kubelet sends the GET as soon as the container starts, before the program has started
 * httpd (../shared/recordings/kubeprop-runs, hooks-http-hook-*: FailedPostStartHook, request never seen).
 * The handler's CGI scripts write `kp http <path>` into the handler's own stdout.
 */

export const HOOK_HANDLER_POD = 'hook-handler';
export const HOOK_HANDLER_CONTAINER = 'handler';
export const HOOK_HANDLER_PORT = 8080;
/** The host a manifest names until the handler pod has an IP (harness/run-case.ts puts the IP in). */
export const HOOK_HANDLER_HOST = 'kubeprop-hook-handler';

export type HttpHook = Extract<HookHandler, { kind: 'httpGet' }>;

/** The path the handler serves for one container's postStart: one per container, so each is told apart. */
export function handlerHookPath(container: string, handler: HttpHook): string {
  return `${handler.path}-${container}`;
}

export interface HandlerRoute {
  container: string;
  handler: HttpHook;
}

/** The handler's program: its CGI scripts, then busybox httpd in the foreground as the pid they write to. */
export function hookHandlerCommand(routes: HandlerRoute[]): string[] {
  const lines = [`D='${PROGRAM_DIR}'`, 'mkdir -p "$D/www/cgi-bin"', PID_FILE_WRITE];
  for (const { container, handler } of routes) {
    const path = handlerHookPath(container, handler);
    const file = `"$D/www${path}"`;
    const script = hookCgiScript({ ...handler, path });
    lines.push(`cat > ${file} <<'KP_CGI'`, script.trimEnd(), 'KP_CGI', `chmod +x ${file}`);
  }
  // exec keeps the pid the CGI scripts read: httpd's stdout is the container's log.
  lines.push(`exec httpd -f -p ${HOOK_HANDLER_PORT} -h "$D/www"`);
  return ['sh', '-c', forExpansion(lines.join('\n'))];
}
