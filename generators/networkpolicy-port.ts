import fc from 'fast-check';
import { ALL_SERVED_PORTS } from '../model/networkpolicy/topology';
import type { NetpolPort } from '../model/scenario/policies';

export interface NetpolPortConstraints {
  /** Whether port ranges (endPort) may appear: the server must support them. */
  endPort: boolean;
}

/**
 * SCTP whether or not the run carries SCTP traffic, so a seed draws the same policies on every
 * cluster: an SCTP entry must admit no TCP or UDP probe, and its policy still isolates (upstream's
 * "should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP'"); where the topology serves SCTP
 * it must admit exactly its SCTP cells. The API accepts SCTP on every supported release (SCTPSupport
 * GA 1.20).
 */
const protocol = fc.constantFrom('TCP' as const, 'UDP' as const, 'SCTP' as const);
/** Around the served ports 80 and 81, so that ports and ranges both hit and miss. */
const portNumber = fc.integer({ min: 79, max: 82 });

/**
 * A NetworkPolicyPort: protocol only (all its ports), a number, a named port of the topology with
 * its own protocol (serve-80-sctp too), or a range. endPort only with a numeric port and
 * endPort >= port (pkg/apis/networking/validation ValidateNetworkPolicyPort).
 */
export function netpolPort(constraints: NetpolPortConstraints): fc.Arbitrary<NetpolPort> {
  const choices: fc.Arbitrary<NetpolPort>[] = [
    protocol.map((p): NetpolPort => ({ protocol: p })),
    fc.tuple(protocol, portNumber).map(([p, port]): NetpolPort => ({ protocol: p, port })),
    fc
      .constantFrom(...ALL_SERVED_PORTS)
      .map((named): NetpolPort => ({ protocol: named.protocol, port: named.name })),
  ];
  if (constraints.endPort) {
    choices.push(
      fc
        .tuple(protocol, portNumber, fc.integer({ min: 0, max: 2 }))
        .map(([p, port, span]): NetpolPort => ({ protocol: p, port, endPort: port + span })),
    );
  }
  return fc.oneof(...choices);
}
