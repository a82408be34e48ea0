// @ts-nocheck
import { cellReachability } from '../../../model/networkpolicy/matcher';
import type { PodId, NetpolProtocol } from '../../../model/networkpolicy/topology';
import type { NetworkPolicyScenario } from '../../../model/scenario/families';
import type {
  NetpolPeer,
  NetpolPort,
  NetpolRule,
  NetworkPolicySpec,
  Selector,
} from '../../../model/scenario/policies';

/** Small builders so worked examples read like the YAML they stand for. */
export const all: Selector = { matchLabels: {} };
export const podIs = (pod: string): Selector => ({ matchLabels: { pod } });
export const nsIs = (ns: string): Selector => ({ matchLabels: { ns } });

export const podPeer = (selector: Selector): NetpolPeer => ({ kind: 'pod', podSelector: selector });
export const nsPeer = (selector: Selector): NetpolPeer => ({
  kind: 'namespace',
  namespaceSelector: selector,
});
export const bothPeer = (pods: Selector, namespaces: Selector): NetpolPeer => ({
  kind: 'podInNamespace',
  podSelector: pods,
  namespaceSelector: namespaces,
});
export const rule = (peers: NetpolPeer[] = [], ports: NetpolPort[] = []): NetpolRule => ({ peers, ports });

export function policy(
  spec: Partial<NetworkPolicySpec> & Pick<NetworkPolicySpec, 'name'>,
): NetworkPolicySpec {
  return { namespace: 'x', podSelector: all, ...spec };
}

export function scenario(...policies: NetworkPolicySpec[]): NetworkPolicyScenario {
  return { family: 'networkpolicy', policies };
}

export function allowed(
  s: NetworkPolicyScenario,
  from: PodId,
  to: PodId,
  port = 80,
  protocol: NetpolProtocol = 'TCP',
): boolean {
  return cellReachability(s, { from, to, port, protocol }).allowed;
}
