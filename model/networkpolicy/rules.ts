/** Rule ids of the NetworkPolicy model, as listed in docs/semantics.md (NetworkPolicy section). */
export const NETPOL_RULES = {
  /** Allowed because neither side is isolated for its direction. */
  notIsolated: 'networkpolicy.not-isolated',
  /** Allowed because a rule of a selecting policy allows it on each isolated side. */
  ruleAllows: 'networkpolicy.rule-allows',
  /** Allowed, but on some isolated side only through an endPort range (port < p <= endPort). */
  endPortRange: 'networkpolicy.end-port-range',
  /**
   * Allowed, but on the source's egress only through a named port of a destination pod that the rule
   * reaches by an ipBlock peer: its own rule so that kube-router v1.2, which applies only numeric ports
   * to egress ipBlock peers, can be listed with --known-issues without hiding other rule-allows failures.
   */
  namedPortIpBlock: 'networkpolicy.named-port-ip-block',
  /** Denied because the source is isolated for egress and no egress rule allows it. */
  egressIsolation: 'networkpolicy.egress-isolation',
  /** Denied as egress-isolation, where a policy that isolates the source for egress also allows the destination's ingress from it (the mirror of ingressIsolationSharedPolicy). */
  egressIsolationSharedPolicy: 'networkpolicy.egress-isolation-shared-policy',
  /** Denied because the destination is isolated for ingress and no ingress rule allows it. */
  ingressIsolation: 'networkpolicy.ingress-isolation',
  /**
   * Denied as ingress-isolation, where a policy that isolates the destination for ingress also allows
   * the source's egress to it: its own rule so that kube-router v1.2, which lets such a connection
   * through, can be listed with --known-issues without hiding other ingress-isolation failures.
   */
  ingressIsolationSharedPolicy: 'networkpolicy.ingress-isolation-shared-policy',
} as const;

export type NetpolRuleId = (typeof NETPOL_RULES)[keyof typeof NETPOL_RULES];
