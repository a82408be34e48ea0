import type { ServerProgram } from '../model/scenario';

/** The port agnhost liveness serves on (test/images/agnhost/liveness/server.go: ListenAndServe(":8080")). */
export const AGNHOST_LIVENESS_PORT = 8080;

/** Seconds agnhost liveness answers /healthz with 200 before it turns to 500 (liveness/server.go: `> 10`). */
export const AGNHOST_LIVENESS_HEALTHY_SECONDS = 10;

/**
 * The self-signed "localhost" certificate and key the server image ships for netexec's HTTPS
 * (test/images/agnhost/Dockerfile: ADD porter/localhost.crt, porter/localhost.key), as upstream's HTTPS hook
 * handler uses them (test/e2e/common/node/lifecycle_hook.go).
 */
export const AGNHOST_TLS_CERT_FILE = '/localhost.crt';
export const AGNHOST_TLS_KEY_FILE = '/localhost.key';

/** The port a server program's HTTP server listens on. */
export function serverHttpPort(program: ServerProgram): number {
  return program.kind === 'liveness' ? AGNHOST_LIVENESS_PORT : program.httpPort;
}

/**
 * The container args that run `program` from the server image, whose entrypoint is /agnhost
 * (test/images/agnhost/Dockerfile ENTRYPOINT ["/agnhost"]), as upstream's e2e pods run it. netexec's UDP
 * server takes the port after the HTTP one: its /healthz answers 200 only once that server listens.
 */
export function agnhostArgs(program: ServerProgram): string[] {
  switch (program.kind) {
    case 'netexec':
      return [
        'netexec',
        `--http-port=${program.httpPort}`,
        `--udp-port=${program.httpPort + 1}`,
        // netexec.go main: a certificate file turns the HTTP server into HTTPS (ListenAndServeTLS).
        ...(program.tls
          ? [`--tls-cert-file=${AGNHOST_TLS_CERT_FILE}`, `--tls-private-key-file=${AGNHOST_TLS_KEY_FILE}`]
          : []),
      ];
    case 'liveness':
      return ['liveness'];
    case 'grpcHealth':
      return [
        'grpc-health-checking',
        `--port=${program.port}`,
        `--http-port=${program.httpPort}`,
        ...(program.unhealthyAfterSeconds === undefined
          ? []
          : [`--delay-unhealthy-sec=${program.unhealthyAfterSeconds}`]),
      ];
  }
}

/** The program a container's args run, when they are agnhost's (the fake cluster reads it back from the spec). */
export function serverProgramOf(args: readonly string[] | undefined): ServerProgram | undefined {
  if (!args || args.length === 0) return undefined;
  if (args[0] === 'liveness') return { kind: 'liveness' };
  const flag = (name: string): number | undefined => {
    const arg = args.find((a) => a.startsWith(`--${name}=`));
    return arg === undefined ? undefined : Number(arg.slice(name.length + 3));
  };
  if (args[0] === 'grpc-health-checking') {
    // grpc-health-checking.go defaults: --port 5000, --http-port 8080, --delay-unhealthy-sec -1 (never).
    const delay = flag('delay-unhealthy-sec') ?? -1;
    return {
      kind: 'grpcHealth',
      port: flag('port') ?? 5000,
      httpPort: flag('http-port') ?? 8080,
      ...(delay >= 0 ? { unhealthyAfterSeconds: delay } : {}),
    };
  }
  if (args[0] !== 'netexec') return undefined;
  // netexec's default --http-port is 8080 (netexec.go).
  const httpPort = flag('http-port') ?? 8080;
  const cert = args.find((a) => a.startsWith('--tls-cert-file='))?.slice('--tls-cert-file='.length);
  // netexec.go main: HTTPS only with a certificate file (len(certFile) > 0).
  return cert ? { kind: 'netexec', httpPort, tls: true } : { kind: 'netexec', httpPort };
}

/** The /echo target (path and query) whose request netexec logs as `GET <target>` (netexec.go echoHandler). */
export function netexecEchoPath(msg: string, code: number): string {
  return `/echo?msg=${msg}&code=${code}`;
}

/**
 * The request netexec logged in one line of its output, or undefined for any other line. netexec logs each
 * request it handles with Go's log package, which agnhost routes to klog (component-base logs.InitLogs, the
 * KlogWriter at log.go:198), so the line has klog's header: `I1202 17:41:48.170453       1 log.go:198] ` as the
 * v1.26.1 node's agnhost 2.43 wrote it. /echo is logged as `GET /echo?msg=<msg>&code=<code>` (netexec.go
 * echoHandler), so an echo target with a plain msg and a code comes back as it was sent.
 */
export function netexecLoggedRequest(line: string): string | undefined {
  return KLOG_HEADER_THEN_GET.exec(line.trimEnd())?.[1];
}

/** klog's header (severity, MMDD, time to the microsecond, thread id, file:line]) and netexec's request line. */
const KLOG_HEADER_THEN_GET = /^[IWEF]\d{4} \d{2}:\d{2}:\d{2}\.\d{6}\s+\d+ [\w.-]+:\d+\] GET (\/\S*)$/;

/** agnhost liveness's /redirect query: `loc`, escaped (liveness/server.go). */
export function livenessRedirectPath(location: string): string {
  return `/redirect?loc=${encodeURIComponent(location)}`;
}

/** agnhost netexec's /redirect query: `location` and an optional status `code` (netexec.go redirectHandler). */
export function netexecRedirectPath(location: string, code?: number): string {
  return `/redirect?location=${encodeURIComponent(location)}${code === undefined ? '' : `&code=${code}`}`;
}
