import fc from 'fast-check';
import type { NetpolRule } from '../model/scenario/policies';
import { netpolPeer } from './networkpolicy-peer';
import { netpolPort } from './networkpolicy-port';

export interface NetpolRuleConstraints {
  maxPeers: number;
  maxPorts: number;
  ipBlocks: boolean;
  endPort: boolean;
  updatedLabel?: boolean;
}

/** An ingress or egress rule; empty peers or ports mean "all". Shrinks toward fewer peers and ports. */
export function netpolRule(constraints: NetpolRuleConstraints): fc.Arbitrary<NetpolRule> {
  return fc.record(
    {
      peers: fc.array(
        netpolPeer({ ipBlocks: constraints.ipBlocks, updatedLabel: constraints.updatedLabel }),
        { maxLength: constraints.maxPeers },
      ),
      ports: fc.array(netpolPort({ endPort: constraints.endPort }), { maxLength: constraints.maxPorts }),
    },
    { noNullPrototype: true },
  );
}
