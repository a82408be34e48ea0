// @ts-nocheck
import type { TimelineEntry } from '../../model/observation';
import type { Trace } from '../../model/trace';
import { MARKERS } from '../markers';
import { containerOfEvent } from './events';
import { markersByContainer } from './markers-by-container';
import { condition, podHistory } from './pod-history';
import { toMillis } from './time';

/** Events worth a line on a lifecycle timeline. */
const TIMELINE_EVENTS = new Set([
  'Scheduled',
  'Started',
  'Killing',
  'Unhealthy',
  'FailedPostStartHook',
  'FailedPreStopHook',
  'BackOff',
]);

const CONDITIONS: Record<string, string> = {
  PodScheduled: 'scheduled',
  Initialized: 'initialized',
  Ready: 'ready',
};

/**
 * The lifecycle timeline of one pod for reports: client actions, condition changes (API time), the
 * kubelet's events, and the container program's markers (runtime time; heartbeats left out).
 */
export function lifecycleTimeline(trace: Trace, podName: string): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const entry of trace) {
    if (entry.kind === 'action' && (entry.action === 'create' || entry.action === 'delete')) {
      const detail =
        entry.gracePeriodSeconds === undefined ? undefined : `grace ${entry.gracePeriodSeconds} s`;
      entries.push({
        at: entry.t,
        what: entry.action === 'create' ? 'created' : 'delete',
        pod: podName,
        source: 'client',
        detail,
      });
    }
    if (entry.kind === 'event' && entry.event.reason && TIMELINE_EVENTS.has(entry.event.reason)) {
      const at = toMillis(entry.event.lastTimestamp as Date | string | undefined) ?? entry.t;
      entries.push({
        at,
        what: entry.event.reason,
        container: containerOfEvent(entry.event),
        pod: podName,
        source: 'event',
        detail: entry.event.message,
      });
    }
  }
  let previous: Record<string, string | undefined> = {};
  for (const view of podHistory(trace, podName)) {
    const now: Record<string, string | undefined> = {};
    for (const [type, what] of Object.entries(CONDITIONS)) {
      const cond = condition(view.pod, type);
      now[type] = cond?.status;
      if (cond && cond.status !== previous[type]) {
        const at = toMillis(cond.lastTransitionTime) ?? view.t;
        entries.push({
          at,
          what: cond.status === 'True' ? what : `not ${what}`,
          pod: podName,
          source: 'api',
          detail: cond.reason,
        });
      }
    }
    previous = now;
  }
  for (const [container, lines] of markersByContainer(trace, podName)) {
    for (const line of lines) {
      if (line.marker === MARKERS.tick) continue;
      entries.push({
        at: line.time,
        what: line.marker,
        container,
        pod: podName,
        source: 'runtime',
        detail: line.argument,
      });
    }
  }
  return entries.sort((a, b) => a.at - b.at);
}
