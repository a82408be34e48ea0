import type { SeededRandom } from './random';

/**
 * Timing jitter of the fake node, drawn from what a real v1.26.1 node showed (bench/real-cluster-jitter.md).
 * Every draw comes from the worker's seeded generator, so a run replays exactly from its seed.
 */

/** Delete → first SIGTERM or preStop: 0.02–1.2 s, median 0.05 s (most reactions are one watch hop). */
export const DELETE_REACTION_SECONDS = { min: 0.02, fastMax: 0.1, max: 1.2, fastShare: 0.8 } as const;

/**
 * Share of pod deletions after which the runtime has removed the killed containers before the kubelet
 * posted their termination, so the status shows the kubelet's ContainerStatusUnknown stand-in with no
 * container ID and no log (harness/lost-container.ts). Measured on the real v1.26.1 node: 3 of the 242
 * deleting cases of runs 7–10 and the v1.23-inputs run, 4 of 55 in a shrink run whose pods were deleted
 * with a grace of 1 s.
 */
export const LOST_ON_DELETE_SHARE = 0.015;

/** containerd's stop timer: SIGKILL lands up to 0.03 s after the grace it was given. */
export const STOP_TIMER_JITTER_SECONDS = 0.03;

/**
 * An exec probe's two clocks (CRI ExecSync): the command's end comes its hang plus 5–60 ms after the
 * kubelet's call (the runtime creates and starts the exec process, sh and the command start, the exit
 * is delivered back), and the runtime's timeout fires timeoutSeconds plus 5–60 ms after the call (its
 * timer starts once the process has started, and is scheduled like any goroutine). A hang equal to the
 * timeout therefore passes or times out by a few ms either way, as `probes-exec-timeout-*` did on a real
 * v1.26.1 node (bench/real-cluster-jitter.md).
 */
export const EXEC_LAG_SECONDS = { min: 0.005, max: 0.06 } as const;

export interface ExecLag {
  /** Seconds from the kubelet's call until the command's end, beyond its hang. */
  command: number;
  /** Seconds from the kubelet's call until the runtime's timeout fires, beyond timeoutSeconds. */
  deadline: number;
}

/** No lag at all: the command ends after exactly its hang, the timeout fires exactly at timeoutSeconds. */
export const NO_EXEC_LAG: ExecLag = { command: 0, deadline: 0 };

/** The lags of one exec probe attempt. */
export function execLag(random: SeededRandom): ExecLag {
  const { min, max } = EXEC_LAG_SECONDS;
  return { command: random.between(min, max), deadline: random.between(min, max) };
}

/** The kubelet's reaction to a delete. */
export function deleteReactionSeconds(random: SeededRandom): number {
  const { min, fastMax, max, fastShare } = DELETE_REACTION_SECONDS;
  return random.chance(fastShare) ? random.between(min, fastMax) : random.between(fastMax, max);
}

/**
 * Seconds from `nowMs` to the next tick of a probe worker's ticker started at `originMs`
 * (pkg/kubelet/prober/worker.go run: the worker starts with the pod, before its containers, probes at
 * once and then on a time.Ticker of periodSeconds; no random initial sleep unless the kubelet itself
 * started less than a period ago). The phase relative to a container's start is therefore wherever the
 * pod's start put it, and it survives restarts (the worker outlives container instances).
 */
export function nextProbeTickSeconds(originMs: number, nowMs: number, periodSeconds: number): number {
  const since = (nowMs - originMs) / 1000;
  const into = ((since % periodSeconds) + periodSeconds) % periodSeconds;
  return into === 0 ? 0 : periodSeconds - into;
}
