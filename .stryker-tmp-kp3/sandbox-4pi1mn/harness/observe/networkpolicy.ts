// @ts-nocheck
import { assertedCells, cellName, type PodId } from '../../model/networkpolicy/topology';
import type { Observation, Observed, TimelineEntry } from '../../model/observation';
import type { NetworkPolicyScenario } from '../../model/scenario/families';
import type { Trace } from '../../model/trace';
import { parseProbeGap } from '../netpol/probe-record';

/**
 * Reduces a NetworkPolicy case's trace to one field per asserted cell ("x/a->y/b:80/TCP"), the
 * same names the model uses. A cell's value is its last probe (the prober re-probes only denied
 * cells, so the last attempt decides); a cell whose last record is a failed probe, or that was
 * never probed, is missing and judged inconclusive.
 */
export function observeNetworkPolicy(trace: Trace, _scenario: NetworkPolicyScenario): Observation {
  const last = new Map<string, Observed>();
  const timeline: TimelineEntry[] = [];
  for (const entry of trace) {
    if (entry.kind === 'reachability') {
      // The prober records model pod ids ("x/a"), not namespace names, so traces reduce offline.
      const name = cellName({ ...entry, from: entry.from as PodId, to: entry.to as PodId });
      last.set(name, { kind: 'value', value: entry.connected });
      timeline.push({
        at: entry.t,
        what: 'probe',
        pod: entry.from,
        source: 'client',
        detail: `${name} ${entry.connected ? 'connected' : 'blocked'}`,
      });
    } else if (entry.kind === 'gap') {
      const gap = parseProbeGap(entry.what);
      if (gap === undefined) continue;
      last.set(gap.cell, { kind: 'missing', reason: `probe failed: ${gap.message}` });
      timeline.push({ at: entry.t, what: 'probe-failed', source: 'client', detail: entry.what });
    }
  }
  const fields: Record<string, Observed> = {};
  for (const cell of assertedCells()) {
    const name = cellName(cell);
    fields[name] = last.get(name) ?? { kind: 'missing', reason: 'cell not probed' };
  }
  const first = timeline.length > 0 ? Math.min(...timeline.map((e) => e.at)) : undefined;
  return { fields, timeline, anchors: first === undefined ? {} : { probesStart: first } };
}
