import { UDP_REPLY } from '../../generators/manifests/networkpolicy';
import type { NetpolProtocol } from '../../model/networkpolicy/topology';

/** Seconds one probe waits for a connection or a reply (busybox nc -w, agnhost connect --timeout). */
export const PROBE_WAIT_SECONDS = 1;

/**
 * The command a source pod runs to probe a destination. TCP: `nc -z` (connect, send nothing)
 * succeeds with exit 0 only when the handshake completes. UDP has no handshake, so a probe is a
 * request/response: send one datagram, and it connected only if the server's reply comes back.
 * SCTP: busybox has none, so the server image's `agnhost connect`, as upstream's netpol prober runs it
 * (test/e2e/network/netpol/kubemanager.go probeConnectivity), exit 0 once the association is up.
 */
export function probeCommand(ip: string, port: number, protocol: NetpolProtocol): string[] {
  switch (protocol) {
    case 'TCP':
      return ['nc', '-z', '-w', String(PROBE_WAIT_SECONDS), ip, String(port)];
    case 'UDP':
      return ['sh', '-c', `echo ping | nc -u -w ${PROBE_WAIT_SECONDS} ${ip} ${port}`];
    case 'SCTP':
      return [
        '/agnhost',
        'connect',
        // net.JoinHostPort, as upstream: an IPv6 address in brackets.
        ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`,
        `--timeout=${PROBE_WAIT_SECONDS}s`,
        '--protocol=sctp',
      ];
  }
}

/** Whether a finished probe command shows a connection. */
export function probeConnected(
  protocol: NetpolProtocol,
  result: { exitCode: number; output: string },
): boolean {
  if (protocol === 'UDP') return result.output.includes(UDP_REPLY);
  return result.exitCode === 0;
}
