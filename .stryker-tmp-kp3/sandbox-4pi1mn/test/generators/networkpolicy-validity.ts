// @ts-nocheck
import type {
  V1LabelSelector,
  V1NetworkPolicy,
  V1NetworkPolicyPeer,
  V1NetworkPolicyPort,
} from '@kubernetes/client-node';
import { cidrContains } from '../../generators/manifests/networkpolicy-cidr';

/**
 * The API server's validation of a NetworkPolicy, transcribed from
 * pkg/apis/networking/validation/validation.go (ValidateNetworkPolicySpec, ValidateNetworkPolicyPort,
 * ValidateIPBlock) and apimachinery's ValidateLabelSelector, for the fields kubeprop generates.
 * Returns the violations; empty means the API would accept it.
 */
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
// IANA_SVC_NAME: at most 15 characters, lowercase letters, digits and '-', at least one letter.
const IANA_SVC_NAME = /^(?=.*[a-z])[a-z0-9]([a-z0-9-]{0,13}[a-z0-9])?$/;

function selectorErrors(where: string, selector: V1LabelSelector | undefined): string[] {
  if (selector === undefined) return [];
  return (selector.matchExpressions ?? []).flatMap((req) => {
    const values = req.values ?? [];
    if ((req.operator === 'In' || req.operator === 'NotIn') && values.length === 0) {
      return [`${where}: ${req.operator} needs values`];
    }
    if ((req.operator === 'Exists' || req.operator === 'DoesNotExist') && values.length > 0) {
      return [`${where}: ${req.operator} must have no values`];
    }
    return ['In', 'NotIn', 'Exists', 'DoesNotExist'].includes(req.operator) ? [] : [`${where}: bad operator`];
  });
}

function portErrors(where: string, port: V1NetworkPolicyPort): string[] {
  const errors: string[] = [];
  if (port.protocol !== undefined && !['TCP', 'UDP', 'SCTP'].includes(port.protocol))
    errors.push(`${where}: protocol`);
  if (typeof port.port === 'number' && (port.port < 1 || port.port > 65535))
    errors.push(`${where}: port range`);
  if (typeof port.port === 'string' && !IANA_SVC_NAME.test(port.port)) errors.push(`${where}: port name`);
  if (port.endPort !== undefined) {
    if (typeof port.port !== 'number') errors.push(`${where}: endPort needs a numeric port`);
    else if (port.endPort < port.port) errors.push(`${where}: endPort < port`);
  }
  return errors;
}

function cidrErrors(where: string, cidr: string, except: string[], symbolic: boolean): string[] {
  if (symbolic) {
    const ok = (c: string): boolean => c === 'pods' || /^pod:[xyz]\/[abc]$/.test(c);
    if (!ok(cidr) || !except.every(ok)) return [`${where}: symbolic CIDR`];
    // A host CIDR has no strict subset; only the all-pods block can carry except entries.
    return except.length > 0 && cidr !== 'pods' ? [`${where}: except not a strict subset`] : [];
  }
  const [base, prefix] = cidr.split('/');
  return except.flatMap((e) => {
    const [exceptBase, exceptPrefix] = e.split('/');
    return cidrContains(cidr, exceptBase) && Number(exceptPrefix) > Number(prefix) && cidrContains(cidr, base)
      ? []
      : [`${where}: except ${e} not a strict subset of ${cidr}`];
  });
}

function peerErrors(where: string, peer: V1NetworkPolicyPeer, symbolic: boolean): string[] {
  const kinds = [peer.podSelector || peer.namespaceSelector, peer.ipBlock].filter(Boolean).length;
  const errors = kinds === 1 ? [] : [`${where}: a peer is selectors or an ipBlock, exactly one`];
  errors.push(...selectorErrors(`${where}.podSelector`, peer.podSelector));
  errors.push(...selectorErrors(`${where}.namespaceSelector`, peer.namespaceSelector));
  if (peer.ipBlock)
    errors.push(...cidrErrors(`${where}.ipBlock`, peer.ipBlock.cidr, peer.ipBlock.except ?? [], symbolic));
  return errors;
}

export function networkPolicyErrors(policy: V1NetworkPolicy, options: { symbolicCidrs: boolean }): string[] {
  const errors: string[] = [];
  const name = policy.metadata?.name ?? '';
  if (!DNS1123_SUBDOMAIN.test(name) || name.length > 253) errors.push(`name "${name}"`);
  const spec = policy.spec;
  if (spec === undefined || spec.podSelector === undefined)
    return [...errors, 'spec.podSelector is required'];
  errors.push(...selectorErrors('spec.podSelector', spec.podSelector));
  const types = spec.policyTypes ?? [];
  if (
    types.length > 2 ||
    new Set(types).size !== types.length ||
    !types.every((t) => t === 'Ingress' || t === 'Egress')
  ) {
    errors.push(`policyTypes ${JSON.stringify(types)}`);
  }
  (spec.ingress ?? []).forEach((rule, i) => {
    (rule._from ?? []).forEach((peer, j) =>
      errors.push(...peerErrors(`ingress[${i}].from[${j}]`, peer, options.symbolicCidrs)),
    );
    (rule.ports ?? []).forEach((port, j) => errors.push(...portErrors(`ingress[${i}].ports[${j}]`, port)));
  });
  (spec.egress ?? []).forEach((rule, i) => {
    (rule.to ?? []).forEach((peer, j) =>
      errors.push(...peerErrors(`egress[${i}].to[${j}]`, peer, options.symbolicCidrs)),
    );
    (rule.ports ?? []).forEach((port, j) => errors.push(...portErrors(`egress[${i}].ports[${j}]`, port)));
  });
  return errors;
}
