import { atLeast, type ServerVersion } from './capabilities';
import type { ContainerScenario, DeleteAction, PodScenario } from './scenario';
import { hookSeconds, MINIMUM_GRACE_SECONDS, specGraceSeconds } from './timing';

/** A span of seconds the model cannot narrow further (e.g. whole-second truncation in the kubelet). */
export interface Span {
  min: number;
  max: number;
}

/** How one container is stopped once the kubelet starts killing it, relative to that start. */
export interface ContainerStopPlan {
  /** preStop runs first; SIGTERM follows when it returns or the grace period runs out. */
  sigtermAfterKillStart: Span;
  /** Grace left for the runtime's StopContainer: SIGKILL this long after SIGTERM. */
  sigkillAfterSigterm: Span;
  /** How the main process ends. */
  ending:
    | { kind: 'sigkill' }
    | { kind: 'sigterm' }
    | { kind: 'exit'; afterSigterm: number; exitCode: number }
    /** The trapped exit lands too close to the SIGKILL to tell which comes first. */
    | { kind: 'race'; afterSigterm: number; exitCode: number };
  exitCodes: number[];
  /** The preStop handler's failure is reported (it returned within the grace period, failing). */
  preStopFails: boolean | undefined;
}

/** Grace period the API server records on a delete (pkg/registry/core/pod/strategy.go CheckGracefulDelete). */
export function apiDeletionGraceSeconds(pod: PodScenario, action: DeleteAction): number {
  const requested = action.gracePeriodSeconds ?? specGraceSeconds(pod);
  // Negative periods are stored as 1 (apiserver registry/rest/delete.go BeforeDelete).
  return requested < 0 ? 1 : requested;
}

/**
 * The kubelet's period for a pod deleted with `apiGrace` (pkg/kubelet/pod_workers.go
 * calculateEffectiveGracePeriod). Up to 1.26 (the recording delete-grace-zero shows it) a zero
 * deletionGracePeriodSeconds is taken as "no value" and the spec's period is used; newer kubelets keep the
 * override and raise it to 1. The release that changed it is unverified, so 1.27+ allows both.
 */
export function kubeletGraceSeconds(pod: PodScenario, apiGrace: number, version: ServerVersion): Span {
  const atLeastOne = (value: number): number => Math.max(value, 1);
  if (apiGrace > 0) return { min: apiGrace, max: apiGrace };
  const fromSpec = atLeastOne(specGraceSeconds(pod));
  if (!atLeast(version, 27)) return { min: fromSpec, max: fromSpec };
  return { min: 1, max: fromSpec };
}

/** Grace left after a preStop of `hook` seconds (kuberuntime_container.go killContainer, executePreStopHook). */
function remainingGrace(grace: number, hook: number | undefined, margin: number): Span {
  if (hook === undefined || grace <= 0) {
    const left = Math.max(grace, MINIMUM_GRACE_SECONDS);
    return { min: left, max: left };
  }
  // The kubelet subtracts the hook's measured run time truncated to whole seconds; the hook may take up to
  // `margin` longer than its nominal duration (exec start-up), which can push the truncation one second up.
  const shortest = Math.floor(Math.min(hook, grace));
  const longest = Math.floor(Math.min(hook + margin, grace));
  return {
    min: Math.max(grace - longest, MINIMUM_GRACE_SECONDS),
    max: Math.max(grace - shortest, MINIMUM_GRACE_SECONDS),
  };
}

/**
 * The stop of one container with kubelet grace `grace` (pkg/kubelet/kuberuntime/kuberuntime_container.go
 * killContainer; docs content/en/docs/concepts/workloads/pods/pod-lifecycle.md "Termination of Pods").
 * Durations closer than `margin` (model/timing.ts DECISION_MARGIN_SECONDS) to a threshold are undecided.
 */
export function planContainerStop(
  container: ContainerScenario,
  grace: Span,
  margin: number,
): ContainerStopPlan {
  const preStop = container.lifecycle.preStop;
  const hook = preStop ? hookSeconds(preStop) : undefined;
  const sigtermAt: Span =
    hook === undefined
      ? { min: 0, max: 0 }
      : { min: Math.min(hook, grace.min), max: Math.min(hook, grace.max) };
  const shortGrace = remainingGrace(grace.min, hook, margin);
  const longGrace = remainingGrace(grace.max, hook, margin);
  const sigkillAfterSigterm: Span = { min: shortGrace.min, max: longGrace.max };
  // A preStop that outlives the grace period is cut off without a failure of its own being decided.
  const preStopFails =
    preStop === undefined
      ? undefined
      : hook !== undefined && hook + margin < grace.min
        ? preStop.kind === 'exec' && preStop.exitCode !== 0
        : undefined;
  const base = { sigtermAfterKillStart: sigtermAt, sigkillAfterSigterm, preStopFails };
  const handling = container.behaviour.sigterm;
  switch (handling.kind) {
    case 'ignore':
      // Runtime convention: a process killed by SIGKILL exits 128 + 9.
      return { ...base, ending: { kind: 'sigkill' }, exitCodes: [137] };
    case 'default':
      // The default action of SIGTERM ends a non-PID-1 process at once: 128 + 15.
      return { ...base, ending: { kind: 'sigterm' }, exitCodes: [143] };
    case 'exit': {
      const { afterSeconds, exitCode } = handling;
      if (afterSeconds + margin < sigkillAfterSigterm.min) {
        return {
          ...base,
          ending: { kind: 'exit', afterSigterm: afterSeconds, exitCode },
          exitCodes: [exitCode],
        };
      }
      if (afterSeconds - margin > sigkillAfterSigterm.max) {
        return { ...base, ending: { kind: 'sigkill' }, exitCodes: [137] };
      }
      return {
        ...base,
        ending: { kind: 'race', afterSigterm: afterSeconds, exitCode },
        exitCodes: [exitCode, 137],
      };
    }
  }
}

/** Terminated reason containerd reports for an exit code (Completed for 0, Error otherwise). */
export function terminatedReason(exitCode: number): string {
  return exitCode === 0 ? 'Completed' : 'Error';
}
