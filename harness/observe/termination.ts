import type { V1EndpointSlice } from '@kubernetes/client-node';
import { NO_UPPER_BOUND, type Observation, type Observed } from '../../model/observation';
import type { ContainerScenario, TerminationScenario } from '../../model/scenario';
import type { Trace } from '../../model/trace';
import { deleteAction } from './created-and-deleted';
import { absentEvent, eventsByReason, eventsDueBy } from './events';
import { MARKERS } from '../markers';
import { before, missing, point, secondsBetween, type Interval } from './intervals';
import { markersByContainer, runsOf } from './markers-by-container';
import { firstDeletionView, podHistory, type PodView } from './pod-history';
import { stopInstants, type StopInstants } from './stop-instants';
import { observeReadinessDuringTermination } from './termination-readiness';
import { hookHandlerRequestAt } from './hook-handler-log';
import { lifecycleTimeline } from './timeline';
import { DELETION_SEEN_WITHIN_SECONDS } from '../../model/termination';

type Fields = Record<string, Observed>;

/** The SIGTERM instant: its marker, or for an untrapped SIGTERM the exit it caused. */
function sigtermOf(container: ContainerScenario, stop: StopInstants): Interval | undefined {
  return container.behaviour.sigterm.kind === 'default' ? stop.exit : stop.sigterm;
}

function gapOrMissing(
  a: Interval | undefined,
  b: Interval | undefined,
  what: string,
  stop: StopInstants,
): Observed {
  if (a && b) return secondsBetween(a, b);
  return missing(`${what}: ${stop.unknown.join('; ') || 'marker not seen'}`);
}

/** What an instant field observes when the record shows the thing never happened (it fails any window). */
export const NEVER = 'never';

/**
 * The container's own log is complete from before the stop (stop-instants.ts runRecordedFrom) and the
 * kubelet has moved past the preStop (SIGTERM or the exit came), yet the hook's marker (exec: `kp
 * prestop-start`; httpGet: the httpd's request line) never came: the hook did not run. A sleep hook
 * runs in the kubelet and writes nothing, so its absence proves nothing.
 */
function preStopNeverRan(
  container: ContainerScenario,
  stop: StopInstants,
  sigterm: Interval | undefined,
): boolean {
  const preStop = container.lifecycle.preStop;
  if (!preStop || preStop.kind === 'sleep' || stop.preStopStart || !stop.complete || stop.stillRunning)
    return false;
  return sigterm !== undefined || stop.exit !== undefined;
}

/** Per-container stop fields, shared by the termination and hooks reducers. */
export function observeContainerStop(
  trace: Trace,
  history: PodView[],
  podName: string,
  container: ContainerScenario,
  from: number,
): { fields: Fields; stop: StopInstants } {
  const c = container.name;
  const runs = runsOf(markersByContainer(trace, podName).get(c) ?? []);
  const run = runs[runs.length - 1] ?? [];
  const stop = stopInstants(trace, history, c, run, from);
  // An httpGet preStop is served by the container's httpd, or by the hook handler pod: its request
  // line is the hook's start.
  const preStop = container.lifecycle.preStop;
  const handled = preStop?.kind === 'httpGet' && preStop.viaHandlerPod;
  const handledAt = handled ? hookHandlerRequestAt(trace, c, preStop, from) : undefined;
  if (handledAt !== undefined) stop.preStopStart = point(handledAt);
  if (preStop?.kind === 'httpGet' && !handled) {
    const request = run.find(
      (line) => line.marker === MARKERS.http && line.argument === preStop.path && line.time >= from,
    );
    if (request) stop.preStopStart = point(request.time);
  }
  const sigterm = sigtermOf(container, stop);
  const failed = eventsByReason(trace, 'FailedPreStopHook', c).some((seen) => seen.t >= from);
  const fields: Fields = {};
  // A FailedPreStopHook says the kubelet did run the hook: on a busy real node an exec hook cut by a
  // 1 s grace period died before its first line (termination-prestop-then-sigterm-r2, this project's run).
  fields[`${c}.sigtermAfterPreStopStartSeconds`] =
    failed && !stop.preStopStart
      ? missing('the preStop ran (FailedPreStopHook) but ended before writing its start marker')
      : preStopNeverRan(container, stop, sigterm)
        ? { kind: 'value', value: NEVER }
        : gapOrMissing(stop.preStopStart, sigterm, 'preStop start or SIGTERM', stop);
  fields[`${c}.sigtermAfterKillStartSeconds`] = gapOrMissing(
    stop.killStart,
    sigterm,
    'Killing event or SIGTERM',
    stop,
  );
  fields[`${c}.sigkillAfterSigtermSeconds`] = gapOrMissing(sigterm, stop.exit, 'SIGTERM or exit', stop);
  fields[`${c}.exitAfterSigtermSeconds`] = fields[`${c}.sigkillAfterSigtermSeconds`];
  const noTermination = stop.lost
    ? 'the kubelet lost the container before posting its termination (ContainerStatusUnknown)'
    : 'no terminated state seen';
  fields[`${c}.exitCode`] =
    stop.exitCode === undefined ? missing(noTermination) : { kind: 'value', value: stop.exitCode };
  fields[`${c}.terminatedReason`] =
    stop.terminatedReason === undefined
      ? missing(noTermination)
      : { kind: 'value', value: stop.terminatedReason };
  // The hook has failed, if it did, by the time the container stopped.
  fields[`${c}.failedPreStopHook`] = failed
    ? { kind: 'value', value: true }
    : absentEvent(trace, podName, eventsDueBy(trace, stop.exit), 'FailedPreStopHook event', {
        kind: 'value',
        value: false,
      });
  return { fields, stop };
}

function spread(instants: (Interval | undefined)[]): Observed {
  if (instants.some((i) => i === undefined)) return missing('a container has no kill start instant');
  const known = instants as Interval[];
  const lo = Math.max(0, Math.max(...known.map((i) => i.lo)) - Math.min(...known.map((i) => i.hi)));
  // A kill start not seen by the end of the record bounds the spread only from below.
  if (known.some((i) => i.hi === NO_UPPER_BOUND))
    return { kind: 'instant', lo: lo / 1000, hi: NO_UPPER_BOUND };
  const hi = Math.max(...known.map((i) => i.hi)) - Math.min(...known.map((i) => i.lo));
  return { kind: 'instant', lo: lo / 1000, hi: hi / 1000 };
}

/**
 * The pod's endpoint conditions once the slice shows the deletion: the first update after the delete
 * that marks it terminating or removes it, else the last update seen. An update that only turns it
 * unready is not yet the deletion's: a readiness probe failing just before the delete reaches the
 * slice after it (seen on a v1.26.1 node: ready=false,terminating=false, then terminating=true).
 */
function endpointWhileTerminating(trace: Trace, podName: string, from: number): Observed {
  const hasPod = (slice: V1EndpointSlice) => slice.endpoints?.find((e) => e.targetRef?.name === podName);
  const seen = trace.filter((entry) => entry.kind === 'endpointSlice');
  if (seen.length === 0) return missing('no EndpointSlice was watched');
  let last: string | undefined;
  for (const entry of seen) {
    if (entry.kind !== 'endpointSlice' || entry.t < from) continue;
    const endpoint = hasPod(entry.object);
    if (!endpoint) return { kind: 'value', value: 'removed' };
    const { ready, terminating } = endpoint.conditions ?? {};
    last = `ready=${ready === true},terminating=${terminating === true}`;
    if (terminating === true) return { kind: 'value', value: last };
  }
  return last === undefined
    ? missing('no EndpointSlice update after the delete')
    : { kind: 'value', value: last };
}

/**
 * Seconds from the delete request to the first EndpointSlice watch event showing the pod's endpoint
 * terminating (or already gone, which endpointWhileTerminating judges), both on the client's clock. Not
 * seen by the end of the recording: the instant is at least that long after the delete, with no upper
 * bound (a window it overlaps stays inconclusive; one it is past fails).
 */
function endpointTerminatingAfterDelete(trace: Trace, podName: string, deleteAt: number): Observed {
  if (!trace.some((entry) => entry.kind === 'endpointSlice')) return missing('no EndpointSlice was watched');
  for (const entry of trace) {
    if (entry.kind !== 'endpointSlice' || entry.t < deleteAt) continue;
    const endpoint = entry.object.endpoints?.find((e) => e.targetRef?.name === podName);
    if (!endpoint || endpoint.conditions?.terminating === true) {
      return secondsBetween(point(deleteAt), point(entry.t));
    }
  }
  const watched = (Math.max(...trace.map((entry) => entry.t)) - deleteAt) / 1000;
  return { kind: 'instant', lo: watched, hi: NO_UPPER_BOUND };
}

const PROBE_KILL = /failed (liveness|startup) probe/;

/** Probe-triggered Killing events of a container that surely happened after `after` (epoch ms). */
function probeKillsAfter(trace: Trace, podName: string, container: string, after: number): Observed {
  const kills = eventsByReason(trace, 'Killing', container).filter((seen) =>
    PROBE_KILL.test(seen.event.message ?? ''),
  );
  const count = kills.filter((seen) => seen.at.lo > after).length;
  const counted: Observed = { kind: 'value', value: count };
  return count > 0
    ? counted
    : absentEvent(trace, podName, eventsDueBy(trace), 'probe Killing event', counted);
}

/** Reduces a termination case: delete of a running pod. */
export function observeTermination(trace: Trace, scenario: TerminationScenario): Observation {
  const podName = scenario.pod.name;
  const history = podHistory(trace, podName);
  const deletion = deleteAction(trace, podName);
  const timeline = lifecycleTimeline(trace, podName);
  if (!deletion) {
    return { fields: {}, timeline, anchors: {} };
  }
  const fields: Fields = {};
  const deleted = firstDeletionView(history);
  const grace = deleted?.pod.metadata?.deletionGracePeriodSeconds;
  fields['pod.deletionGracePeriodSeconds'] =
    grace === undefined ? missing('no view with a deletion timestamp') : { kind: 'value', value: grace };
  const stops = new Map<string, StopInstants>();
  const all = [
    ...scenario.pod.initContainers.filter((c) => c.restartPolicy === 'Always'),
    ...scenario.pod.containers,
  ];
  for (const container of all) {
    const { fields: own, stop } = observeContainerStop(trace, history, podName, container, deletion.t);
    Object.assign(fields, own);
    stops.set(container.name, stop);
  }
  for (const container of scenario.pod.containers) {
    if (!container.probes.liveness && !container.probes.startup) continue;
    fields[`${container.name}.probeKillsDuringTermination`] = probeKillsAfter(
      trace,
      podName,
      container.name,
      deletion.t + DELETION_SEEN_WITHIN_SECONDS * 1000,
    );
  }
  for (const container of scenario.pod.containers) {
    if (!container.probes.readiness) continue;
    Object.assign(fields, observeReadinessDuringTermination(trace, history, podName, container, deletion.t));
  }
  // A sleep preStop runs in the kubelet and writes no marker: its start is the Killing event.
  const killStart = (c: ContainerScenario) => {
    const stop = stops.get(c.name) as StopInstants;
    if (c.lifecycle.preStop?.kind === 'sleep') return stop.killStart;
    return stop.preStopStart ?? sigtermOf(c, stop);
  };
  fields['pod.killStartSpreadSeconds'] = spread(scenario.pod.containers.map(killStart));
  const sidecars = scenario.pod.initContainers.filter((c) => c.restartPolicy === 'Always');
  if (sidecars.length > 0) {
    const mainSigterms = scenario.pod.containers.map((c) => sigtermOf(c, stops.get(c.name) as StopInstants));
    const lastSidecar = sidecars[sidecars.length - 1];
    const sidecarSigterm = sigtermOf(lastSidecar, stops.get(lastSidecar.name) as StopInstants);
    const firstMain = mainSigterms.reduce<Interval | undefined>(
      (first, i) => (i === undefined || first === undefined ? undefined : i.lo < first.lo ? i : first),
      mainSigterms[0],
    );
    fields['pod.firstSidecarSigtermAfterMainSigtermSeconds'] =
      firstMain === undefined || sidecarSigterm === undefined
        ? missing('a main container or the last sidecar showed no SIGTERM')
        : secondsBetween(firstMain, sidecarSigterm);
    const mainExits = scenario.pod.containers.map((c) => stops.get(c.name)?.exit);
    const sidecarTerms = sidecars.map((c) => sigtermOf(c, stops.get(c.name) as StopInstants));
    if ([...mainExits, ...sidecarTerms].some((i) => i === undefined)) {
      fields['pod.sidecarsStopAfterMains'] = missing('an exit or sidecar SIGTERM was not seen');
    } else {
      const orders = sidecarTerms.flatMap((s) => mainExits.map((m) => before(m as Interval, s as Interval)));
      fields['pod.sidecarsStopAfterMains'] = orders.some((o) => o === undefined)
        ? missing('a sidecar SIGTERM overlaps a main container exit')
        : { kind: 'value', value: orders.every((o) => o === true) };
    }
    const ordered = sidecars
      .map((c, i) => ({ name: c.name, at: sidecarTerms[i] }))
      .filter((s) => s.at !== undefined) as { name: string; at: Interval }[];
    ordered.sort((a, b) => a.at.lo - b.at.lo);
    const overlapping = ordered.some((s, i) => i > 0 && before(ordered[i - 1].at, s.at) === undefined);
    fields['pod.sidecarStopOrder'] =
      ordered.length < sidecars.length || overlapping
        ? missing('sidecar SIGTERM instants not seen or overlapping')
        : { kind: 'list', values: ordered.map((s) => s.name) };
  }
  fields['pod.endpointWhileTerminating'] = endpointWhileTerminating(trace, podName, deletion.t);
  fields['pod.endpointTerminatingAfterDeleteSeconds'] = endpointTerminatingAfterDelete(
    trace,
    podName,
    deletion.t,
  );
  return { fields, timeline, anchors: { delete: deletion.t } };
}
