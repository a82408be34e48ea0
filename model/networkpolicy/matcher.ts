import type { NetworkPolicyScenario } from '../scenario/families';
import type { NetpolRule, NetworkPolicySpec } from '../scenario/policies';
import { peersMatch } from './peer-match';
import { effectivePolicyTypes, type PolicyDirection } from './policy-types';
import { portsMatch, portsMatchByNumber, portsMatchWithoutEndPort } from './port-match';
import { selectorMatches } from './selector';
import {
  TOPOLOGY_PODS,
  allCells,
  isLoopback,
  podLabels,
  type Labelled,
  type NetpolCell,
  type PodId,
} from './topology';

/** What one side of a connection (the source's egress or the destination's ingress) decides. */
export interface DirectionDecision {
  direction: PolicyDirection;
  /** The pod whose policies decide: the source for Egress, the destination for Ingress. */
  pod: PodId;
  allowed: boolean;
  /** Policies ("ns/name") that select the pod for this direction; empty when not isolated. */
  isolatedBy: string[];
  /** Rules ("ns/name Ingress rule 0") that allow the connection. */
  allowedBy: string[];
  /** The policies ("ns/name") of those rules. */
  allowingPolicies: string[];
  /** Allowed on an isolated side only because a rule's endPort widens its port into a range. */
  onlyByEndPort: boolean;
  /**
   * Egress allowed only by a rule whose named port resolves on a destination pod that the rule reaches
   * through an ipBlock peer (no pod peer of the rule, and no numeric port of it, allows the cell).
   */
  onlyByNamedPortToIpBlock: boolean;
}

export interface CellReachability extends NetpolCell {
  allowed: boolean;
  /** Loopback cells are computed but not asserted (upstream ignoreLoopback). */
  asserted: boolean;
  egress: DirectionDecision;
  ingress: DirectionDecision;
}

export interface ReachabilityTable {
  cells: CellReachability[];
}

function policyId(policy: NetworkPolicySpec): string {
  return `${policy.namespace}/${policy.name}`;
}

interface CompiledRule {
  index: number;
  rule: NetpolRule;
  /** Remote pods the rule's peers select (peers depend only on the pod, not the cell). */
  peers: ReadonlySet<PodId>;
  /** Those its pod and namespace peers select (an empty peer list selects every pod). */
  podPeers: ReadonlySet<PodId>;
}

interface CompiledPolicy {
  id: string;
  types: PolicyDirection[];
  selects: ReadonlySet<PodId>;
  rules: Record<PolicyDirection, CompiledRule[]>;
}

/**
 * Label matching is per pod, so it is done once per scenario; per cell only ports remain. Labels are
 * the scenario's current ones (`labelled`): enforcers must follow label changes (upstream's
 * "should allow ingress access from updated pod", "... updated namespace", "should deny ingress
 * access to updated pod").
 */
function compile(policy: NetworkPolicySpec, labelled: Labelled): CompiledPolicy {
  const matching = (peers: NetpolRule['peers']): Set<PodId> =>
    new Set(
      TOPOLOGY_PODS.filter((p) => peersMatch(peers, policy.namespace, p.id, labelled)).map((p) => p.id),
    );
  const compileRules = (rules: NetpolRule[] | undefined): CompiledRule[] =>
    (rules ?? []).map((rule, index) => {
      const podPeers = rule.peers.filter((peer) => peer.kind !== 'ipBlock');
      return {
        index,
        rule,
        peers: matching(rule.peers),
        podPeers: rule.peers.length > 0 && podPeers.length === 0 ? new Set() : matching(podPeers),
      };
    });
  return {
    id: policyId(policy),
    types: effectivePolicyTypes(policy),
    selects: new Set(
      TOPOLOGY_PODS.filter(
        // A policy selects pods of its own namespace only (types.go NetworkPolicySpec.PodSelector).
        (p) =>
          p.namespace === policy.namespace && selectorMatches(policy.podSelector, podLabels(p, labelled)),
      ).map((p) => p.id),
    ),
    rules: { Ingress: compileRules(policy.ingress), Egress: compileRules(policy.egress) },
  };
}

/**
 * One direction's decision for `pod` talking to `remote`.
 * Source: kubernetes.io/docs/concepts/services-networking/network-policies ("The two sorts of pod
 * isolation"): a pod is isolated for a direction when a policy selecting it has that direction in
 * policyTypes; an isolated pod allows what the union of those policies' rules allows.
 */
function decide(
  policies: readonly CompiledPolicy[],
  direction: PolicyDirection,
  pod: PodId,
  remote: PodId,
  cell: NetpolCell,
): DirectionDecision {
  const selecting = policies.filter((policy) => policy.selects.has(pod) && policy.types.includes(direction));
  const allowedBy: string[] = [];
  const allowingPolicies = new Set<string>();
  let allowedWithoutEndPort = false;
  let allowedWithoutNamedPortToIpBlock = false;
  for (const policy of selecting) {
    for (const { index, rule, peers, podPeers } of policy.rules[direction]) {
      // A rule allows when its peers AND its ports match (types.go NetworkPolicyIngressRule).
      if (peers.has(remote) && portsMatch(rule.ports, cell)) {
        allowedBy.push(`${policy.id} ${direction} rule ${index}`);
        allowingPolicies.add(policy.id);
        allowedWithoutEndPort ||= portsMatchWithoutEndPort(rule.ports, cell);
        allowedWithoutNamedPortToIpBlock ||=
          direction === 'Ingress' || podPeers.has(remote) || portsMatchByNumber(rule.ports, cell);
      }
    }
  }
  return {
    direction,
    pod,
    allowed: selecting.length === 0 || allowedBy.length > 0,
    isolatedBy: selecting.map((policy) => policy.id),
    allowedBy,
    allowingPolicies: [...allowingPolicies],
    onlyByEndPort: allowedBy.length > 0 && !allowedWithoutEndPort,
    onlyByNamedPortToIpBlock: allowedBy.length > 0 && !allowedWithoutNamedPortToIpBlock,
  };
}

function decideCell(policies: readonly CompiledPolicy[], cell: NetpolCell): CellReachability {
  const egress = decide(policies, 'Egress', cell.from, cell.to, cell);
  const ingress = decide(policies, 'Ingress', cell.to, cell.from, cell);
  // A connection needs the source's egress AND the destination's ingress to allow it
  // (kubernetes.io network-policies: "both the egress policy on the source pod and the ingress
  // policy on the destination pod need to allow the connection").
  return {
    from: cell.from,
    to: cell.to,
    port: cell.port,
    protocol: cell.protocol,
    allowed: egress.allowed && ingress.allowed,
    asserted: !isLoopback(cell),
    egress,
    ingress,
  };
}

/** Reachability of one cell, with the decision of each side. */
export function cellReachability(scenario: NetworkPolicyScenario, cell: NetpolCell): CellReachability {
  return decideCell(
    scenario.policies.map((policy) => compile(policy, scenario.labelled)),
    cell,
  );
}

/**
 * The full truth table of a scenario: every source × destination × served port (SCTP ones when `sctp`),
 * with reasons (like Cyclonus's matcher).
 */
export function reachability(scenario: NetworkPolicyScenario, sctp: boolean): ReachabilityTable {
  const policies = scenario.policies.map((policy) => compile(policy, scenario.labelled));
  return { cells: allCells(sctp).map((cell) => decideCell(policies, cell)) };
}

/** One line on a direction's decision, for reports. */
export function explainDirection(decision: DirectionDecision, remote: PodId, cell: NetpolCell): string {
  const what = decision.direction === 'Egress' ? 'egress' : 'ingress';
  if (decision.isolatedBy.length === 0) {
    return `${what} open: no policy selects ${decision.pod} for ${decision.direction}`;
  }
  if (decision.allowed) {
    const range = decision.onlyByEndPort ? ' (only through an endPort range)' : '';
    const named = decision.onlyByNamedPortToIpBlock ? ' (only through a named port of an ipBlock peer)' : '';
    return `${what} allowed by ${decision.allowedBy.join(', ')}${range}${named}`;
  }
  return (
    `${what} denied: ${decision.pod} isolated by ${decision.isolatedBy.join(', ')} ` +
    `and no rule allows ${remote} on ${cell.port}/${cell.protocol}`
  );
}

/** Why a cell is allowed (both sides) or denied (the denying sides only). */
export function explainCell(cell: CellReachability): string {
  const egress = explainDirection(cell.egress, cell.to, cell);
  const ingress = explainDirection(cell.ingress, cell.from, cell);
  if (cell.allowed) return `${egress}; ${ingress}`;
  return [cell.egress.allowed ? undefined : egress, cell.ingress.allowed ? undefined : ingress]
    .filter((part): part is string => part !== undefined)
    .join('; ');
}
