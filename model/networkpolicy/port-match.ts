import type { NetpolPort } from '../scenario/policies';
import { ALL_SERVED_PORTS, type NetpolCell } from './topology';

/**
 * Whether one NetworkPolicyPort admits the cell's destination port.
 * Source: staging/src/k8s.io/api/networking/v1/types.go NetworkPolicyPort (protocol, port, endPort).
 */
export function portMatches(policyPort: NetpolPort, cell: NetpolCell): boolean {
  // protocol must equal the traffic's ("only traffic on the specified protocol AND port will be
  // matched"); the API defaults an absent protocol to TCP (pkg/apis/networking/v1/defaults.go
  // SetDefaults_NetworkPolicyPort). So an SCTP entry admits SCTP only, never TCP or UDP, and a pod
  // its policy selects stays isolated whether or not the plugin supports SCTP
  // (test/e2e/network/netpol/network_policy.go "should not mistakenly treat 'protocol: SCTP' as
  // 'protocol: TCP'", "should properly isolate pods that are selected by a policy allowing SCTP");
  // a TCP or UDP entry, or one without protocol, never admits SCTP ("using SCTP ... should enforce
  // policy based on Ports"). Number, range and name apply to SCTP as to the others: the type has no
  // protocol-specific field.
  if (policyPort.protocol !== cell.protocol) return false;
  // No port: every port of the protocol (types.go NetworkPolicyPort.Port "If not specified, this
  // matches all port names and numbers").
  if (policyPort.port === undefined) return true;
  if (typeof policyPort.port === 'number') {
    // endPort: the range port..endPort inclusive (types.go NetworkPolicyPort.EndPort).
    if (policyPort.endPort !== undefined) {
      return cell.port >= policyPort.port && cell.port <= policyPort.endPort;
    }
    return cell.port === policyPort.port;
  }
  // A named port resolves on the destination pod's container ports, with the given protocol
  // (types.go: "a numerical or named port on a pod"); every topology pod serves the same ports, and
  // an SCTP name resolves only on a pod serving SCTP, which is when SCTP cells exist.
  const named = ALL_SERVED_PORTS.find(
    (p) => p.name === policyPort.port && p.protocol === policyPort.protocol,
  );
  return named !== undefined && named.port === cell.port;
}

/** An empty ports list matches every port (types.go NetworkPolicyIngressRule.Ports). */
export function portsMatch(ports: NetpolPort[], cell: NetpolCell): boolean {
  return ports.length === 0 || ports.some((p) => portMatches(p, cell));
}

/**
 * portsMatch with every endPort left out: what an implementation without endPort (older API clients
 * drop the field, e.g. kube-router before v1.3.0) still allows. It never allows more than portsMatch.
 */
export function portsMatchWithoutEndPort(ports: NetpolPort[], cell: NetpolCell): boolean {
  return portsMatch(
    ports.map(({ endPort: _endPort, ...port }) => port),
    cell,
  );
}

/**
 * Whether a rule's ports admit the cell without resolving a named port: what kube-router v1.2 applies
 * to an egress rule's ipBlock peers (it resolves named ports on the pods of pod and namespace peers
 * only: pkg/controllers/netpol/policy.go processEgressRules).
 * An empty list still admits every port.
 */
export function portsMatchByNumber(ports: NetpolPort[], cell: NetpolCell): boolean {
  return ports.length === 0 || ports.some((p) => typeof p.port !== 'string' && portMatches(p, cell));
}
