import { EVENT_SPAM_BURST } from '../harness/observe/event-budget';
import type {
  ContainerScenario,
  PodScenario,
  ProbeKind,
  ProbeSpec,
  Scenario,
  TerminationScenario,
} from '../model/scenario';
import { attemptSeconds, probeSuccessSpans, type SuccessSpan } from '../model/probes-signal';
import { hookFails, hookSeconds, MINIMUM_GRACE_SECONDS, specGraceSeconds } from '../model/timing';

/**
 * The kubelet sends at most EVENT_SPAM_BURST events about a pod before it drops them (client-go
 * events_cache.go, harness/observe/event-budget.ts). A pod whose verdict needs an event must stay well
 * below that by the instant the event is due; the margin covers events no scenario predicts (a
 * FailedMount of the service-account volume, MissingClusterDNS, probes the kubelet runs early when it
 * syncs the pod).
 */
export const EVENT_NOISE_MARGIN = 5;
export const EVENT_NOISE_LIMIT = EVENT_SPAM_BURST - EVENT_NOISE_MARGIN;

/** Pulled, Created and Started for each container start. */
const EVENTS_PER_START = 3;
/**
 * prober_manager.go UpdatePodStatus runs a not-yet-ready readiness probe at once on every pod sync, so
 * it fails more often than its period while the pod starts (4 extra attempts in 5 s on the real cluster).
 */
const READINESS_SYNC_ATTEMPTS = 4;

/** Seconds of [0, horizon) a probe fails: outside its success spans, with either exec-timeout rule. */
function failingSeconds(kind: ProbeKind, probe: ProbeSpec, c: ContainerScenario, horizon: number): number {
  const covered = (spans: SuccessSpan[]) =>
    spans.reduce(
      (sum, s) => sum + Math.max(0, Math.min(s.to, horizon) - Math.max(s.from, probe.initialDelaySeconds)),
      0,
    );
  const window = Math.max(0, horizon - probe.initialDelaySeconds);
  const least = Math.min(
    covered(probeSuccessSpans(kind, probe, c.behaviour, true)),
    covered(probeSuccessSpans(kind, probe, c.behaviour, false)),
  );
  return Math.max(0, window - least);
}

/** Unhealthy events of one probe by `horizon`; a liveness or startup probe counts up to its first kill. */
function probeEvents(kind: ProbeKind, probe: ProbeSpec, c: ContainerScenario, horizon: number): number {
  const failing = failingSeconds(kind, probe, c, horizon);
  if (failing === 0) return 0;
  // worker.go doProbe: the next attempt waits for the period, or for a slow attempt to end.
  const spacing = Math.max(probe.periodSeconds, attemptSeconds(probe, true));
  const attempts = Math.ceil(failing / spacing);
  if (kind === 'readiness') return attempts + 1 + READINESS_SYNC_ATTEMPTS;
  // Unhealthy up to failureThreshold, then Killing.
  return attempts >= probe.failureThreshold ? probe.failureThreshold + 1 : attempts;
}

function containerEvents(c: ContainerScenario, horizon: number, deleted: boolean): number {
  const { postStart, preStop } = c.lifecycle;
  const hooks =
    (postStart && hookFails(postStart) ? 1 : 0) + (deleted && preStop && hookFails(preStop) ? 1 : 0);
  const killing = deleted ? 1 : 0;
  const probes = (['readiness', 'liveness', 'startup'] as const).reduce((sum, kind) => {
    const probe = c.probes[kind];
    return sum + (probe ? probeEvents(kind, probe, c, horizon) : 0);
  }, 0);
  return EVENTS_PER_START + hooks + killing + probes;
}

/** How far a verdict's events reach: seconds from the pod's start, and whether the pod is deleted by then. */
export interface EventHorizon {
  seconds: number;
  deleted: boolean;
}

/**
 * An upper estimate of the kubelet's events about the pod within the horizon, every container counted
 * from the pod's start (earlier than it really starts, so more failures) and without restarts (a
 * verdict that needs an event reads the first one of its kind); a delete adds a Killing per container
 * and a failing preStop's event.
 */
export function kubeletEventsWithin(pod: PodScenario, horizon: EventHorizon): number {
  return [...pod.initContainers, ...pod.containers].reduce(
    (sum, c) => sum + containerEvents(c, horizon.seconds, horizon.deleted),
    0,
  );
}

function seconds(handler: ContainerScenario['lifecycle']['preStop']): number {
  return handler ? hookSeconds(handler) : 0;
}

/**
 * Seconds from the pod's start to the end of its termination on a conforming cluster: containers
 * started (delay and postStart), Ready (readiness window and successThreshold probes), the delay
 * before the delete, the longest preStop, the grace period and the kubelet's extension.
 */
export function terminationEventHorizon(scenario: TerminationScenario): number {
  const all = [...scenario.pod.initContainers, ...scenario.pod.containers];
  const started = Math.max(
    0,
    ...all.map((c) => c.behaviour.startDelaySeconds + seconds(c.lifecycle.postStart)),
  );
  const ready = Math.max(
    0,
    ...all.map((c) => {
      const probe = c.probes.readiness;
      if (!probe || c.behaviour.readyAfterSeconds === undefined) return 0;
      return (
        c.behaviour.readyAfterSeconds +
        probe.initialDelaySeconds +
        probe.periodSeconds * (probe.successThreshold + 1)
      );
    }),
  );
  const grace = scenario.delete.gracePeriodSeconds ?? specGraceSeconds(scenario.pod);
  const preStop = Math.max(0, ...all.map((c) => seconds(c.lifecycle.preStop)));
  return started + ready + scenario.delete.afterRunningSeconds + preStop + grace + MINIMUM_GRACE_SECONDS;
}

/** Container seconds by which the container's postStart has returned (a failing one is then killed). */
function startedBy(pod: PodScenario): number {
  const all = [...pod.initContainers, ...pod.containers];
  return Math.max(0, ...all.map((c) => c.behaviour.startDelaySeconds + seconds(c.lifecycle.postStart)));
}

/** Seconds by which a probe's first kill or first failure is due: its signal off, then failureThreshold attempts. */
function firstProbeVerdictBy(c: ContainerScenario): number {
  return Math.max(
    0,
    ...(['readiness', 'liveness', 'startup'] as const).map((kind) => {
      const probe = c.probes[kind];
      if (!probe) return 0;
      const off = kind === 'liveness' ? (c.behaviour.unhealthyAfterSeconds ?? 0) : 0;
      const spacing = Math.max(probe.periodSeconds, attemptSeconds(probe, true));
      return (
        c.behaviour.startDelaySeconds +
        off +
        probe.initialDelaySeconds +
        (probe.failureThreshold + 1) * spacing
      );
    }),
  );
}

/**
 * By when the events a verdict reads are due on a conforming cluster: the end of termination; a
 * postStart's failure and its kill; a probe's first failure or kill (within the observation).
 * Undefined for families whose verdicts read no kubelet event.
 */
export function eventHorizon(scenario: Scenario): EventHorizon | undefined {
  switch (scenario.family) {
    case 'termination':
      return { seconds: terminationEventHorizon(scenario), deleted: true };
    case 'hooks':
      return { seconds: startedBy(scenario.pod) + 1, deleted: false };
    case 'probes': {
      const firstVerdict = Math.max(0, ...scenario.pod.containers.map(firstProbeVerdictBy));
      return { seconds: Math.min(scenario.observeSeconds, firstVerdict), deleted: false };
    }
    default:
      return undefined;
  }
}

/**
 * The pod with readiness probes dropped, last container first, until its events by `horizon` fit
 * EVENT_NOISE_LIMIT: a probe that keeps failing sends an Unhealthy event every period and can spend the
 * pod's budget before the event under test. Dropping (not reshaping) keeps shrinking toward fewer probes.
 */
export function quietForEvents(pod: PodScenario, horizon: EventHorizon): PodScenario {
  let quiet = pod;
  const order = [
    ...pod.containers.map((c) => ({ init: false, name: c.name })).reverse(),
    ...pod.initContainers.map((c) => ({ init: true, name: c.name })).reverse(),
  ];
  for (const { init, name } of order) {
    if (kubeletEventsWithin(quiet, horizon) < EVENT_NOISE_LIMIT) break;
    const drop = (c: ContainerScenario): ContainerScenario => {
      if (c.name !== name || !c.probes.readiness) return c;
      const probes = { ...c.probes };
      delete probes.readiness;
      return { ...c, probes };
    };
    quiet = init
      ? { ...quiet, initContainers: quiet.initContainers.map(drop) }
      : { ...quiet, containers: quiet.containers.map(drop) };
  }
  return quiet;
}

/** The scenario with its pod quietened (quietForEvents) up to its own event horizon: a pure map for arbitraries. */
export function quietScenario<S extends Scenario>(scenario: S): S {
  const horizon = eventHorizon(scenario);
  if (!horizon || !('pod' in scenario)) return scenario;
  return { ...scenario, pod: quietForEvents(scenario.pod, horizon) };
}
