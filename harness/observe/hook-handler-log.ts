import type { Trace } from '../../model/trace';
import { netexecLoggedRequest } from '../agnhost-program';
import {
  HOOK_HANDLER_CONTAINER,
  HOOK_HANDLER_POD,
  HOOK_HANDLER_TLS_CONTAINER,
  handlerHookPath,
  isHttpsHook,
  type HttpHook,
} from '../hook-handler-program';
import { MARKERS } from '../markers';
import { markersByContainer } from './markers-by-container';

/** One request the hook handler pod logged: its target and the runtime's timestamp (epoch ms). */
interface HandlerRequest {
  time: number;
  target: string;
}

/**
 * The requests the hook handler pod served for hooks of `handler`'s scheme: HTTP ones from the `kp http <path>`
 * markers its CGI scripts write into the busybox handler's log (harness/hook-handler-program.ts), HTTPS ones from
 * the request lines agnhost netexec writes into the TLS handler's log.
 */
function handlerRequests(trace: Trace, handler: HttpHook): HandlerRequest[] {
  if (!isHttpsHook(handler)) {
    const lines = markersByContainer(trace, HOOK_HANDLER_POD).get(HOOK_HANDLER_CONTAINER) ?? [];
    return lines.flatMap((line) =>
      line.marker === MARKERS.http && line.argument !== undefined
        ? [{ time: line.time, target: line.argument }]
        : [],
    );
  }
  return trace.flatMap((entry) => {
    if (
      entry.kind !== 'log' ||
      entry.pod !== HOOK_HANDLER_POD ||
      entry.container !== HOOK_HANDLER_TLS_CONTAINER
    )
      return [];
    const target = netexecLoggedRequest(entry.text);
    return target === undefined ? [] : [{ time: entry.runtimeTime, target }];
  });
}

/** Whether a container's httpGet hook reached the hook handler pod, one target per container. */
export function hookHandlerRequestSeen(trace: Trace, container: string, handler: HttpHook): boolean {
  const target = handlerHookPath(container, handler);
  return handlerRequests(trace, handler).some((request) => request.target === target);
}

/** When the hook handler pod logged a container's hook request at or after `from` (epoch ms; runtime time). */
export function hookHandlerRequestAt(
  trace: Trace,
  container: string,
  handler: HttpHook,
  from: number,
): number | undefined {
  const target = handlerHookPath(container, handler);
  return handlerRequests(trace, handler)
    .filter((request) => request.target === target && request.time >= from)
    .sort((a, b) => a.time - b.time)[0]?.time;
}
