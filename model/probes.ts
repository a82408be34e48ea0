import { atLeast, type Capabilities } from './capabilities';
import type { Expectation, FieldExpectation, ModelOptions } from './expectation';
import {
  attemptSeconds,
  execTimeoutEnforced,
  execTimesOut,
  flipWindow,
  probeSuccessSpans,
  type FlipWindow,
  type SuccessSpan,
} from './probes-signal';
import type { ContainerScenario, PodScenario, ProbeKind, ProbeSpec, ProbesScenario } from './scenario';
import { serverProbeOutlook } from './server-program';
import { planContainerStop, type ContainerStopPlan } from './termination-plan';
import {
  killBackoffSeconds,
  killRestartsWithin,
  DECISION_MARGIN_SECONDS,
  PLEG_RELIST_SECONDS,
  RESTART_LATENCY_SECONDS,
  restartsWithin,
  slackFor,
  specGraceSeconds,
  START_ALLOWANCE_SECONDS,
  timingWindow,
} from './timing';

type Fields = Record<string, FieldExpectation>;

const AT_ONCE: FlipWindow = { earliest: 0, latest: 0 };

/**
 * Seconds from a startup success to the readiness attempt it triggers: the status update and the pod sync that
 * follows it (kubelet.go syncLoopIteration startupManager.Updates → handleProbeSync; a v1.26.1 node showed Ready
 * 41 ms after Started).
 */
const READINESS_TRIGGER_SECONDS = 1;

/** Seconds from SIGTERM's sender (the kill start) to the container's exit, as [shortest, longest]. */
function stopSeconds(plan: ContainerStopPlan): FlipWindow {
  const at = plan.sigtermAfterKillStart;
  switch (plan.ending.kind) {
    case 'sigkill':
      return {
        earliest: at.min + plan.sigkillAfterSigterm.min,
        latest: at.max + plan.sigkillAfterSigterm.max,
      };
    case 'sigterm':
      return { earliest: at.min, latest: at.max };
    case 'exit':
      return { earliest: at.min + plan.ending.afterSigterm, latest: at.max + plan.ending.afterSigterm };
    case 'race':
      return {
        earliest: at.min + Math.min(plan.ending.afterSigterm, plan.sigkillAfterSigterm.min),
        latest: at.max + plan.sigkillAfterSigterm.max,
      };
  }
}

/** What kills the container, if anything: the startup probe running out, or liveness failing. */
interface KillCause {
  probe: 'startup' | 'liveness';
  at: FlipWindow;
  plan: ContainerStopPlan;
}

/**
 * How the kubelet kills a container whose liveness or startup probe gave up
 * (kuberuntime_manager.go computePodActions): with restartPolicy Always or OnFailure it kills that
 * container, "Container X failed <probe> probe, will be restarted". With Never it kills only that
 * container, "Container X failed <probe> probe", while another container is kept running; when none
 * is (keepCount 0, nothing to start) it kills the whole pod instead (KillPod), and killPodWithSyncResult
 * stops each container as "Stopping container X" with the pod's grace period. `undefined`: a Never pod
 * with more than one container, whose other containers may or may not still run at that moment.
 */
type ProbeKillMode = 'restart' | 'pod' | undefined;

function probeKillMode(pod: PodScenario): ProbeKillMode {
  if (pod.restartPolicy !== 'Never') return 'restart';
  const restartable = pod.initContainers.some((init) => init.restartPolicy === 'Always');
  return pod.containers.length === 1 && !restartable ? 'pod' : undefined;
}

/**
 * The probe-level terminationGracePeriodSeconds replaces the pod's for probe kills
 * (kuberuntime_manager.go computePodActions; ProbeTerminationGracePeriod beta 1.22, GA 1.28), not
 * for a whole-pod kill, which goes through the pod's period (setTerminationGracePeriod, reason unknown).
 */
function killGraces(
  pod: PodScenario,
  probe: ProbeSpec,
  capabilities: Capabilities,
): { min: number; max: number } {
  const podGrace = specGraceSeconds(pod);
  if (!capabilities.probeGrace || probe.terminationGracePeriodSeconds === undefined) {
    return { min: podGrace, max: podGrace };
  }
  const probeGrace = probe.terminationGracePeriodSeconds;
  switch (probeKillMode(pod)) {
    case 'pod':
      return { min: podGrace, max: podGrace };
    case undefined:
      return { min: Math.min(podGrace, probeGrace), max: Math.max(podGrace, probeGrace) };
    default:
      return { min: probeGrace, max: probeGrace };
  }
}

/** What the Killing event of a probe kill says, when the model can tell (see probeKillMode). */
function killMessageParts(
  pod: PodScenario,
  container: string,
  probe: KillCause['probe'],
): string[] | undefined {
  switch (probeKillMode(pod)) {
    case 'restart':
      return [`Container ${container} failed ${probe} probe`, 'will be restarted'];
    case 'pod':
      return [`Stopping container ${container}`];
    default:
      return undefined;
  }
}

interface ContainerProbeTimeline {
  started: FlipWindow | undefined;
  kill: KillCause | undefined;
  ready: FlipWindow | undefined;
  unready: FlipWindow | undefined;
  /** A span of readiness successes may or may not hold successThreshold probes: Ready is not predicted. */
  readinessUncertain: boolean;
  /** After turning unready, a later span of successes may make it ready again. */
  readyAgain: boolean;
  /** Seconds from the started flag to Ready, where the startup success triggers readiness at once. */
  readyAfterStarted?: FlipWindow;
}

function timelineOf(
  pod: PodScenario,
  c: ContainerScenario,
  capabilities: Capabilities,
  margin: number,
): ContainerProbeTimeline {
  const { startup, liveness, readiness } = c.probes;
  const execTimeouts = execTimeoutEnforced(capabilities.version);
  const took = (probe: ProbeSpec) => attemptSeconds(probe, execTimeouts);
  let started: FlipWindow | undefined = AT_ONCE;
  let kill: KillCause | undefined;
  const planFor = (probe: ProbeSpec) => planContainerStop(c, killGraces(pod, probe, capabilities), margin);
  if (startup) {
    const spans = probeSuccessSpans('startup', startup, c.behaviour, execTimeouts, c.server);
    const gaveUp = flipWindow(0, startup, startup.failureThreshold, AT_ONCE, took(startup));
    const passes =
      spans.length > 0 ? flipWindow(spans[0].from, startup, 1, AT_ONCE, took(startup)) : undefined;
    if (passes && passes.latest + margin < gaveUp.earliest) {
      started = passes;
    } else if (!passes || passes.earliest - margin > gaveUp.latest) {
      // worker.go: failureThreshold startup failures kill the container; nothing else runs before that.
      return {
        started: undefined,
        kill: { probe: 'startup', at: gaveUp, plan: planFor(startup) },
        ready: undefined,
        unready: undefined,
        readinessUncertain: false,
        readyAgain: false,
      };
    } else {
      started = undefined;
    }
  }
  if (liveness && started) {
    const spans = probeSuccessSpans('liveness', liveness, c.behaviour, execTimeouts, c.server);
    const healthyUntil = spans.length === 0 || spans[0].from > 0 ? 0 : spans[0].to;
    if (healthyUntil < Infinity) {
      const at = flipWindow(healthyUntil, liveness, liveness.failureThreshold, started, took(liveness));
      kill = { probe: 'liveness', at, plan: planFor(liveness) };
    }
  }
  let ready: FlipWindow | undefined;
  let unready: FlipWindow | undefined;
  // worker.go: readiness is not probed before the startup probe succeeded, so an undecided startup
  // leaves readiness undecided too.
  let readinessUncertain = started === undefined;
  let readyAgain = false;
  let readyAfterStarted: FlipWindow | undefined;
  if (!readiness) {
    ready = started;
  } else if (started) {
    const spans = probeSuccessSpans('readiness', readiness, c.behaviour, execTimeouts, c.server);
    for (const [index, span] of spans.entries()) {
      const reach = spanReaches(span, readiness, started, took(readiness));
      if (reach === 'never') continue;
      if (reach === 'maybe') {
        readinessUncertain = true;
        break;
      }
      ready = flipWindow(span.from, readiness, readiness.successThreshold, started, took(readiness));
      if (startup && span.from <= started.earliest && readiness.initialDelaySeconds <= started.earliest) {
        // The pod sync after the startup success runs readiness at once (prober_manager.go UpdatePodStatus
        // triggers worker.go manualTriggerCh for a started container not yet Ready): its first success comes
        // then, not up to a period later; only further successes wait for ticks. Dated from the started flag,
        // as the startup success itself lags on a loaded node.
        const spacing = Math.max(readiness.periodSeconds, took(readiness));
        readyAfterStarted = {
          earliest: 0,
          latest: READINESS_TRIGGER_SECONDS + (readiness.successThreshold - 1) * spacing + took(readiness),
        };
        // Container time: a second more, as the started flag itself can trail the startup success on a loaded node.
        ready = {
          earliest: ready.earliest,
          latest: Math.min(
            ready.latest,
            started.latest + readyAfterStarted.latest + READINESS_TRIGGER_SECONDS,
          ),
        };
      }
      if (span.to < Infinity) {
        unready = flipWindow(span.to, readiness, readiness.failureThreshold, ready, took(readiness));
        readyAgain = index < spans.length - 1;
      }
      break;
    }
  }
  return { started, kill, ready, unready, readinessUncertain, readyAgain, readyAfterStarted };
}

/** Whether, and when, a container turns Ready (container seconds from its start), as the model predicts. */
export type ReadyOutlook =
  | { kind: 'at'; window: FlipWindow }
  /** The model says it never turns Ready (no readiness signal, gRPC with nothing serving, a window too short). */
  | { kind: 'never' }
  | { kind: 'uncertain' };

/**
 * The readiness prediction the probes rules use (timelineOf), for the harness to wait by: it waits for
 * Ready only when Ready can come, and as long as the model's latest instant allows.
 */
export function readyOutlook(
  pod: PodScenario,
  c: ContainerScenario,
  capabilities: Capabilities,
  margin: number = DECISION_MARGIN_SECONDS,
): ReadyOutlook {
  const timeline = timelineOf(pod, c, capabilities, margin);
  if (timeline.ready) return { kind: 'at', window: timeline.ready };
  return timeline.readinessUncertain ? { kind: 'uncertain' } : { kind: 'never' };
}

/**
 * Whether a span of successes holds successThreshold consecutive probes (worker.go doProbe: probes every
 * periodSeconds, or back to back when an attempt takes longer, at a phase the model does not know, none
 * before initialDelaySeconds or before started): a span of length L holds at least floor(L / spacing)
 * probes and at most ceil(L / spacing).
 */
function spanReaches(
  span: SuccessSpan,
  probe: ProbeSpec,
  started: FlipWindow,
  attempt: number,
): 'always' | 'never' | 'maybe' {
  if (span.to === Infinity) return 'always';
  const spacing = Math.max(probe.periodSeconds, attempt);
  const shortest = span.to - Math.max(span.from, probe.initialDelaySeconds, started.latest);
  const longest = span.to - Math.max(span.from, probe.initialDelaySeconds, started.earliest);
  if (shortest >= probe.successThreshold * spacing) return 'always';
  if (longest <= 0 || Math.ceil(longest / spacing) < probe.successThreshold) return 'never';
  return 'maybe';
}

/**
 * Whether the kubelet restarts a container it killed for a failed liveness or startup probe: the sync
 * that kills it also starts its successor unless the policy is Never, whatever the exit code
 * (kuberuntime_manager.go computePodActions: `restart := shouldRestartOnFailure(pod)`, which is
 * RestartPolicy != Never, then "will be restarted" and ContainersToStart). The exit code decides only
 * for a container that exits on its own (ShouldContainerBeRestarted).
 */
function restartsAfterProbeKill(pod: PodScenario): boolean {
  return pod.restartPolicy !== 'Never';
}

function probeFailureText(kind: ProbeKind, probe: ProbeSpec): string[] {
  const title = `${kind[0].toUpperCase()}${kind.slice(1)} probe failed`;
  // pkg/probe/http/http.go: "HTTP probe failed with statuscode: N".
  return probe.handler.kind === 'httpGet' &&
    !(probe.handler.failStatus >= 200 && probe.handler.failStatus < 400)
    ? [title, `HTTP probe failed with statuscode: ${probe.handler.failStatus}`]
    : [title];
}

/**
 * The rule that decides a probe's failures when its handler, not its signal, makes every attempt fail:
 * an exec command cut at timeoutSeconds, or gRPC with nothing serving; otherwise `signalRule`.
 */
function failureRule(probe: ProbeSpec, execTimeouts: boolean, signalRule: string): string {
  if (execTimesOut(probe, execTimeouts)) return 'probes.exec-timeout';
  if (probe.handler.kind === 'grpc') return 'probes.grpc-serving-only';
  if (probe.handler.kind === 'serverHttpGet' && probe.handler.path.startsWith('/redirect'))
    return 'probes.http-redirects';
  return signalRule;
}

function containerFields(
  scenario: ProbesScenario,
  c: ContainerScenario,
  capabilities: Capabilities,
  options: ModelOptions,
): Fields {
  // Every timed field here runs from the container's start to an API transition or event (whole seconds).
  const slack = slackFor('api', options);
  const fields: Fields = {};
  const n = c.name;
  const execTimeouts = execTimeoutEnforced(capabilities.version);
  const { started, kill, ready, unready, readinessUncertain, readyAgain, readyAfterStarted } = timelineOf(
    scenario.pod,
    c,
    capabilities,
    DECISION_MARGIN_SECONDS,
  );
  // Container time known to have passed by the end of the observation (the start may lag creation).
  // A program that exits on its own ends the first instance: its probe timeline stops there, and what
  // follows (restart or not, readiness reset) is not this rule's to predict.
  const exit = c.behaviour.exitAfter;
  const exitsInWindow = exit !== undefined && exit.seconds < scenario.observeSeconds;
  const seenUntil = Math.min(
    scenario.observeSeconds - START_ALLOWANCE_SECONDS,
    exit ? exit.seconds - slack : Infinity,
  );
  const killedBefore = (at: FlipWindow | undefined) =>
    kill !== undefined && at !== undefined && kill.at.earliest - slack <= at.latest;
  if (c.probes.startup && started && started.latest + slack < seenUntil && !killedBefore(started)) {
    fields[`${n}.startedAfterStartSeconds`] = {
      expected: timingWindow(started.earliest, started.latest, slack),
      rule: 'probes.startup-gates-others',
      because: `startup probe passes once its signal is on (${c.behaviour.startupAfterSeconds ?? 0} s), checked every ${c.probes.startup.periodSeconds} s`,
    };
  }
  if (c.probes.readiness && ready && ready.latest + slack < seenUntil && !killedBefore(ready)) {
    fields[`${n}.readyAfterStartSeconds`] = {
      expected: timingWindow(ready.earliest, ready.latest, slack),
      rule: 'probes.readiness-threshold',
      because: `readiness signal on at ${c.behaviour.readyAfterSeconds} s, period ${c.probes.readiness.periodSeconds} s, successThreshold ${c.probes.readiness.successThreshold}${c.probes.startup ? ', after startup' : ''}`,
    };
    if (readyAfterStarted) {
      fields[`${n}.readyAfterStartedSeconds`] = {
        expected: timingWindow(readyAfterStarted.earliest, readyAfterStarted.latest, slack),
        rule: 'probes.readiness-after-startup',
        because: `readiness already passes when startup succeeds: probed at once, not up to ${c.probes.readiness.periodSeconds} s later`,
      };
    }
  }
  if (unready && unready.latest + slack < seenUntil && !killedBefore(unready)) {
    fields[`${n}.unreadyAfterStartSeconds`] = {
      expected: timingWindow(unready.earliest, unready.latest, slack),
      rule: 'probes.readiness-threshold',
      because: `readiness signal off at ${c.behaviour.unreadyAfterSeconds} s, failureThreshold ${c.probes.readiness?.failureThreshold}: not ready, never restarted`,
    };
  }
  if (c.probes.readiness) {
    const neverReady = ready === undefined && kill === undefined && !readinessUncertain;
    const stablyReady =
      ready !== undefined &&
      !kill &&
      ready.latest + slack < seenUntil &&
      (!unready || unready.earliest - slack > scenario.observeSeconds);
    const stablyUnready = unready !== undefined && !kill && !readyAgain && unready.latest + slack < seenUntil;
    // Every instance runs out of startup failures: never started, so readiness never runs (worker.go doProbe) and
    // prober_manager.go UpdatePodStatus never reports it Ready.
    const neverStarted = kill?.probe === 'startup';
    if (!exitsInWindow && (neverReady || stablyReady || stablyUnready || neverStarted)) {
      fields[`${n}.readyAtEnd`] = {
        expected: { kind: 'equals', value: stablyReady },
        rule: stablyReady
          ? 'probes.readiness-gates-ready'
          : neverStarted
            ? 'probes.startup-gates-others'
            : failureRule(c.probes.readiness, execTimeouts, 'probes.readiness-gates-ready'),
        because: stablyReady
          ? 'readiness has passed and stays on'
          : neverStarted
            ? 'the startup probe never passes: readiness never runs'
            : 'readiness never passes or has turned off: never restarted for it',
      };
    }
    const readiness = c.probes.readiness;
    const firstOn =
      probeSuccessSpans('readiness', readiness, c.behaviour, execTimeouts, c.server)[0]?.from ?? Infinity;
    // The first attempt starts within a period of the later of initialDelaySeconds and the start gate,
    // its result known attemptSeconds later: a failure when the signal is still off then.
    const firstResultBy =
      started &&
      Math.max(readiness.initialDelaySeconds, started.latest) +
        readiness.periodSeconds +
        attemptSeconds(readiness, execTimeouts);
    if (firstResultBy !== undefined && firstOn > firstResultBy + slack && seenUntil > firstResultBy + slack) {
      // prober/worker.go: every failed probe emits Warning Unhealthy with the probe's output.
      fields[`${n}.readinessFailureMessage`] = {
        expected: { kind: 'contains', parts: probeFailureText('readiness', c.probes.readiness) },
        rule: failureRule(readiness, execTimeouts, 'probes.unhealthy-event'),
        because:
          firstOn === Infinity
            ? 'readiness never succeeds: Warning Unhealthy'
            : 'readiness fails until its signal turns on: Warning Unhealthy',
      };
    }
  }
  if (kill) {
    const restarts = restartsAfterProbeKill(scenario.pod);
    const probe = c.probes[kill.probe] as ProbeSpec;
    const killRule = failureRule(
      probe,
      execTimeouts,
      kill.probe === 'liveness' ? 'probes.liveness-restarts' : 'probes.startup-restarts',
    );
    if (kill.at.latest + slack < seenUntil) {
      fields[`${n}.firstKillAfterStartSeconds`] = {
        expected: timingWindow(kill.at.earliest, kill.at.latest, slack),
        rule: killRule,
        because: `${kill.probe} fails ${probe.failureThreshold} times ${probe.periodSeconds} s apart: Killing`,
      };
      const parts = killMessageParts(scenario.pod, n, kill.probe);
      if (parts) {
        fields[`${n}.killMessage`] = {
          expected: { kind: 'contains', parts },
          rule: 'probes.kill-message',
          because:
            scenario.pod.restartPolicy === 'Never'
              ? `restartPolicy Never and no other container running: the kubelet kills the whole pod`
              : `the Killing event names the ${kill.probe} probe and the restart`,
        };
      }
    }
    const stop = stopSeconds(kill.plan);
    if (kill.at.latest + stop.latest + slack < seenUntil) {
      // kuberuntime_manager.go computePodActions: the probe's own grace period, where set and supported.
      const probeGrace = capabilities.probeGrace && probe.terminationGracePeriodSeconds !== undefined;
      const grace = killGraces(scenario.pod, probe, capabilities);
      const graceText = grace.min === grace.max ? `${grace.min}` : `${grace.min}–${grace.max}`;
      fields[`${n}.probeKillStopSeconds`] = {
        expected: timingWindow(stop.earliest, stop.latest, slack),
        rule: probeGrace ? 'probes.probe-level-grace' : killRule,
        because: `the ${kill.probe} kill stops the container in ${stop.earliest}–${stop.latest} s (grace ${graceText} s, ${probeGrace ? "the probe's" : "the pod's"})`,
      };
    }
    if (restarts !== undefined && !exitsInWindow) {
      const stop = stopSeconds(kill.plan);
      // The longest instance: started a runtime start after its predecessor's exit (kill and start share a sync),
      // and killed up to a PLEG relist late: until the status shows its new container the probe worker sees the
      // old one (worker.go doProbe), so a tick right after its start is lost (a real v1.26.1 node: 6.8 s, not 6).
      const most = restarts
        ? killRestartsWithin(scenario.observeSeconds, 0, {
            min: kill.at.earliest + stop.earliest,
            max: START_ALLOWANCE_SECONDS + kill.at.latest + PLEG_RELIST_SECONDS + stop.latest + slack,
          })
        : 0;
      const least = restarts
        ? restartsWithin(
            scenario.observeSeconds,
            START_ALLOWANCE_SECONDS,
            kill.at.latest + stop.latest + 2 * slack,
            RESTART_LATENCY_SECONDS,
            killBackoffSeconds,
          )
        : 0;
      fields[`${n}.restartCount`] = {
        expected: { kind: 'range', min: Math.min(least, most), max: most },
        rule: killRule,
        because: restarts
          ? `killed ${kill.at.earliest}–${kill.at.latest} s after each start, stopped in ${stop.earliest}–${stop.latest} s, back-off 0, 0, then 10, 20… s from the killed instance's exit, or none once that long passed since the exit before it, over ${scenario.observeSeconds} s`
          : `restartPolicy ${scenario.pod.restartPolicy}: the killed container is not restarted`,
      };
    }
  } else if ((c.probes.liveness || c.probes.startup) && started && !exitsInWindow) {
    fields[`${n}.restartCount`] = {
      expected: { kind: 'range', min: 0, max: 0 },
      rule: c.probes.startup
        ? 'probes.startup-gates-others'
        : failureRule(c.probes.liveness as ProbeSpec, execTimeouts, 'probes.liveness-restarts'),
      because: 'liveness never fails (and startup passes in time): no restart',
    };
  } else if (c.probes.readiness && !exitsInWindow) {
    // prober_manager.go: readiness results only set Ready; nothing but liveness and startup kills a container.
    fields[`${n}.restartCount`] = {
      expected: { kind: 'range', min: 0, max: 0 },
      rule: 'probes.readiness-gates-ready',
      because: 'readiness alone never restarts a container, however it fails',
    };
  }
  const liveness = c.probes.liveness;
  if (liveness?.handler.kind === 'serverHttpGet' && c.server && started) {
    const outlook = serverProbeOutlook(c.server, liveness.handler.path);
    // The first attempt's result, a period after initialDelaySeconds at the latest.
    const firstResultBy = Math.max(liveness.initialDelaySeconds, started.latest) + liveness.periodSeconds;
    if (outlook.warning && firstResultBy + slack < seenUntil) {
      // pkg/probe/http/http.go DoHTTPProbe: a redirect it did not follow is a Warning result, which prober.go
      // runProbe records as Warning ProbeWarning "<Kind> probe warning: <output>". Since 1.24 the output
      // says so, "Probe terminated redirects, Response body: <body>" (kubernetes PR #103967); before, it
      // was the body alone, which for agnhost's redirect is Go's `<a href="...">Found</a>.` (seen on v1.23.13).
      const said = atLeast(capabilities.version, 24) ? 'Probe terminated redirects' : '<a href="';
      fields[`${n}.probeWarningMessage`] = {
        expected: { kind: 'contains', parts: [`Liveness probe warning: ${said}`] },
        rule: 'probes.http-redirects',
        because: `${liveness.handler.path} redirects to another host: not followed, a success with a warning`,
      };
    }
  }
  return fields;
}

/** Expectation of a pod with probes watched for observeSeconds after creation. */
export function expectProbes(
  scenario: ProbesScenario,
  capabilities: Capabilities,
  options: ModelOptions,
): Expectation {
  const fields: Fields = {};
  for (const container of scenario.pod.containers) {
    Object.assign(fields, containerFields(scenario, container, capabilities, options));
    if (container.probes.liveness || container.probes.startup) {
      // kuberuntime_container.go startContainer: each new instance's restartCount is the last one's + 1.
      fields[`${container.name}.restartCountNeverDecreases`] = {
        expected: { kind: 'equals', value: true },
        rule: 'probes.restart-count-monotonic',
        because: 'a restarted container counts on from its previous instance',
      };
    }
  }
  return { family: 'probes', fields };
}
