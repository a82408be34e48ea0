import type {
  V1LabelSelector,
  V1NetworkPolicy,
  V1NetworkPolicyPeer,
  V1NetworkPolicyPort,
} from '@kubernetes/client-node';
import { UDP_REPLY } from '../../generators/manifests/networkpolicy';

/**
 * The simulated CNI's NetworkPolicy data plane: decides whether a connection from one pod to another
 * gets through, from the NetworkPolicy objects in the store. Written from the API reference
 * (networking/v1 NetworkPolicySpec docs; kubernetes.io/docs/concepts/services-networking/network-policies),
 * independently of the model's matcher so the two can disagree.
 */

export interface NetpolEndpoint {
  namespace: string;
  namespaceLabels: Record<string, string>;
  labels: Record<string, string>;
  ip: string;
  ports: { name?: string; containerPort: number; protocol?: string }[];
}

export type Protocol = 'TCP' | 'UDP' | 'SCTP';

export interface Connection {
  from: NetpolEndpoint;
  to: NetpolEndpoint;
  port: number;
  protocol: Protocol;
}

export interface DataPlaneOptions {
  /** Seeded defect: egress rules are not enforced. */
  ignoreEgress?: boolean;
  /** Seeded defect: endPort is dropped, as by an enforcer whose API client predates it (kube-router v1.2). */
  ignoreEndPort?: boolean;
  /** Seeded defect: a port entry with protocol SCTP is programmed as TCP. */
  sctpAsTcp?: boolean;
  /** Seeded defect: a policy with an SCTP port entry is not programmed at all (its pods stay open). */
  skipSctpPolicies?: boolean;
  /** Seeded defect: port entries with protocol SCTP are dropped (they admit nothing; the policy still isolates). */
  dropSctpPorts?: boolean;
  /** Seeded defect: a TCP port entry also admits SCTP to its port (a rule that leaves the protocol out). */
  tcpPortAdmitsSctp?: boolean;
  /** Seeded defect: namespaceSelectors do not see the `kubernetes.io/metadata.name` label. */
  ignoreNamespaceNameLabel?: boolean;
}

/** The label the API server sets on every namespace (core/v1 well_known_labels.go LabelMetadataName). */
const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Label selector semantics (apimachinery metav1.LabelSelectorAsSelector); empty selects everything. */
export function selectorMatches(
  selector: V1LabelSelector | undefined,
  labels: Record<string, string>,
): boolean {
  if (!selector) return true;
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    if (labels[key] !== value) return false;
  }
  for (const expression of selector.matchExpressions ?? []) {
    const has = expression.key in labels;
    const value = labels[expression.key];
    const values = expression.values ?? [];
    switch (expression.operator) {
      case 'In':
        if (!has || !values.includes(value)) return false;
        break;
      case 'NotIn':
        if (has && values.includes(value)) return false;
        break;
      case 'Exists':
        if (!has) return false;
        break;
      case 'DoesNotExist':
        if (has) return false;
        break;
      default:
        return false;
    }
  }
  return true;
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

/** IPv4 CIDR containment. */
export function cidrContains(cidr: string, ip: string): boolean {
  const [base, bitsText] = cidr.split('/');
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (bits === 0) return true;
  const size = 2 ** (32 - bits);
  return Math.floor(ipToNumber(base) / size) === Math.floor(ipToNumber(ip) / size);
}

/**
 * policyTypes default when absent or empty: Ingress, plus Egress when the policy has at least one
 * egress rule (`egress: []` does not count). Source: pkg/apis/networking/v1/defaults.go
 * SetDefaults_NetworkPolicy.
 */
function policyTypes(policy: V1NetworkPolicy): string[] {
  const given = policy.spec?.policyTypes ?? [];
  if (given.length > 0) return given;
  return (policy.spec?.egress ?? []).length > 0 ? ['Ingress', 'Egress'] : ['Ingress'];
}

/** Whether a peer admits the remote end; pod/namespace selectors AND within one peer. */
function peerMatches(
  peer: V1NetworkPolicyPeer,
  policyNamespace: string,
  remote: NetpolEndpoint,
  options: DataPlaneOptions,
): boolean {
  if (peer.ipBlock) {
    return (
      cidrContains(peer.ipBlock.cidr, remote.ip) &&
      !(peer.ipBlock.except ?? []).some((except) => cidrContains(except, remote.ip))
    );
  }
  const { [NAMESPACE_NAME_LABEL]: _name, ...ownLabels } = remote.namespaceLabels;
  const namespaceLabels = options.ignoreNamespaceNameLabel ? ownLabels : remote.namespaceLabels;
  const namespaceOk = peer.namespaceSelector
    ? selectorMatches(peer.namespaceSelector, namespaceLabels)
    : remote.namespace === policyNamespace;
  const podOk = peer.podSelector ? selectorMatches(peer.podSelector, remote.labels) : true;
  return namespaceOk && podOk;
}

/** Whether a rule's port entry covers the connection; named ports resolve on the destination pod. */
function portMatches(entry: V1NetworkPolicyPort, connection: Connection, options: DataPlaneOptions): boolean {
  const given = entry.protocol ?? 'TCP';
  if (options.dropSctpPorts && given === 'SCTP') return false;
  const protocol = options.sctpAsTcp && given === 'SCTP' ? 'TCP' : given;
  const sctpThroughTcp = options.tcpPortAdmitsSctp && protocol === 'TCP' && connection.protocol === 'SCTP';
  if (protocol !== connection.protocol && !sctpThroughTcp) return false;
  if (entry.port === undefined) return true;
  if (typeof entry.port === 'number') {
    const end = (options.ignoreEndPort ? undefined : entry.endPort) ?? entry.port;
    return connection.port >= entry.port && connection.port <= end;
  }
  return connection.to.ports.some(
    (port) =>
      port.name === entry.port &&
      port.containerPort === connection.port &&
      (port.protocol ?? 'TCP') === connection.protocol,
  );
}

function ruleAllows(
  peers: V1NetworkPolicyPeer[] | undefined,
  ports: V1NetworkPolicyPort[] | undefined,
  policyNamespace: string,
  remote: NetpolEndpoint,
  connection: Connection,
  options: DataPlaneOptions,
): boolean {
  const peerOk =
    !peers || peers.length === 0 || peers.some((peer) => peerMatches(peer, policyNamespace, remote, options));
  const portOk =
    !ports || ports.length === 0 || ports.some((entry) => portMatches(entry, connection, options));
  return peerOk && portOk;
}

function hasSctpPort(policy: V1NetworkPolicy): boolean {
  const rules = [...(policy.spec?.ingress ?? []), ...(policy.spec?.egress ?? [])];
  return rules.some((rule) => (rule.ports ?? []).some((entry) => entry.protocol === 'SCTP'));
}

/**
 * One direction at one end: open when no policy of the end's namespace selects the end for that
 * direction, else allowed by the union of the rules of the selecting policies.
 */
function directionAllows(
  direction: 'Ingress' | 'Egress',
  policies: V1NetworkPolicy[],
  connection: Connection,
  options: DataPlaneOptions,
): boolean {
  const self = direction === 'Ingress' ? connection.to : connection.from;
  const remote = direction === 'Ingress' ? connection.from : connection.to;
  const selecting = policies.filter(
    (policy) =>
      !(options.skipSctpPolicies && hasSctpPort(policy)) &&
      policy.metadata?.namespace === self.namespace &&
      policyTypes(policy).includes(direction) &&
      selectorMatches(policy.spec?.podSelector, self.labels),
  );
  if (selecting.length === 0) return true;
  return selecting.some((policy) => {
    const namespace = policy.metadata?.namespace ?? '';
    const rules =
      direction === 'Ingress'
        ? (policy.spec?.ingress ?? []).map((rule) => ({ peers: rule._from, ports: rule.ports }))
        : (policy.spec?.egress ?? []).map((rule) => ({ peers: rule.to, ports: rule.ports }));
    return rules.some((rule) => ruleAllows(rule.peers, rule.ports, namespace, remote, connection, options));
  });
}

/** A connection needs the source's egress and the destination's ingress to allow it. */
export function connectionAllowed(
  connection: Connection,
  policies: V1NetworkPolicy[],
  options: DataPlaneOptions = {},
): boolean {
  const egress = options.ignoreEgress || directionAllows('Egress', policies, connection, options);
  return egress && directionAllows('Ingress', policies, connection, options);
}

export interface ProbeRequest {
  ip: string;
  port: number;
  protocol: Protocol;
}

const NC_TCP = /^nc$/;
const NC_UDP = /nc -u -w \d+ (\S+) (\d+)/;
const AGNHOST_TARGET = /^\[?([^\]]+)\]?:(\d+)$/;

/**
 * Reads the prober's commands (harness/netpol/probe-command.ts): `nc -z -w 1 <ip> <port>` for TCP,
 * `sh -c "echo ping | nc -u -w 1 <ip> <port>"` for UDP, and `/agnhost connect <ip>:<port> --timeout=1s
 * --protocol=sctp` for SCTP. Undefined for any other command.
 */
export function parseProbeCommand(command: string[]): ProbeRequest | undefined {
  if (NC_TCP.test(command[0] ?? '') && command.includes('-z')) {
    const port = Number(command[command.length - 1]);
    const ip = command[command.length - 2];
    return Number.isInteger(port) && ip ? { ip, port, protocol: 'TCP' } : undefined;
  }
  if (command[0] === '/agnhost' && command[1] === 'connect' && command.includes('--protocol=sctp')) {
    const target = AGNHOST_TARGET.exec(command[2] ?? '');
    return target ? { ip: target[1], port: Number(target[2]), protocol: 'SCTP' } : undefined;
  }
  const script = command[0] === 'sh' && command[1] === '-c' ? command[2] : undefined;
  const match = script ? NC_UDP.exec(script) : null;
  return match ? { ip: match[1], port: Number(match[2]), protocol: 'UDP' } : undefined;
}

/** What the probe command prints and exits with for a connection that did or did not get through. */
export function probeOutput(request: ProbeRequest, connected: boolean): { exitCode: number; output: string } {
  switch (request.protocol) {
    case 'TCP':
      return connected ? { exitCode: 0, output: '' } : { exitCode: 1, output: 'nc: timed out\n' };
    case 'UDP':
      return connected ? { exitCode: 0, output: `${UDP_REPLY}\n` } : { exitCode: 0, output: '' };
    case 'SCTP':
      // test/images/agnhost/connect/connect.go connectSCTP: silent on success, "TIMEOUT" when no association.
      return connected ? { exitCode: 0, output: '' } : { exitCode: 1, output: 'TIMEOUT\n' };
  }
}

/**
 * `agnhost connect --protocol=sctp` on a kernel without SCTP: socket() fails with EPROTONOSUPPORT
 * (connect.go connectSCTP prints "OTHER: <err>"), as on the v1.26.1 test node (kernel 6.18.44, no
 * CONFIG_IP_SCTP).
 */
export const NO_SCTP_OUTPUT = { exitCode: 1, output: 'OTHER: protocol not supported\n' } as const;
