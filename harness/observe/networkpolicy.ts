import { NETPOL_CHANGE_ACTION } from '../../generators/manifests/networkpolicy';
import { UPDATE_CELLS, phaseField, type UpdatePhase } from '../../model/networkpolicy/expect-updated';
import { assertedCells, cellName, type NetpolCell, type PodId } from '../../model/networkpolicy/topology';
import type { Observation, Observed, TimelineEntry } from '../../model/observation';
import type { NetworkPolicyScenario } from '../../model/scenario/families';
import type { Trace } from '../../model/trace';
import { parseProbeGap } from '../netpol/probe-record';

/**
 * Reduces a NetworkPolicy case's trace to one field per asserted cell ("x/a->y/b:80/TCP"), the
 * same names the model uses. A cell's value is its last probe (the prober re-probes only denied
 * cells, so the last attempt decides); a cell whose last record is a failed probe, or that was
 * never probed, is missing and judged inconclusive. The SCTP cells are fields when the case probed
 * SCTP (the run carried it); an SCTP cell the model expects and the trace lacks is judged missing.
 */
export function observeNetworkPolicy(trace: Trace, _scenario: NetworkPolicyScenario): Observation {
  return reduceProbes(trace, assertedCells(probedSctp(trace)), () => undefined);
}

function probedSctp(trace: Trace): boolean {
  return trace.some(
    (entry) =>
      (entry.kind === 'reachability' && entry.protocol === 'SCTP') ||
      (entry.kind === 'gap' && parseProbeGap(entry.what)?.cell.endsWith('/SCTP') === true),
  );
}

/**
 * networkpolicy/updated-reachability: the probes before the change's action entry are the "before"
 * phase, those after it the "after" phase; each cell's last probe within its phase decides. Without
 * the change's action (the case stopped before it) every "after" cell is missing.
 */
export function observeUpdatedReachability(trace: Trace, _scenario: NetworkPolicyScenario): Observation {
  let phase: UpdatePhase = 'before';
  return reduceProbes(
    trace,
    UPDATE_CELLS,
    (entry) => {
      if (entry.kind === 'action' && entry.action === NETPOL_CHANGE_ACTION) phase = 'after';
      return phase;
    },
    ['before', 'after'],
  );
}

function reduceProbes(
  trace: Trace,
  cells: readonly NetpolCell[],
  phaseOf: (entry: Trace[number]) => UpdatePhase | undefined,
  phases: readonly (UpdatePhase | undefined)[] = [undefined],
): Observation {
  const last = new Map<string, Observed>();
  const timeline: TimelineEntry[] = [];
  const fieldOf = (phase: UpdatePhase | undefined, name: string): string =>
    phase === undefined ? name : `${phase} ${name}`;
  for (const entry of trace) {
    const phase = phaseOf(entry);
    if (entry.kind === 'reachability') {
      // The prober records model pod ids ("x/a"), not namespace names, so traces reduce offline.
      const name = cellName({ ...entry, from: entry.from as PodId, to: entry.to as PodId });
      last.set(fieldOf(phase, name), { kind: 'value', value: entry.connected });
      timeline.push({
        at: entry.t,
        what: 'probe',
        pod: entry.from,
        source: 'client',
        detail: `${fieldOf(phase, name)} ${entry.connected ? 'connected' : 'blocked'}`,
      });
    } else if (entry.kind === 'gap') {
      const gap = parseProbeGap(entry.what);
      if (gap === undefined) continue;
      last.set(fieldOf(phase, gap.cell), { kind: 'missing', reason: `probe failed: ${gap.message}` });
      timeline.push({ at: entry.t, what: 'probe-failed', source: 'client', detail: entry.what });
    }
  }
  const fields: Record<string, Observed> = {};
  for (const phase of phases)
    for (const cell of cells) {
      const name = phase === undefined ? cellName(cell) : phaseField(phase, cell);
      fields[name] = last.get(name) ?? { kind: 'missing', reason: 'cell not probed' };
    }
  const first = timeline.length > 0 ? Math.min(...timeline.map((e) => e.at)) : undefined;
  return { fields, timeline, anchors: first === undefined ? {} : { probesStart: first } };
}
