import type { Expected, ModelOptions } from './expectation';
import type { HookHandler, PodScenario } from './scenario';

/** spec.terminationGracePeriodSeconds when unset (pkg/apis/core/v1/defaults.go SetDefaults_PodSpec). */
export const DEFAULT_TERMINATION_GRACE_SECONDS = 30;

/** The kubelet never gives a container less than this after preStop (kuberuntime_manager.go minimumGracePeriodInSeconds). */
export const MINIMUM_GRACE_SECONDS = 2;

/**
 * Longest time from pod creation to a container's start on a warm node with the image present. Not a
 * Kubernetes fact: the recordings show under 1 s; fields whose instants fall this close to the end of an
 * observation window are left out because the container may have started later than assumed.
 */
export const START_ALLOWANCE_SECONDS = 2;

/**
 * Extra time per restart beyond the back-off (PLEG relist, pod worker resync). Not a Kubernetes fact: the
 * recordings show up to 5 s between a back-off's end and the next start.
 */
export const RESTART_LATENCY_SECONDS = 5;

/**
 * The latest start of the pod's app containers, seconds after its first container may start late
 * (START_ALLOWANCE_SECONDS): init containers run one at a time before them (kuberuntime_manager.go
 * computePodActions), a plain one to its exit, a sidecar until its postStart hook returned (startContainer
 * runs it synchronously); each hand-over costs a PLEG relist and a container start. Undefined when a
 * plain init container never exits (or fails): the app containers never start.
 */
export function appsStartSeconds(pod: PodScenario): number | undefined {
  let at = START_ALLOWANCE_SECONDS;
  for (const c of pod.initContainers) {
    const hook = c.lifecycle.postStart ? hookSeconds(c.lifecycle.postStart) : 0;
    const sidecar = c.restartPolicy === 'Always';
    if (!sidecar && (c.behaviour.exitAfter === undefined || c.behaviour.exitAfter.exitCode !== 0))
      return undefined;
    const run = sidecar ? hook : c.behaviour.startDelaySeconds + (c.behaviour.exitAfter?.seconds ?? 0) + hook;
    at += run + PLEG_RELIST_SECONDS + START_ALLOWANCE_SECONDS;
  }
  return at;
}

/** Initial and maximum container restart back-off (pkg/kubelet/kubelet.go backOffPeriod, MaxContainerBackOff). */
export const INITIAL_BACKOFF_SECONDS = 10;
export const MAX_BACKOFF_SECONDS = 300;

/**
 * How the two instants of a timed field are measured, which sets how much slack its window needs
 * (figures: bench/real-cluster-jitter.md, measured on a real v1.26.1 node).
 * - runtime: both instants are container-runtime stamps of marker lines (SIGTERM → SIGKILL, preStop
 *   start → SIGTERM, SIGTERM → exit). The node is exact to ~0.03 s; the observed interval is at most
 *   0.28 s wide (a heartbeat of 0.1 s plus scheduling) and lay within [G − 0.08, G + 0.26] for every
 *   conforming kill: 0.35 s (0.25 s measurement + one 0.1 s heartbeat) passes those and fails a kill
 *   one second off by at least 0.37 s.
 * - api: one end is an API timestamp (conditions, events: whole seconds). The observation already
 *   spans [t, t + 1 s); 1 s more covers the prober's and status manager's latency (Killing event seen
 *   p90 1.3 s after a delete, reaction included).
 * - reaction: the field includes the kubelet's reaction to an API change (delete → kill start, kill
 *   starts across containers, the EndpointSlice controller): the measured reaction band, 1.2 s.
 */
export type SlackKind = 'runtime' | 'api' | 'reaction';

export const SLACK_SECONDS: Readonly<Record<SlackKind, number>> = { runtime: 0.35, api: 1, reaction: 1.2 };

/**
 * How late a node action that follows a timer or a hook's return may come: containerd's stop timer
 * (SIGKILL after the remaining grace), the kubelet's StopContainer after a preStop returns, a trapped
 * SIGTERM's own exit. Such actions are never early, so this widens windows on the late side only.
 * bench/real-cluster-jitter.md: ≤ 0.26 s on an idle 2-CPU node (the shared recordings), up to 0.51 s
 * for most kills when the same node ran at load 12 (this project's early live run).
 */
export const NODE_LATENCY_SECONDS = 0.5;

/**
 * The kubelet's PLEG relists containers every second (pkg/kubelet/kubelet.go plegRelistPeriod); a
 * container's start reaches the pod status at the sync that relist triggers, so a status that follows a
 * start (Running after postStart) comes up to this much after it. A real node: a 2 s postStart was
 * reported Running 2.9–3.4 s after the container started.
 */
export const PLEG_RELIST_SECONDS = 1;

/** The kubelet's reaction to a delete on a real node: 0.02–1.2 s, median 0.05 s (bench/real-cluster-jitter.md). */
export const KUBELET_REACTION_MAX_SECONDS = 1.2;

/**
 * How far every generated decision stays from its threshold: exec hang vs timeoutSeconds, a handled
 * SIGTERM's exit vs the SIGKILL, preStop vs the grace period, readiness windows vs period × threshold.
 * Derived from bench/real-cluster-jitter.md: a decision between two node timers flips only within
 * their jitter (exec start-up and the CRI exec round trip — the hang-equals-timeout flip —, exit delay
 * ≤ 0.09 s, stop timer ≤ 0.03 s, probe timer ≤ 0.011 s, one heartbeat 0.1 s: ≤ 0.25 s), doubled because
 * both sides move: 0.5 s. A decision that races the kubelet's reaction to a delete adds
 * KUBELET_REACTION_MAX_SECONDS. The model uses the same margin to call a case undecided ('race').
 */
export const DECISION_MARGIN_SECONDS = 0.5;

/** The slack of a field measured as `kind`, unless `--slack` overrides every window. */
export function slackFor(kind: SlackKind, options: ModelOptions): number {
  return options.slackSeconds ?? SLACK_SECONDS[kind];
}

/** A timing window; bounds are put in order so callers can pass them as computed. */
export function timingWindow(earliest: number, latest: number, slack: number): Expected {
  return { kind: 'window', earliest: Math.min(earliest, latest), latest: Math.max(earliest, latest), slack };
}

/** The pod's own grace period, defaulted as the API server does. */
export function specGraceSeconds(pod: PodScenario): number {
  return pod.terminationGracePeriodSeconds ?? DEFAULT_TERMINATION_GRACE_SECONDS;
}

/** How long a hook handler runs before it returns. */
export function hookSeconds(handler: HookHandler): number {
  return handler.kind === 'sleep' ? handler.seconds : handler.durationSeconds;
}

/**
 * Whether a hook handler reports failure. exec fails on a non-zero exit; httpGet fails only when the
 * request itself fails: the kubelet discards the response without looking at its status
 * (pkg/kubelet/lifecycle/handlers.go runHTTPHandler); sleep never fails once it runs.
 */
export function hookFails(handler: HookHandler): boolean {
  return handler.kind === 'exec' && handler.exitCode !== 0;
}

/**
 * Delay before restart number `restart` (1-based) of a container that exited on its own: the first
 * restart is immediate, then 10 s doubling up to 300 s (pkg/kubelet/kuberuntime/kuberuntime_manager.go
 * doBackOff with client-go util/flowcontrol Backoff).
 */
export function crashBackoffSeconds(restart: number): number {
  if (restart <= 1) return 0;
  return Math.min(INITIAL_BACKOFF_SECONDS * 2 ** (restart - 2), MAX_BACKOFF_SECONDS);
}

/**
 * Delay before restart `restart` of a container killed by the kubelet itself (liveness, startup), counted
 * from the killed instance's exit as if each instance lived too short to matter: no back-off for the first
 * two restarts, then 10, 20… s (see killRestartsWithin for why, and for when it is shorter). The fewest
 * restarts use it: the full back-off is the longest the kubelet waits.
 */
export function killBackoffSeconds(restart: number): number {
  return crashBackoffSeconds(restart - 1);
}

/**
 * Most restarts within `window` seconds of a container the kubelet kills itself (liveness, startup probe).
 * kuberuntime_manager.go SyncPod kills it and starts its successor in one sync, and doBackOff reads that sync's
 * pod status, from before the kill: the newest exited instance (GetPodStatus sorts newest first) is the one
 * before the killed one. The first restart finds none (no back-off, no Next); the second finds no back-off entry
 * (Next: 10 s, kubelet.go backOffPeriod); restart n ≥ 3 is immediate when killBackoffSeconds(n) has passed since
 * instance n − 2 finished (client-go util/flowcontrol/backoff.go IsInBackOffSince: now − finishedAt < backoff),
 * that is when instance n − 1 exits that long after n − 2; otherwise that sync backs off and the next one, which
 * sees the killed instance, waits the back-off from its exit. Each restart doubles the back-off (Next) either way;
 * the entry resets only when an instance finishes over 600 s after the last Next (hasExpired), beyond any window.
 * `cycle` bounds an instance's time from its start to its exit (the first starts at `firstStart`, a restarted one
 * at its predecessor's exit: its start latency belongs in `cycle.max`). Restart times do not grow with the cycle:
 * a longer life may skip a back-off, a shorter one anchors the next back-off earlier, so both schedules are
 * followed, keeping those no other one beats (an earlier start and an earlier anchor).
 */
export function killRestartsWithin(
  window: number,
  firstStart: number,
  cycle: { min: number; max: number },
): number {
  // Each schedule: when the current instance started, and when the one before it exited (the back-off anchor).
  let schedules: { start: number; anchor?: number }[] = [{ start: firstStart }];
  let restarts = 0;
  // A cycle shorter than a millisecond would never end the loop on a huge window; back-off caps it anyway.
  while (restarts < 10_000) {
    const backoff = killBackoffSeconds(restarts + 1);
    const next: { start: number; anchor?: number }[] = [];
    for (const { start, anchor } of schedules) {
      const exit = start + cycle.min;
      const due = anchor === undefined ? exit : anchor + backoff;
      // Immediate: the kill ends once the back-off has passed since the anchor, if this instance can live that long.
      if (Math.max(exit, due) <= start + cycle.max)
        next.push({ start: Math.max(exit, due), anchor: Math.max(exit, due) });
      // Backed off: the next sync waits the back-off from this instance's exit.
      if (exit < due) next.push({ start: exit + backoff, anchor: exit });
    }
    const kept = next.filter(
      (s, i) =>
        s.start <= window &&
        !next.some(
          (o, j) =>
            j !== i &&
            o.start <= s.start &&
            (o.anchor ?? -Infinity) <= (s.anchor ?? -Infinity) &&
            (o.start < s.start || (o.anchor ?? -Infinity) < (s.anchor ?? -Infinity) || j < i),
        ),
    );
    if (kept.length === 0) return restarts;
    schedules = kept;
    restarts += 1;
  }
  return restarts;
}

/**
 * Restarts that fit in `window` seconds: each cycle runs `cycle` seconds, then the back-off of the next
 * restart (plus `latency`) passes. `firstStart` is when the first instance starts.
 */
export function restartsWithin(
  window: number,
  firstStart: number,
  cycle: number,
  latency: number,
  backoff: (restart: number) => number,
): number {
  let restarts = 0;
  let at = firstStart + cycle;
  // A cycle shorter than a millisecond would never end the loop on a huge window; back-off caps it anyway.
  while (restarts < 10_000) {
    const next = at + backoff(restarts + 1) + latency;
    if (next > window) return restarts;
    restarts += 1;
    at = next + cycle;
  }
  return restarts;
}
