import type { ServerProgram } from './scenario';
import type { SuccessSpan } from './probes-signal';

const ALWAYS: SuccessSpan[] = [{ from: 0, to: Infinity }];

/** The kubelet's host in probe URLs: the pod IP; a redirect naming any other host is "non-local". */
const LOCAL_HOST = 'pod-ip.invalid';

/** What an httpGet probe of a server program's path comes to, as container seconds of success. */
export interface ServerProbeOutlook {
  spans: SuccessSpan[];
  /**
   * The probe stops at a redirect to another host and counts it as success with a ProbeWarning event
   * "Probe terminated redirects" (pkg/probe/http/http.go DoHTTPProbe and RedirectChecker; the kubelet's prober
   * never follows non-local redirects, pkg/kubelet/prober/prober.go followNonLocalRedirects = false).
   */
  warning: boolean;
}

function parse(path: string): URL {
  return new URL(path, `http://${LOCAL_HOST}/`);
}

/** A final status's result (DoHTTPProbe: 200 <= status < 400 succeeds, a 3xx with "Probe terminated redirects"). */
function byStatus(status: number): ServerProbeOutlook {
  if (status >= 200 && status < 300) return { spans: ALWAYS, warning: false };
  if (status >= 300 && status < 400) return { spans: ALWAYS, warning: true };
  return { spans: [], warning: false };
}

/**
 * The probe outcome of GET `path` on `program` (agnhost 2.43): liveness/server.go serves /healthz 200 for the
 * program's first 10 s then 500, /started 200, /redirect?loc= a 302 and nothing else (404); netexec.go serves
 * /healthz 200 (its UDP server listens at once), /echo?code= that status, /redirect?location=&code= that redirect
 * (302 by default) and every other path 200. The kubelet follows a redirect to the same host (the Go client's
 * default, up to 10) and stops at one to another host (RedirectChecker), a success with a warning.
 */
export function serverProbeOutlook(program: ServerProgram, path: string, hops = 0): ServerProbeOutlook {
  const url = parse(path);
  const redirect = (location: string | null, code: number): ServerProbeOutlook => {
    const target = parse(location ?? '');
    const redirects = [301, 302, 303, 307, 308].includes(code);
    if (!redirects) return byStatus(code);
    if (target.hostname !== LOCAL_HOST) return { spans: ALWAYS, warning: true };
    // The Go client gives up after 10 redirects ("stopped after 10 redirects"): an error, a failure.
    if (hops >= 9) return { spans: [], warning: false };
    return serverProbeOutlook(program, `${target.pathname}${target.search}`, hops + 1);
  };
  // grpc-health-checking's HTTP server has only /make-serving and /make-not-serving (the default mux 404s the rest).
  if (program.kind === 'grpcHealth') return { spans: [], warning: false };
  if (program.kind === 'liveness') {
    switch (url.pathname) {
      case '/healthz':
        return { spans: [{ from: 0, to: 10 }], warning: false };
      case '/started':
        return { spans: ALWAYS, warning: false };
      case '/redirect':
        return redirect(url.searchParams.get('loc'), 302);
      default:
        return { spans: [], warning: false };
    }
  }
  switch (url.pathname) {
    case '/echo': {
      const code = url.searchParams.get('code');
      return byStatus(code ? Number(code) : 200);
    }
    case '/redirect': {
      const code = url.searchParams.get('code');
      return redirect(url.searchParams.get('location'), code ? Number(code) : 302);
    }
    default:
      return { spans: ALWAYS, warning: false };
  }
}
