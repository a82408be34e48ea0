import { observeNetworkPolicy } from '../../../harness/observe/networkpolicy';
import { probeGap } from '../../../harness/netpol/probe-record';
import { NETPOL_FIELDS, NETPOL_SCTP_FIELDS } from '../../../model/networkpolicy/expect';
import type { NetworkPolicyScenario } from '../../../model/scenario/families';
import type { TraceEntry } from '../../../model/trace';

const scenario: NetworkPolicyScenario = { family: 'networkpolicy', policies: [] };
const probe = (
  t: number,
  from: string,
  to: string,
  connected: boolean,
  port = 80,
  protocol: 'TCP' | 'UDP' | 'SCTP' = 'TCP',
): TraceEntry => ({
  kind: 'reachability',
  t,
  from,
  to,
  port,
  protocol,
  connected,
});

describe('observeNetworkPolicy', () => {
  it('gives one field per asserted cell, named as the model names them', () => {
    const observation = observeNetworkPolicy([], scenario);
    expect(Object.keys(observation.fields).sort()).toEqual([...NETPOL_FIELDS].sort());
    expect(observation.fields['x/a->y/b:80/UDP']).toEqual({ kind: 'missing', reason: 'cell not probed' });
  });

  it('has the SCTP cells as fields when the case probed SCTP (the run carried it), by probe or failed probe', () => {
    const probed = observeNetworkPolicy([probe(1, 'x/a', 'y/b', true, 80, 'SCTP')], scenario);
    expect(Object.keys(probed.fields).sort()).toEqual([...NETPOL_SCTP_FIELDS].sort());
    expect(probed.fields['x/a->y/b:80/SCTP']).toEqual({ kind: 'value', value: true });
    expect(probed.fields['x/a->y/c:80/SCTP']).toEqual({ kind: 'missing', reason: 'cell not probed' });
    const failed = observeNetworkPolicy([probeGap(1, 'x/a->y/b:80/SCTP', 'exec failed')], scenario);
    expect(Object.keys(failed.fields)).toHaveLength(288);
  });

  it('takes the last attempt of a cell', () => {
    const observation = observeNetworkPolicy(
      [probe(1, 'x/a', 'y/b', false), probe(2, 'x/a', 'y/b', true)],
      scenario,
    );
    expect(observation.fields['x/a->y/b:80/TCP']).toEqual({ kind: 'value', value: true });
  });

  it('keeps protocols and ports apart', () => {
    const observation = observeNetworkPolicy(
      [probe(1, 'x/a', 'y/b', false, 80, 'UDP'), probe(1, 'x/a', 'y/b', true, 81, 'TCP')],
      scenario,
    );
    expect(observation.fields['x/a->y/b:80/UDP']).toEqual({ kind: 'value', value: false });
    expect(observation.fields['x/a->y/b:81/TCP']).toEqual({ kind: 'value', value: true });
    expect(observation.fields['x/a->y/b:80/TCP']?.kind).toBe('missing');
  });

  it('reports a failed probe as missing and ignores gaps that are not probes', () => {
    const observation = observeNetworkPolicy(
      [
        probe(1, 'x/a', 'y/b', false),
        probeGap(2, 'x/a->y/b:80/TCP', 'exec: 500'),
        { kind: 'gap', t: 3, what: 'pod watch dropped' },
      ],
      scenario,
    );
    expect(observation.fields['x/a->y/b:80/TCP']).toEqual({
      kind: 'missing',
      reason: 'probe failed: exec: 500',
    });
    expect(observation.timeline.map((e) => e.what)).toEqual(['probe', 'probe-failed']);
  });

  it('ignores loopback probes (not asserted) and anchors at the first probe', () => {
    const observation = observeNetworkPolicy(
      [probe(5, 'x/a', 'x/a', false), probe(7, 'x/a', 'x/b', true)],
      scenario,
    );
    expect(observation.fields['x/a->x/a:80/TCP']).toBeUndefined();
    expect(observation.anchors).toEqual({ probesStart: 5 });
  });
});
