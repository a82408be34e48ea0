import { hookHandlerRequestAt, hookHandlerRequestSeen } from '../../../harness/observe/hook-handler-log';
import {
  HOOK_HANDLER_CONTAINER,
  HOOK_HANDLER_POD,
  HOOK_HANDLER_TLS_CONTAINER,
  HOOK_HANDLER_TLS_PORT,
  type HttpHook,
} from '../../../harness/hook-handler-program';
import type { Trace } from '../../../model/trace';

const https: HttpHook = {
  kind: 'httpGet',
  port: HOOK_HANDLER_TLS_PORT,
  path: '/cgi-bin/prestop',
  status: 202,
  durationSeconds: 0,
  viaHandlerPod: true,
  scheme: 'HTTPS',
};
const http: HttpHook = { ...https, port: 8080, durationSeconds: 1, scheme: undefined };

function line(container: string, runtimeTime: number, text: string): Trace[number] {
  return { kind: 'log', t: runtimeTime + 300, pod: HOOK_HANDLER_POD, container, runtimeTime, text };
}

/** The HTTPS handler's requests are read from agnhost netexec's own request lines (netexec.go echoHandler). */
describe('hook handler log: HTTPS requests', () => {
  // agnhost 2.43 netexec's output as the v1.26.1 node logged it (klog's header), the readiness probe's
  // /healthz, then the hooks.
  const trace: Trace = [
    line(
      HOOK_HANDLER_TLS_CONTAINER,
      1000,
      'I1202 17:41:47.248827       1 log.go:198] Started HTTP server on port 9090',
    ),
    line(HOOK_HANDLER_TLS_CONTAINER, 2000, 'I1202 17:41:47.365458       1 log.go:198] GET /healthz'),
    line(
      HOOK_HANDLER_TLS_CONTAINER,
      5000,
      'I1202 17:41:48.170453       1 log.go:198] GET /echo?msg=prestop-app-1&code=202',
    ),
    line(
      HOOK_HANDLER_TLS_CONTAINER,
      6000,
      'I1202 17:41:49.170453       1 log.go:198] GET /echo?msg=prestop-app-0&code=202',
    ),
    // The busybox handler's marker for the same container is an HTTP request, not this hook's.
    line(HOOK_HANDLER_CONTAINER, 4000, 'kp http /cgi-bin/prestop-app-2'),
  ];

  it('sees a container’s request by its echo msg, at the runtime’s timestamp', () => {
    expect(hookHandlerRequestSeen(trace, 'app-0', https)).toBe(true);
    expect(hookHandlerRequestAt(trace, 'app-0', https, 5500)).toBe(6000);
    expect(hookHandlerRequestAt(trace, 'app-0', https, 6500)).toBeUndefined();
    expect(hookHandlerRequestSeen(trace, 'app-3', https)).toBe(false);
  });

  it('keeps HTTP hooks on the busybox handler’s markers', () => {
    expect(hookHandlerRequestSeen(trace, 'app-2', http)).toBe(true);
    expect(hookHandlerRequestSeen(trace, 'app-2', https)).toBe(false);
    expect(hookHandlerRequestSeen(trace, 'app-0', http)).toBe(false);
  });
});
