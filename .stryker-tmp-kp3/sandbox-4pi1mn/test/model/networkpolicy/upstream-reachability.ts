// @ts-nocheck
import { TOPOLOGY_PODS, type PodId } from '../../../model/networkpolicy/topology';

/**
 * A transcription of upstream's test helper (test/e2e/network/netpol/reachability.go): a truth
 * table that starts all-allowed and is edited with the same verbs the e2e cases use, so an
 * upstream case's expectation can be copied verbatim and compared with the model.
 */
export class UpstreamReachability {
  private readonly table = new Map<string, boolean>();

  constructor(initial = true) {
    for (const from of TOPOLOGY_PODS)
      for (const to of TOPOLOGY_PODS) this.table.set(`${from.id}->${to.id}`, initial);
  }

  /** Peer{} matches all; Peer{Namespace} a namespace; Peer{Namespace, Pod} one pod. */
  expectPeer(from: { ns?: string; pod?: string }, to: { ns?: string; pod?: string }, value: boolean): this {
    const matches = (id: PodId, peer: { ns?: string; pod?: string }): boolean => {
      const [ns, pod] = id.split('/');
      return (peer.ns === undefined || peer.ns === ns) && (peer.pod === undefined || peer.pod === pod);
    };
    for (const f of TOPOLOGY_PODS)
      for (const t of TOPOLOGY_PODS)
        if (matches(f.id, from) && matches(t.id, to)) this.table.set(`${f.id}->${t.id}`, value);
    return this;
  }

  expect(from: PodId, to: PodId, value: boolean): this {
    this.table.set(`${from}->${to}`, value);
    return this;
  }

  expectAllIngress(to: PodId, value: boolean): this {
    for (const f of TOPOLOGY_PODS) this.table.set(`${f.id}->${to}`, value);
    return this;
  }

  expectAllEgress(from: PodId, value: boolean): this {
    for (const t of TOPOLOGY_PODS) this.table.set(`${from}->${t.id}`, value);
    return this;
  }

  get(from: PodId, to: PodId): boolean {
    return this.table.get(`${from}->${to}`) ?? false;
  }
}
