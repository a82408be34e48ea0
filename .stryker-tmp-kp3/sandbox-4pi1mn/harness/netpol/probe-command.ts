// @ts-nocheck
import { UDP_REPLY } from '../../generators/manifests/networkpolicy';
import type { NetpolProtocol } from '../../model/networkpolicy/topology';

/** Seconds one probe waits for a connection or a reply (busybox nc -w). */
export const PROBE_WAIT_SECONDS = 1;

/**
 * The command a source pod runs to probe a destination. TCP: `nc -z` (connect, send nothing)
 * succeeds with exit 0 only when the handshake completes. UDP has no handshake, so a probe is a
 * request/response: send one datagram, and it connected only if the server's reply comes back.
 */
export function probeCommand(ip: string, port: number, protocol: NetpolProtocol): string[] {
  if (protocol === 'TCP') return ['nc', '-z', '-w', String(PROBE_WAIT_SECONDS), ip, String(port)];
  return ['sh', '-c', `echo ping | nc -u -w ${PROBE_WAIT_SECONDS} ${ip} ${port}`];
}

/** Whether a finished probe command shows a connection. */
export function probeConnected(
  protocol: NetpolProtocol,
  result: { exitCode: number; output: string },
): boolean {
  if (protocol === 'TCP') return result.exitCode === 0;
  return result.output.includes(UDP_REPLY);
}
