import type { TimelineEntry } from '../../model/observation';
import type { Trace } from '../../model/trace';
import { createdAt } from './created-and-deleted';
import { podHistory, type PodView } from './pod-history';
import { lifecycleTimeline } from './timeline';

export interface WatchWindow {
  history: PodView[];
  timeline: TimelineEntry[];
  /** The observation window [created, end] (epoch ms); absent when the pod's creation was not seen. */
  window?: { created: number; end: number };
}

/** What a reducer of a pod watched for `observeSeconds` after its creation starts from. */
export function watchWindow(trace: Trace, podName: string, observeSeconds: number): WatchWindow {
  const history = podHistory(trace, podName);
  const timeline = lifecycleTimeline(trace, podName);
  const created = createdAt(trace, podName);
  if (created === undefined) return { history, timeline };
  return { history, timeline, window: { created, end: created + observeSeconds * 1000 } };
}
