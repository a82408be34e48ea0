import type { Trace } from '../../model/trace';
import { MARKERS, parseMarker, type MarkerName } from '../markers';

/** A container program's marker line, stamped by the runtime. */
export interface MarkerLine {
  /** Runtime timestamp, epoch ms (fractional). */
  time: number;
  /** When the harness received it (lines can arrive late). */
  arrival: number;
  marker: MarkerName;
  argument?: string;
}

/** Marker lines per container of one pod, ordered by the runtime's timestamp, not by arrival. */
export function markersByContainer(trace: Trace, podName: string): Map<string, MarkerLine[]> {
  const byContainer = new Map<string, MarkerLine[]>();
  for (const entry of trace) {
    if (entry.kind !== 'log' || entry.pod !== podName) continue;
    const parsed = parseMarker(entry.text);
    if (!parsed) continue;
    const lines = byContainer.get(entry.container) ?? [];
    lines.push({ time: entry.runtimeTime, arrival: entry.t, ...parsed });
    byContainer.set(entry.container, lines);
  }
  for (const lines of byContainer.values()) lines.sort((a, b) => a.time - b.time);
  return byContainer;
}

/**
 * The lines of one container instance each: a `boot` marker, the program's first line, opens a new run.
 * Records from before the program wrote it open runs at `started` instead, so what an instance wrote
 * during its start delay (a SIGTERM, a preStop) falls to the instance before it there.
 */
export function runsOf(lines: MarkerLine[]): MarkerLine[][] {
  const opener = lines.some((line) => line.marker === MARKERS.boot) ? MARKERS.boot : MARKERS.started;
  const runs: MarkerLine[][] = [];
  for (const line of lines) {
    if (line.marker === opener || runs.length === 0) runs.push([]);
    runs[runs.length - 1].push(line);
  }
  return runs;
}

export function firstMarker(lines: MarkerLine[], marker: MarkerName): MarkerLine | undefined {
  return lines.find((line) => line.marker === marker);
}

/**
 * The heartbeat period the program actually kept (median gap between ticks), or undefined with fewer
 * than two ticks: recorded programs may tick at another rate than kubeprop's, or not at all.
 */
export function heartbeatPeriodMs(lines: MarkerLine[]): number | undefined {
  const ticks = lines.filter((line) => line.marker === MARKERS.tick).map((line) => line.time);
  if (ticks.length < 2) return undefined;
  const gaps = ticks
    .slice(1)
    .map((time, i) => time - ticks[i])
    .sort((a, b) => a - b);
  return gaps[Math.floor(gaps.length / 2)];
}

/** The largest gap between ticks: the next expected tick is at most this far after the last one. */
export function longestHeartbeatGapMs(lines: MarkerLine[]): number | undefined {
  const ticks = lines.filter((line) => line.marker === MARKERS.tick).map((line) => line.time);
  if (ticks.length < 2) return undefined;
  return Math.max(...ticks.slice(1).map((time, i) => time - ticks[i]));
}

/**
 * The longest pause between heartbeat ticks that still counts as a continuous record: the program ticks
 * every 0.1 s, and the real v1.26.1 runs (../shared/recordings/kubeprop-runs) kept pauses within one
 * instance to a few tenths of a second, rarely about 1 s under load.
 */
export const CONTINUOUS_HEARTBEAT_MS = 1000;

/**
 * Whether the record of one container instance holds every line it wrote from before `from` (epoch ms,
 * the stop's start) on: the trace has no gap, the instance was recorded before the stop began, and its
 * heartbeat never paused. Then a marker that never came was never written: the thing did not happen.
 */
export function runRecordedFrom(trace: Trace, run: MarkerLine[], from: number): boolean {
  if (trace.some((entry) => entry.kind === 'gap')) return false;
  if (run.length === 0 || run[0].time > from) return false;
  if (run.filter((line) => line.marker === MARKERS.tick).length < 2) return false;
  return (longestHeartbeatGapMs(run) ?? Infinity) <= CONTINUOUS_HEARTBEAT_MS;
}
