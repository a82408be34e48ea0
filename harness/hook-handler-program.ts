import type { HookHandler, ServerProgram } from '../model/scenario';
import { netexecEchoPath } from './agnhost-program';
import { PID_FILE_WRITE, PROGRAM_DIR, forExpansion, hookCgiScript } from './container-program';

/**
 * The hook handler pod: a separate pod that serves the httpGet postStart hooks of the pod under test,
 * addressed with `httpGet.host: <its IP>` as upstream's e2e does (test/e2e/common/node/lifecycle_hook.go
 * creates a handler pod first and points the hooks at its IP). A container's own httpd cannot serve its
 * postStart: the kubelet sends the GET as soon as the container starts, before the program has started
 * httpd (../shared/recordings/kubeprop-runs, hooks-http-hook-*: FailedPostStartHook, request never seen).
 * The handler's CGI scripts write `kp http <path>` into the handler's own stdout. HTTPS hooks go to a second
 * container, agnhost netexec serving TLS with the server image's self-signed certificate, as upstream's
 * handler pod does (its container-handle-https-request): netexec logs each request it serves.
 */

export const HOOK_HANDLER_POD = 'hook-handler';
export const HOOK_HANDLER_CONTAINER = 'handler';
export const HOOK_HANDLER_PORT = 8080;
/** The host a manifest names until the handler pod has an IP (harness/run-case.ts puts the IP in). */
export const HOOK_HANDLER_HOST = 'kubeprop-hook-handler';

/** The handler pod's HTTPS container, and the port and program upstream's HTTPS handler runs (lifecycle_hook.go). */
export const HOOK_HANDLER_TLS_CONTAINER = 'https-handler';
export const HOOK_HANDLER_TLS_PORT = 9090;
export const HOOK_HANDLER_TLS_PROGRAM: ServerProgram = {
  kind: 'netexec',
  httpPort: HOOK_HANDLER_TLS_PORT,
  tls: true,
};

export type HttpHook = Extract<HookHandler, { kind: 'httpGet' }>;

export function isHttpsHook(handler: HttpHook): boolean {
  return handler.scheme === 'HTTPS';
}

/**
 * The target the handler serves for one container's hook: one per container, so each is told apart. HTTP: the
 * CGI path `<path>-<container>`; HTTPS: netexec's `/echo?msg=<hook>-<container>&code=<status>` (msg as upstream's
 * `echo?msg=poststart`), which it answers with `status` and logs as it came.
 */
export function handlerHookPath(container: string, handler: HttpHook): string {
  const path = `${handler.path}-${container}`;
  return isHttpsHook(handler) ? netexecEchoPath(path.slice(path.lastIndexOf('/') + 1), handler.status) : path;
}

/** The handler pod's port for a hook: the busybox httpd's, or the TLS server's for HTTPS. */
export function handlerHookPort(handler: HttpHook): number {
  return isHttpsHook(handler) ? HOOK_HANDLER_TLS_PORT : HOOK_HANDLER_PORT;
}

export interface HandlerRoute {
  container: string;
  handler: HttpHook;
}

/** The busybox handler's program for HTTP routes: their CGI scripts, then httpd in the foreground (their pid). */
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
