/** Rule ids of the NetworkPolicy model, as listed in docs/semantics.md (NetworkPolicy section). */
export const NETPOL_RULES = {
  /** Allowed because neither side is isolated for its direction. */
  notIsolated: 'networkpolicy.not-isolated',
  /** Allowed because a rule of a selecting policy allows it on each isolated side. */
  ruleAllows: 'networkpolicy.rule-allows',
  /** Allowed, but on some isolated side only through an endPort range (port < p <= endPort). */
  endPortRange: 'networkpolicy.end-port-range',
  /** Denied because the source is isolated for egress and no egress rule allows it. */
  egressIsolation: 'networkpolicy.egress-isolation',
  /** Denied because the destination is isolated for ingress and no ingress rule allows it. */
  ingressIsolation: 'networkpolicy.ingress-isolation',
} as const;

export type NetpolRuleId = (typeof NETPOL_RULES)[keyof typeof NETPOL_RULES];
