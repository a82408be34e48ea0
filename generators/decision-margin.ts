import type { Capabilities } from '../model/capabilities';
import { attemptSeconds, execTimeoutEnforced } from '../model/probes-signal';
import type { ContainerScenario, DeleteAction, HookHandler, PodScenario, ProbeSpec } from '../model/scenario';
import {
  apiDeletionGraceSeconds,
  kubeletGraceSeconds,
  planContainerStop,
  type Span,
} from '../model/termination-plan';
import { DECISION_MARGIN_SECONDS, hookSeconds } from '../model/timing';

/**
 * Every generated decision stays DECISION_MARGIN_SECONDS away from its threshold, so jitter on a real
 * node (bench/real-cluster-jitter.md) cannot flip it and the model never has to call it undecided.
 * Each helper is a pure map of generated values (shrinking still works): a value inside the margin is
 * moved to the nearest decided side that stays valid.
 */

const MARGIN = DECISION_MARGIN_SECONDS;

/**
 * An exec probe's hang clear of timeoutSeconds: a hang within the margin of it flips between pass and
 * timeout on a real node (`probes-exec-timeout-*`), so it is moved to timeout + margin (a timeout).
 */
export function hangClearOfTimeout(hangSeconds: number, timeoutSeconds: number): number {
  return Math.abs(hangSeconds - timeoutSeconds) < MARGIN ? timeoutSeconds + MARGIN : hangSeconds;
}

/**
 * The fraction of a second a preStop may have beyond whole seconds: the kubelet subtracts the hook's
 * measured time truncated to whole seconds (kuberuntime_container.go killContainer), and the hook runs
 * up to the margin longer than nominal, so a fraction of 1 − margin or more may truncate one second up.
 */
export const TRUNCATION_SAFE_FRACTION = (1 - MARGIN) / 2;

function withHookSeconds(handler: HookHandler, seconds: number): HookHandler {
  return handler.kind === 'sleep' ? { ...handler, seconds } : { ...handler, durationSeconds: seconds };
}

/**
 * A preStop clear of the kubelet's grace span: it returns at least the margin before the shortest grace
 * (or is moved a second before it), and its truncation to whole seconds is decided.
 */
function preStopClear(handler: HookHandler, grace: Span, capabilities: Capabilities): HookHandler {
  let seconds = hookSeconds(handler);
  if (seconds + MARGIN >= grace.min && seconds - MARGIN <= grace.max) seconds = Math.max(0, grace.min - 1);
  const fraction = seconds - Math.floor(seconds);
  if (fraction + MARGIN >= 1) seconds = Math.floor(seconds) + TRUNCATION_SAFE_FRACTION;
  // A sleep of 0 is valid only with PodLifecycleSleepActionAllowZero (validation.go validateSleepAction).
  if (handler.kind === 'sleep' && seconds === 0 && !capabilities.sleepZero) return handler;
  return seconds === hookSeconds(handler) ? handler : withHookSeconds(handler, seconds);
}

/**
 * A trapped SIGTERM's exit clear of the SIGKILL: an exit within the margin of the SIGKILL span (the
 * model's 'race') is moved to twice the margin before its earliest instant (SIGKILL is at least 2 s
 * after SIGTERM, so the exit stays at or after 1 s).
 */
function sigtermClear(container: ContainerScenario, grace: Span): ContainerScenario {
  const plan = planContainerStop(container, grace, MARGIN);
  const handling = container.behaviour.sigterm;
  if (plan.ending.kind !== 'race' || handling.kind !== 'exit') return container;
  const afterSeconds = Math.max(0, plan.sigkillAfterSigterm.min - 2 * MARGIN);
  return { ...container, behaviour: { ...container.behaviour, sigterm: { ...handling, afterSeconds } } };
}

/** A container's stop decisions clear of the kubelet's grace span: preStop first, as it sets the SIGKILL. */
export function stopClearOfGrace(
  container: ContainerScenario,
  grace: Span,
  capabilities: Capabilities,
): ContainerScenario {
  const preStop = container.lifecycle.preStop;
  const cleared = preStop
    ? {
        ...container,
        lifecycle: { ...container.lifecycle, preStop: preStopClear(preStop, grace, capabilities) },
      }
    : container;
  return sigtermClear(cleared, grace);
}

/** The kubelet's grace span for a pod's containers: from the delete when there is one, else the spec's. */
export function killGraceOf(
  pod: PodScenario,
  action: DeleteAction | undefined,
  capabilities: Capabilities,
): Span {
  return kubeletGraceSeconds(
    pod,
    apiDeletionGraceSeconds(pod, action ?? { afterRunningSeconds: 0 }),
    capabilities.version,
  );
}

/** Seconds between two probe attempts: the period, or a slow attempt's length (worker.go doProbe). */
function spacingOf(probe: ProbeSpec, capabilities: Capabilities): number {
  return Math.max(probe.periodSeconds, attemptSeconds(probe, execTimeoutEnforced(capabilities.version)));
}

/** Grid of generated instants (generators/seconds.ts): moved values stay on it. */
const GRID = 0.5;
const upToGrid = (seconds: number) => Math.ceil(seconds / GRID) * GRID;

/**
 * The container's probe decisions clear of their thresholds:
 * - startup: its signal turns on at least a period and the margin before failureThreshold × period
 *   (else failureThreshold is raised), so it passes whatever the ticker's phase;
 * - readiness: a span of successes that ends either holds successThreshold probes whatever the phase
 *   (successThreshold × spacing + the margin) or is lengthened to, counted from the latest instant
 *   probing can start (startup passed, initialDelaySeconds).
 */
export function probesClearOfThresholds(
  container: ContainerScenario,
  capabilities: Capabilities,
): ContainerScenario {
  const { startup, readiness } = container.probes;
  const behaviour = { ...container.behaviour };
  const probes = { ...container.probes };
  let startedBy = 0;
  if (startup) {
    // The model's windows (model/probes-signal.ts flipWindow): it passes by the latest instant of one
    // success after its signal, and gives up no earlier than failureThreshold − 1 periods after its delay.
    const spacing = spacingOf(startup, capabilities);
    const on = Math.max(behaviour.startupAfterSeconds ?? 0, startup.initialDelaySeconds);
    startedBy = on + spacing + attemptSeconds(startup, execTimeoutEnforced(capabilities.version));
    const needed = Math.floor((startedBy + MARGIN - startup.initialDelaySeconds) / startup.periodSeconds) + 2;
    if (startup.failureThreshold < needed) probes.startup = { ...startup, failureThreshold: needed };
  }
  if (readiness && behaviour.readyAfterSeconds !== undefined && behaviour.unreadyAfterSeconds !== undefined) {
    const from = Math.max(behaviour.readyAfterSeconds, readiness.initialDelaySeconds, startedBy);
    const holds = from + readiness.successThreshold * spacingOf(readiness, capabilities) + MARGIN;
    if (behaviour.unreadyAfterSeconds < holds) behaviour.unreadyAfterSeconds = upToGrid(holds);
  }
  return { ...container, behaviour, probes };
}

/**
 * Every container of the pod with its decisions clear of their thresholds: probes always, stops against
 * the kubelet's grace for `action` (or for a probe kill with the spec's grace when there is no delete).
 */
export function podClearOfThresholds(
  pod: PodScenario,
  action: DeleteAction | undefined,
  capabilities: Capabilities,
): PodScenario {
  const grace = killGraceOf(pod, action, capabilities);
  const clear = (c: ContainerScenario) =>
    stopClearOfGrace(probesClearOfThresholds(c, capabilities), grace, capabilities);
  return { ...pod, initContainers: pod.initContainers.map(clear), containers: pod.containers.map(clear) };
}
