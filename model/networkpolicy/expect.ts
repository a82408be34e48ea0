import type { Capabilities } from '../capabilities';
import type { Expectation, FieldExpectation, ModelOptions } from '../expectation';
import type { NetworkPolicyScenario } from '../scenario/families';
import { explainCell, reachability, type CellReachability, type DirectionDecision } from './matcher';
import { NETPOL_RULES, type NetpolRuleId } from './rules';
import { netpolSctpCells } from './sctp';
import { assertedCells, cellName } from './topology';

/** The rule a cell's expectation names: the side that denies it, or why it connects. */
export function ruleOf(cell: CellReachability): NetpolRuleId {
  // The shared-policy rules: one policy both isolates the denying side and allows the other side, so
  // that kube-router v1.2, which lets such a cell through, can be listed with --known-issues.
  const shared = (denying: DirectionDecision, other: DirectionDecision): boolean =>
    denying.isolatedBy.some((policy) => other.allowingPolicies.includes(policy));
  if (!cell.egress.allowed) {
    return shared(cell.egress, cell.ingress)
      ? NETPOL_RULES.egressIsolationSharedPolicy
      : NETPOL_RULES.egressIsolation;
  }
  if (!cell.ingress.allowed) {
    return shared(cell.ingress, cell.egress)
      ? NETPOL_RULES.ingressIsolationSharedPolicy
      : NETPOL_RULES.ingressIsolation;
  }
  // Its own rule, so that an implementation without endPort can be listed as a known issue
  // (--known-issues) without hiding other failures of rule-allows.
  if (cell.egress.onlyByEndPort || cell.ingress.onlyByEndPort) return NETPOL_RULES.endPortRange;
  if (cell.egress.onlyByNamedPortToIpBlock || cell.ingress.onlyByNamedPortToIpBlock)
    return NETPOL_RULES.namedPortIpBlock;
  return cell.egress.isolatedBy.length > 0 || cell.ingress.isolatedBy.length > 0
    ? NETPOL_RULES.ruleAllows
    : NETPOL_RULES.notIsolated;
}

/**
 * The expected reachability matrix: one field per non-loopback cell ("x/a->y/b:80/TCP") that
 * equals true (connects) or false (blocked); the SCTP cells only when the run carries SCTP
 * (model/networkpolicy/sctp.ts). NetworkPolicy semantics have not changed since
 * networking.k8s.io/v1 (1.7) apart from endPort (GA 1.25), which the generator gates, so the model
 * does not depend on the server version.
 */
export function expectNetworkPolicy(
  scenario: NetworkPolicyScenario,
  capabilities: Capabilities,
  _options: ModelOptions,
): Expectation {
  const fields: Record<string, FieldExpectation> = {};
  for (const cell of reachability(scenario, netpolSctpCells(capabilities)).cells) {
    if (!cell.asserted) continue;
    fields[cellName(cell)] = {
      expected: { kind: 'equals', value: cell.allowed },
      rule: ruleOf(cell),
      because: explainCell(cell),
    };
  }
  return { family: 'networkpolicy', fields };
}

/** The field names every NetworkPolicy case judges without SCTP traffic. */
export const NETPOL_FIELDS: readonly string[] = assertedCells(false).map(cellName);
/** ... and with it. */
export const NETPOL_SCTP_FIELDS: readonly string[] = assertedCells(true).map(cellName);
