// @ts-nocheck
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

/** The lines of one container instance each: a `started` marker opens a new run. */
export function runsOf(lines: MarkerLine[]): MarkerLine[][] {
  const runs: MarkerLine[][] = [];
  for (const line of lines) {
    if (line.marker === MARKERS.started || runs.length === 0) runs.push([]);
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
