import type { ServerProgram } from '../model/scenario';

/** The port agnhost liveness serves on (test/images/agnhost/liveness/server.go: ListenAndServe(":8080")). */
export const AGNHOST_LIVENESS_PORT = 8080;

/** Seconds agnhost liveness answers /healthz with 200 before it turns to 500 (liveness/server.go: `> 10`). */
export const AGNHOST_LIVENESS_HEALTHY_SECONDS = 10;

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
      return ['netexec', `--http-port=${program.httpPort}`, `--udp-port=${program.httpPort + 1}`];
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
  return { kind: 'netexec', httpPort: flag('http-port') ?? 8080 };
}

/** agnhost liveness's /redirect query: `loc`, escaped (liveness/server.go). */
export function livenessRedirectPath(location: string): string {
  return `/redirect?loc=${encodeURIComponent(location)}`;
}

/** agnhost netexec's /redirect query: `location` and an optional status `code` (netexec.go redirectHandler). */
export function netexecRedirectPath(location: string, code?: number): string {
  return `/redirect?location=${encodeURIComponent(location)}${code === undefined ? '' : `&code=${code}`}`;
}
