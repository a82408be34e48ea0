import type { Trace } from '../../model/trace';
import {
  HOOK_HANDLER_CONTAINER,
  HOOK_HANDLER_POD,
  handlerHookPath,
  type HttpHook,
} from '../hook-handler-program';
import { MARKERS } from '../markers';
import { markersByContainer } from './markers-by-container';

/**
 * Whether a container's httpGet hook reached the hook handler pod, whose CGI script writes
 * `kp http <path>` into the handler's own log (harness/hook-handler-program.ts), one path per container.
 */
export function hookHandlerRequestSeen(trace: Trace, container: string, handler: HttpHook): boolean {
  const path = handlerHookPath(container, handler);
  const lines = markersByContainer(trace, HOOK_HANDLER_POD).get(HOOK_HANDLER_CONTAINER) ?? [];
  return lines.some((line) => line.marker === MARKERS.http && line.argument === path);
}

/** When the hook handler pod logged a container's hook request at or after `from` (epoch ms; runtime time). */
export function hookHandlerRequestAt(
  trace: Trace,
  container: string,
  handler: HttpHook,
  from: number,
): number | undefined {
  const path = handlerHookPath(container, handler);
  const lines = markersByContainer(trace, HOOK_HANDLER_POD).get(HOOK_HANDLER_CONTAINER) ?? [];
  return lines.find((line) => line.marker === MARKERS.http && line.argument === path && line.time >= from)
    ?.time;
}
