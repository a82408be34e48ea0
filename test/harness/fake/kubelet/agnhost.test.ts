import {
  agnhostArgs,
  livenessRedirectPath,
  netexecLoggedRequest,
  netexecRedirectPath,
  serverProgramOf,
} from '../../../../harness/agnhost-program';
import {
  agnhostAnswer,
  agnhostGrpcStatus,
  httpProbe,
  netexecLogLine,
} from '../../../../harness/fake/kubelet/agnhost';
import type { ServerProgram } from '../../../../model/scenario';
import { serverProbeOutlook } from '../../../../model/server-program';

const POD_IP = '10.244.0.7';
const liveness: ServerProgram = { kind: 'liveness' };
const netexec: ServerProgram = { kind: 'netexec', httpPort: 8080 };

function probeAt(program: ServerProgram, path: string, sinceStart: number, followNonLocal = false) {
  return httpProbe(
    (host, port, target) => (host === POD_IP ? agnhostAnswer(program, port, target, sinceStart) : undefined),
    POD_IP,
    8080,
    path,
    followNonLocal,
  );
}

describe('fake agnhost programs', () => {
  test('liveness: /healthz 200 for 10 s then 500; other ports refused; unknown paths 404', () => {
    expect(agnhostAnswer(liveness, 8080, '/healthz', 10)?.status).toBe(200);
    expect(agnhostAnswer(liveness, 8080, '/healthz', 10.5)?.status).toBe(500);
    expect(agnhostAnswer(liveness, 8081, '/healthz', 0)).toBeUndefined();
    expect(agnhostAnswer(liveness, 8080, '/nope', 0)?.status).toBe(404);
  });

  test('netexec: /healthz 200, /echo?code=, any other path 200, /shutdown exits 0', () => {
    expect(agnhostAnswer(netexec, 8080, '/healthz', 100)?.status).toBe(200);
    expect(agnhostAnswer(netexec, 8080, '/echo?code=503', 0)?.status).toBe(503);
    expect(agnhostAnswer(netexec, 8080, '/anything', 0)?.status).toBe(200);
    expect(agnhostAnswer(netexec, 8080, '/shutdown', 0)?.exit).toBe(0);
  });

  test('a local redirect is followed: /redirect?loc=/healthz fails once /healthz does', () => {
    const path = livenessRedirectPath('/healthz');
    expect(probeAt(liveness, path, 5).result).toBe('success');
    expect(probeAt(liveness, path, 12)).toEqual({
      result: 'failure',
      output: 'HTTP probe failed with statuscode: 500',
    });
  });

  test('a non-local redirect is not followed: a success with "Probe terminated redirects"', () => {
    const result = probeAt(liveness, livenessRedirectPath('http://0.0.0.0/'), 12);
    expect(result).toEqual({
      result: 'warning',
      // The text a v1.26.1 node's ProbeWarning event carried.
      output: 'Probe terminated redirects, Response body: <a href="http://0.0.0.0/">Found</a>.\n\n',
    });
    // The seeded defect follows it, to a host where nothing listens.
    expect(probeAt(liveness, livenessRedirectPath('http://0.0.0.0/'), 12, true)).toEqual({
      result: 'failure',
      output: 'Get "http://0.0.0.0/": dial tcp 0.0.0.0:80: connect: connection refused',
    });
  });

  test('netexec redirects to itself forever stop after 10 requests; a 3xx it does not follow is a warning', () => {
    expect(probeAt(netexec, netexecRedirectPath('/redirect'), 0).output).toContain(
      'stopped after 10 redirects',
    );
    expect(probeAt(netexec, '/echo?code=304', 0).result).toBe('warning');
  });

  test('the model agrees with the fake on every shape the properties use', () => {
    for (const [program, path] of [
      [liveness, livenessRedirectPath('/healthz')],
      [liveness, livenessRedirectPath('http://0.0.0.0/')],
      [liveness, '/healthz'],
      [netexec, netexecRedirectPath('/echo?code=500')],
      [netexec, netexecRedirectPath('http://0.0.0.0/', 301)],
      [netexec, '/healthz'],
    ] as const) {
      const outlook = serverProbeOutlook(program, path);
      for (const t of [0, 5, 9.9, 10.5, 20]) {
        const fake = probeAt(program, path, t);
        const modelSucceeds = outlook.spans.some((span) => t >= span.from && t < span.to);
        expect({ path, t, success: fake.result !== 'failure' }).toEqual({ path, t, success: modelSucceeds });
        if (modelSucceeds) expect(fake.result === 'warning').toBe(outlook.warning);
      }
    }
  });

  test('grpc-health-checking: SERVING until --delay-unhealthy-sec, on its gRPC port only; args round-trip', () => {
    const grpc: ServerProgram = { kind: 'grpcHealth', port: 8084, httpPort: 8080, unhealthyAfterSeconds: 4 };
    expect(agnhostArgs(grpc)).toEqual([
      'grpc-health-checking',
      '--port=8084',
      '--http-port=8080',
      '--delay-unhealthy-sec=4',
    ]);
    expect(serverProgramOf(agnhostArgs(grpc))).toEqual(grpc);
    expect(serverProgramOf(['grpc-health-checking'])).toEqual({
      kind: 'grpcHealth',
      port: 5000,
      httpPort: 8080,
    });
    expect(agnhostGrpcStatus(grpc, 8084, 3.9)).toBe('SERVING');
    expect(agnhostGrpcStatus(grpc, 8084, 4)).toBe('NOT_SERVING');
    expect(agnhostGrpcStatus(grpc, 8080, 0)).toBeUndefined();
    expect(agnhostGrpcStatus({ ...grpc, unhealthyAfterSeconds: undefined }, 8084, 1000)).toBe('SERVING');
  });

  test('netexec with TLS: the image’s certificate flags, read back; no empty certificate counts', () => {
    const tls: ServerProgram = { kind: 'netexec', httpPort: 9090, tls: true };
    expect(agnhostArgs(tls)).toEqual([
      'netexec',
      '--http-port=9090',
      '--udp-port=9091',
      '--tls-cert-file=/localhost.crt',
      '--tls-private-key-file=/localhost.key',
    ]);
    expect(serverProgramOf(agnhostArgs(tls))).toEqual(tls);
    expect(serverProgramOf(['netexec', '--tls-cert-file='])).toEqual({ kind: 'netexec', httpPort: 8080 });
  });

  test('netexec’s request lines (klog header) read back as the target sent, for /echo with msg and code', () => {
    const at = Date.UTC(2023, 0, 30, 10, 0, 4, 500);
    expect(netexecLogLine('/echo?msg=poststart-app-0&code=404', at)).toBe(
      'I0130 10:00:04.500000       1 log.go:198] GET /echo?msg=poststart-app-0&code=404',
    );
    expect(netexecLoggedRequest(netexecLogLine('/echo?msg=poststart-app-0&code=404', at))).toBe(
      '/echo?msg=poststart-app-0&code=404',
    );
    expect(netexecLogLine('/healthz', at)).toBe('I0130 10:00:04.500000       1 log.go:198] GET /healthz');
    expect(netexecLogLine('/cgi-bin/x', at)).toBe('I0130 10:00:04.500000       1 log.go:198] GET /');
    expect(
      netexecLoggedRequest('I0130 10:00:00.100000       1 log.go:198] Started HTTP server on port 9090'),
    ).toBeUndefined();
    expect(netexecLoggedRequest('kp http /cgi-bin/poststart-c')).toBeUndefined();
  });
});
