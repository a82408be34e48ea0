import type { ServerProgram } from '../../../model/scenario';
import { AGNHOST_LIVENESS_HEALTHY_SECONDS, serverHttpPort } from '../../agnhost-program';

/** One HTTP answer of a server program; `exit`: the program ends with this code instead of answering. */
export interface HttpAnswer {
  status: number;
  body: string;
  location?: string;
  exit?: number;
}

/** Go's http.StatusText for the codes the programs answer with. */
const STATUS_TEXT: Record<number, string> = {
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
};

/** The status codes Go's client follows (net/http client.go redirectBehavior). */
const FOLLOWED = new Set([301, 302, 303, 307, 308]);

/**
 * net/http Redirect: the Location header and, for a GET, `<a href="...">Found</a>.` and two newlines (as a v1.26.1 node's
 * ProbeWarning event showed it).
 */
function redirect(location: string, code: number): HttpAnswer {
  const escaped = location
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&#34;');
  return { status: code, location, body: `<a href="${escaped}">${STATUS_TEXT[code] ?? ''}</a>.\n\n` };
}

/**
 * What agnhost 2.43 answers to GET `target` (path and query) `sinceStart` seconds after the program started, or
 * undefined when it does not listen on `port`. liveness (liveness/server.go): /healthz 200 "ok" up to 10 s, then
 * 500; /started 200; /redirect?loc= 302; anything else the default mux's 404. netexec (netexec/netexec.go):
 * /healthz 200 (its UDP server is up), /echo?msg=&code=, /redirect?location=&code= (302 by default), /shutdown and
 * /exit?code= end the program, anything else 200 "NOW: ...".
 */
export function agnhostAnswer(
  program: ServerProgram,
  port: number,
  target: string,
  sinceStart: number,
): HttpAnswer | undefined {
  if (port !== serverHttpPort(program)) return undefined;
  // grpc-health-checking's HTTP mux: /make-serving, /make-not-serving (not modelled), the default 404 for the rest.
  if (program.kind === 'grpcHealth') return { status: 404, body: '404 page not found\n' };
  const url = new URL(target, 'http://agnhost/');
  const query = (name: string) => url.searchParams.get(name) ?? '';
  if (program.kind === 'liveness') {
    switch (url.pathname) {
      case '/healthz':
        return sinceStart > AGNHOST_LIVENESS_HEALTHY_SECONDS
          ? { status: 500, body: `error: ${sinceStart}` }
          : { status: 200, body: 'ok' };
      case '/started':
        return { status: 200, body: `${sinceStart}s` };
      case '/redirect':
        return redirect(query('loc'), 302);
      default:
        return { status: 404, body: '404 page not found\n' };
    }
  }
  switch (url.pathname) {
    case '/healthz':
      return { status: 200, body: '' };
    case '/echo':
      return { status: query('code') === '' ? 200 : Number(query('code')), body: query('msg') };
    case '/redirect':
      return redirect(query('location'), query('code') === '' ? 302 : Number(query('code')));
    case '/shutdown':
      return { status: 0, body: '', exit: 0 };
    case '/exit':
      return { status: 0, body: '', exit: query('code') === '' ? 0 : Number(query('code')) };
    default:
      return { status: 200, body: 'NOW: fake' };
  }
}

/**
 * klog's header at `ms`, as agnhost writes Go log output through klog (component-base logs.InitLogs): severity
 * I, MMDD, the time to the microsecond in the container's UTC, the thread id padded to 7, and the KlogWriter's
 * `log.go:198]` — e.g. `I1202 17:41:48.170453       1 log.go:198] ` on the v1.26.1 node with agnhost 2.43.
 */
function klogPrefix(ms: number): string {
  const iso = new Date(ms).toISOString();
  const micros = `${iso.slice(20, 23)}000`;
  return `I${iso.slice(5, 7)}${iso.slice(8, 10)} ${iso.slice(11, 19)}.${micros}       1 log.go:198] `;
}

/**
 * The line agnhost netexec logs when it handles GET `target` at `ms` (netexec.go: each handler's log.Printf, the
 * query values decoded; every path its mux does not name goes to rootHandler, `GET /`).
 */
export function netexecLogLine(target: string, ms: number): string {
  const url = new URL(target, 'http://agnhost/');
  const query = (name: string) => url.searchParams.get(name) ?? '';
  const logged: Record<string, string> = {
    '/echo': `GET /echo?msg=${query('msg')}&code=${query('code')}`,
    '/healthz': 'GET /healthz',
    '/redirect': `GET /redirect?msg=${query('location')}&code=${query('code')}`,
    '/shutdown': 'GET /shutdown',
    '/exit': `GET /exit?code=${query('code')}&timeout=${query('timeout')}&wait=${query('wait')}`,
  };
  return `${klogPrefix(ms)}${logged[url.pathname] ?? 'GET /'}`;
}

/** The kubelet's HTTP probe result (pkg/probe/http/http.go DoHTTPProbe), and the program's exit if a GET ended it. */
export interface HttpProbeResult {
  result: 'success' | 'warning' | 'failure';
  /** Failure: the Unhealthy event's text; warning: the ProbeWarning event's. */
  output: string;
  exit?: number;
}

/**
 * One httpGet probe as the kubelet's prober runs it: GET http://<podIP>:<port><path> through Go's client, which
 * follows a redirect to the same host (up to 10) and, as the kubelet never follows non-local redirects
 * (pkg/kubelet/prober/prober.go followNonLocalRedirects = false; http.go RedirectChecker), stops at one to another
 * host; a final 3xx is a success with "Probe terminated redirects". `serve` answers for a host, port and target;
 * `followNonLocal` is the seeded defect `redirect-followed-offhost`.
 */
export function httpProbe(
  serve: (host: string, port: number, target: string) => HttpAnswer | undefined,
  podIP: string,
  port: number,
  path: string,
  followNonLocal = false,
): HttpProbeResult {
  let url = new URL(`http://${podIP}:${port}${path}`);
  for (let hops = 0; ; hops++) {
    const hostPort = Number(url.port || '80');
    const answer = serve(url.hostname, hostPort, `${url.pathname}${url.search}`);
    if (!answer) {
      return {
        result: 'failure',
        output: `Get "${url.href}": dial tcp ${url.hostname}:${hostPort}: connect: connection refused`,
      };
    }
    if (answer.exit !== undefined)
      return { result: 'failure', output: `Get "${url.href}": EOF`, exit: answer.exit };
    if (FOLLOWED.has(answer.status) && answer.location !== undefined) {
      const next = new URL(answer.location, url);
      const local = next.hostname === podIP;
      if (local || followNonLocal) {
        if (hops + 1 >= 10)
          return { result: 'failure', output: `Get "${next.href}": stopped after 10 redirects` };
        url = next;
        continue;
      }
    }
    if (answer.status >= 200 && answer.status < 300) return { result: 'success', output: answer.body };
    if (answer.status >= 300 && answer.status < 400) {
      return { result: 'warning', output: `Probe terminated redirects, Response body: ${answer.body}` };
    }
    return { result: 'failure', output: `HTTP probe failed with statuscode: ${answer.status}` };
  }
}

/**
 * What agnhost grpc-health-checking answers a Health/Check for the empty service `sinceStart` seconds after it started
 * (grpc-health-checking.go Check), or undefined when it does not serve gRPC on `port`.
 */
export function agnhostGrpcStatus(
  program: ServerProgram,
  port: number,
  sinceStart: number,
): 'SERVING' | 'NOT_SERVING' | undefined {
  if (program.kind !== 'grpcHealth' || program.port !== port) return undefined;
  const unhealthy =
    program.unhealthyAfterSeconds !== undefined && sinceStart >= program.unhealthyAfterSeconds;
  return unhealthy ? 'NOT_SERVING' : 'SERVING';
}
