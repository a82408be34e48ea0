import type { V1ContainerStateTerminated } from '@kubernetes/client-node';
import { NO_UPPER_BOUND } from '../../model/observation';
import type { Trace } from '../../model/trace';
import { isLostStandIn } from '../lost-container';
import { HEARTBEAT_SECONDS, MARKERS } from '../markers';
import { eventsByReason } from './events';
import { apiInterval, intersect, point, type Interval } from './intervals';
import {
  firstMarker,
  heartbeatPeriodMs,
  longestHeartbeatGapMs,
  runRecordedFrom,
  type MarkerLine,
} from './markers-by-container';
import { containerStatus, type PodView } from './pod-history';
import { toMillis } from './time';

/** Scheduling jitter allowed on top of the longest heartbeat gap seen before the next tick is overdue. */
export const HEARTBEAT_JITTER_MS = 50;

/** What one container's stop looked like, each instant with its uncertainty. */
export interface StopInstants {
  killStart?: Interval;
  preStopStart?: Interval;
  preStopEnd?: { at: Interval; exitCode?: number };
  sigterm?: Interval;
  exit?: Interval;
  exitCode?: number;
  terminatedReason?: string;
  /** Why an instant could not be bounded (no heartbeat, trace ended, watch gap). */
  unknown: string[];
  /** The instance's record is complete from before the stop (runRecordedFrom): a marker not seen was not written. */
  complete: boolean;
  /** The container was still running when the record ended (a late stop): instants not seen yet are lower bounds. */
  stillRunning: boolean;
  /** The runtime removed the container before the kubelet posted its termination: no exit code or reason. */
  lost?: boolean;
}

/** An instant not seen by the end of the record, which lies after `at` (epoch ms). */
export function notBefore(at: number): Interval {
  return { lo: at, hi: NO_UPPER_BOUND };
}

/** The final terminated state of a container in the views (after `notBefore`). */
export function lastTerminated(
  history: PodView[],
  container: string,
  notBefore = 0,
): V1ContainerStateTerminated | undefined {
  let found: V1ContainerStateTerminated | undefined;
  for (const view of history) {
    if (view.t < notBefore) continue;
    const status = containerStatus(view.pod, container);
    // A removed container shows Waiting with the kubelet's stand-in as its last termination.
    const lost = status?.lastState?.terminated;
    const state = status?.state?.terminated ?? (isLostStandIn(lost) ? lost : undefined);
    if (state) found = state;
  }
  return found;
}

/**
 * Reduces one container instance's stop: `run` is its marker lines (from its `started`), `from` the
 * instant the stop was asked for (the delete call or a kill event) so earlier events are ignored.
 * SIGTERM: the trap writes its marker once the current loop step ends, so the signal came at most one
 * heartbeat period before it. SIGKILL leaves no line: it lies after the last line and before the next
 * tick was due; without a heartbeat only the API's one-second finishedAt remains.
 */
export function stopInstants(
  trace: Trace,
  history: PodView[],
  container: string,
  run: MarkerLine[],
  from: number,
): StopInstants {
  const result: StopInstants = {
    unknown: [],
    complete: runRecordedFrom(trace, run, from),
    stillRunning: false,
  };
  const killing = eventsByReason(trace, 'Killing', container).find((seen) => seen.t >= from);
  if (killing) result.killStart = killing.at;
  const step = heartbeatPeriodMs(run) ?? HEARTBEAT_SECONDS * 1000;
  const gap = longestHeartbeatGapMs(run);
  const preStopStart = firstMarker(run, MARKERS.preStopStart);
  if (preStopStart) result.preStopStart = point(preStopStart.time);
  const preStopEnd = firstMarker(run, MARKERS.preStopEnd);
  if (preStopEnd) {
    const code = preStopEnd.argument === undefined ? undefined : Number(preStopEnd.argument);
    result.preStopEnd = { at: point(preStopEnd.time), exitCode: Number.isFinite(code) ? code : undefined };
  }
  const sigterm = firstMarker(run, MARKERS.sigterm);
  if (sigterm) result.sigterm = { lo: sigterm.time - step, hi: sigterm.time };
  const terminated = lastTerminated(history, container, from);
  // The stand-in's exit code and reason are the kubelet's invention, not the container's.
  result.lost = isLostStandIn(terminated);
  if (!result.lost) {
    result.exitCode = terminated?.exitCode;
    result.terminatedReason = terminated?.reason;
  }
  const gapped = trace.some((entry) => entry.kind === 'gap' && entry.t >= from);
  const exitMarker = firstMarker(run, MARKERS.exit);
  const finished = toMillis(terminated?.finishedAt);
  const apiExit = finished === undefined ? undefined : apiInterval(finished);
  if (exitMarker) {
    result.exit = { lo: exitMarker.time, hi: exitMarker.time + HEARTBEAT_JITTER_MS };
  } else if (gap !== undefined && !gapped && terminated) {
    const last = run[run.length - 1].time;
    const byHeartbeat = { lo: last, hi: last + gap + HEARTBEAT_JITTER_MS };
    result.exit = apiExit ? (intersect(byHeartbeat, apiExit) ?? byHeartbeat) : byHeartbeat;
  } else if (apiExit) {
    result.exit = apiExit;
  } else if (!terminated && run.length > 0 && !gapped) {
    // Still running when the record ended (a wait for the stop timed out): it exits after its last line.
    result.stillRunning = true;
    const last = run[run.length - 1].time;
    result.exit = notBefore(last);
    // A trapped SIGTERM writes its marker within one heartbeat: with a complete record it has not come yet.
    if (!sigterm && result.complete) result.sigterm = notBefore(last - step);
  } else {
    result.unknown.push(
      terminated ? 'no exit time recorded' : 'the trace ends with the container still running',
    );
  }
  if (gapped) result.unknown.push('the trace has a gap after the stop began');
  return result;
}
