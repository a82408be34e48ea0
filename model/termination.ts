import { atLeast, type Capabilities } from './capabilities';
import type { Expectation, FieldExpectation, ModelOptions } from './expectation';
import type { ContainerScenario, PodScenario, TerminationScenario } from './scenario';
import {
  apiDeletionGraceSeconds,
  kubeletGraceSeconds,
  planContainerStop,
  terminatedReason,
  type ContainerStopPlan,
  type Span,
} from './termination-plan';
import { readinessContinuesFields } from './termination-readiness';
import {
  DECISION_MARGIN_SECONDS,
  hookSeconds,
  MINIMUM_GRACE_SECONDS,
  NODE_LATENCY_SECONDS,
  slackFor,
  timingWindow,
} from './timing';

type Fields = Record<string, FieldExpectation>;

function spanText(span: Span): string {
  return span.min === span.max ? `${span.min} s` : `${span.min}–${span.max} s`;
}

/** Sidecars: init containers with restartPolicy Always, on servers that support them (KEP-753). */
export function sidecarsOf(pod: PodScenario, capabilities: Capabilities): ContainerScenario[] {
  return capabilities.sidecars ? pod.initContainers.filter((c) => c.restartPolicy === 'Always') : [];
}

/** The rule of every stop field of a container with a preStop in a pod deleted with gracePeriodSeconds 0. */
export const GRACE_ZERO_PRESTOP_RULE = 'termination.grace-zero-prestop';

/**
 * A pod deleted with gracePeriodSeconds 0 (not forced) still has its preStop run, within the kubelet's
 * effective period: killContainer applies the pod worker's override (never below 1 s) before it
 * decides whether there is time for the hook (kuberuntime_container.go killContainer, the order of
 * kubernetes#115835, v1.28.0). Kubelets 1.22–1.27 read the recorded 0 first and skip the hook, so
 * every field of such a stop is under this one rule (a known issue there).
 */
function underGraceZeroRule(fields: Fields): Fields {
  return Object.fromEntries(
    Object.entries(fields).map(([name, field]) => [
      name,
      {
        ...field,
        rule: GRACE_ZERO_PRESTOP_RULE,
        because: `deleted with gracePeriodSeconds 0, the preStop still runs within the kubelet's period; ${field.because}`,
      },
    ]),
  );
}

/**
 * Per-container fields of a stop: SIGTERM after the preStop, SIGKILL or exit after SIGTERM, exit code,
 * terminated reason and preStop failure. Shared by the termination and hooks families. `apiGrace` is
 * the deletion's recorded period (0 puts a preStop's stop under its own rule).
 */
export function containerStopFields(
  container: ContainerScenario,
  plan: ContainerStopPlan,
  grace: Span,
  options: ModelOptions,
  apiGrace: number,
): Fields {
  const c = container.name;
  const runtime = slackFor('runtime', options);
  const fields: Fields = {};
  const preStop = container.lifecycle.preStop;
  if (preStop) {
    const at = plan.sigtermAfterKillStart;
    // kuberuntime_container.go executePreStopHook: SIGTERM waits for the hook, at most the grace period.
    // A hook's own marker dates its return; a grace period that cuts it counts from the kubelet's start
    // of the kill, which the Killing event dates (the hook's first line can come later than the cut on a
    // busy node), and so does a sleep hook, which writes nothing.
    const cut = preStop.kind !== 'sleep' && at.max < hookSeconds(preStop);
    const fromKill = preStop.kind === 'sleep' || cut;
    const field = fromKill ? `${c}.sigtermAfterKillStartSeconds` : `${c}.sigtermAfterPreStopStartSeconds`;
    fields[field] = {
      // SIGTERM follows the hook's return or the timer, never before it.
      expected: timingWindow(
        at.min,
        at.max + NODE_LATENCY_SECONDS,
        fromKill ? slackFor('api', options) : runtime,
      ),
      rule: 'termination.prestop-before-sigterm',
      because: `preStop ${preStop.kind} of ${preStop.kind === 'sleep' ? preStop.seconds : preStop.durationSeconds} s, grace ${spanText(grace)}: SIGTERM at ${spanText(at)}`,
    };
    if (plan.preStopFails !== undefined) {
      // kuberuntime_container.go executePreStopHook records FailedPreStopHook and goes on with the stop.
      fields[`${c}.failedPreStopHook`] = {
        expected: { kind: 'equals', value: plan.preStopFails },
        rule: 'termination.prestop-failure-event',
        because: plan.preStopFails
          ? 'preStop exits non-zero: Warning FailedPreStopHook, termination goes on'
          : 'preStop returns success (httpGet status is not checked): no FailedPreStopHook',
      };
    }
  }
  const kill = plan.sigkillAfterSigterm;
  const ending = plan.ending;
  const killRule = preStop
    ? 'termination.prestop-counts-against-grace'
    : grace.min < MINIMUM_GRACE_SECONDS
      ? 'termination.minimum-grace'
      : 'termination.sigkill-after-grace';
  if (ending.kind === 'sigkill') {
    // killContainer: StopContainer gets the grace left after preStop, raised to 2 s.
    fields[`${c}.sigkillAfterSigtermSeconds`] = {
      expected: timingWindow(kill.min, kill.max + NODE_LATENCY_SECONDS, runtime),
      rule: killRule,
      because: `grace ${spanText(grace)}${preStop ? ' less the preStop' : ''}, at least 2 s: SIGKILL ${spanText(kill)} after SIGTERM`,
    };
  } else if (ending.kind === 'exit') {
    fields[`${c}.exitAfterSigtermSeconds`] = {
      expected: timingWindow(ending.afterSigterm, ending.afterSigterm + NODE_LATENCY_SECONDS, runtime),
      rule: 'termination.handled-sigterm-exits',
      because: `the program exits ${ending.afterSigterm} s after SIGTERM, before the SIGKILL at ${spanText(kill)}`,
    };
  } else if (ending.kind === 'sigterm') {
    // No trap, no marker: both instants are the exit, known from the API's whole-second finishedAt.
    fields[`${c}.exitAfterSigtermSeconds`] = {
      expected: timingWindow(0, 0, slackFor('api', options)),
      rule: 'termination.default-sigterm-kills',
      because: 'no SIGTERM handler: the default action ends the process at once',
    };
  }
  // A trapped SIGTERM that would exit after the SIGKILL: which comes first, and so the exit code and
  // reason, is the kill timing's rule (a kubelet that kills later lets the program exit with its code).
  const killedFirst =
    ending.kind === 'sigkill' && container.behaviour.sigterm.kind === 'exit'
      ? `, as the SIGKILL ${spanText(kill)} after SIGTERM comes before the program's exit ${container.behaviour.sigterm.afterSeconds} s after it (${killRule})`
      : undefined;
  fields[`${c}.exitCode`] = {
    expected:
      plan.exitCodes.length === 1
        ? { kind: 'equals', value: plan.exitCodes[0] }
        : { kind: 'oneOf', values: plan.exitCodes },
    rule: killedFirst === undefined ? 'termination.exit-code' : killRule,
    because: `${ending.kind === 'sigkill' ? 'SIGKILL: 128+9' : ending.kind === 'sigterm' ? 'killed by SIGTERM: 128+15' : 'trapped SIGTERM: the program chooses the code'}${ending.kind === 'race' ? ', unless SIGKILL comes first' : ''}${killedFirst ?? ''}`,
  };
  const reasons = [...new Set(plan.exitCodes.map(terminatedReason))];
  fields[`${c}.terminatedReason`] = {
    expected:
      reasons.length === 1 ? { kind: 'equals', value: reasons[0] } : { kind: 'oneOf', values: reasons },
    rule: killedFirst === undefined ? 'termination.terminated-reason' : killRule,
    because: `containerd: Completed for exit 0, Error otherwise (exit ${plan.exitCodes.join(' or ')})${killedFirst ?? ''}`,
  };
  return preStop && apiGrace === 0 ? underGraceZeroRule(fields) : fields;
}

/**
 * How long after the delete request a watcher may wait to see the pod's endpoint terminating. Not an
 * upstream number: the controller acts on the pod update with no batching by default, so this is
 * control-plane latency (watch fan-out to the controller, its queue, the slice write, the watch back to
 * the client), a few hundred milliseconds on an idle cluster; 5 s leaves room for a loaded CI cluster.
 * A cluster run with --endpointslice-updates-batch-period B needs --slack of at least B (the
 * reaction slack, 1.2 s, covers the default 0).
 */
export const ENDPOINT_UPDATE_WITHIN_SECONDS = 5;

/** Pod-level fields of a delete: the recorded period, parallel stop, sidecar order, endpoint state. */
function podStopFields(
  scenario: TerminationScenario,
  capabilities: Capabilities,
  options: ModelOptions,
): Fields {
  const { pod } = scenario;
  const fields: Fields = {};
  const apiGrace = apiDeletionGraceSeconds(pod, scenario.delete);
  fields['pod.deletionGracePeriodSeconds'] = {
    expected: { kind: 'equals', value: apiGrace },
    rule: 'termination.grace-from-delete-or-spec',
    because:
      scenario.delete.gracePeriodSeconds !== undefined
        ? `DeleteOptions.gracePeriodSeconds ${scenario.delete.gracePeriodSeconds} overrides the spec`
        : `spec.terminationGracePeriodSeconds ${pod.terminationGracePeriodSeconds ?? 'unset (30)'}`,
  };
  if (pod.containers.length > 1) {
    // kuberuntime_container.go killContainersWithSyncResult: one goroutine per container.
    fields['pod.killStartSpreadSeconds'] = {
      expected: timingWindow(0, 0, slackFor('reaction', options)),
      rule: 'termination.parallel-stop',
      because: `${pod.containers.length} containers start stopping together (preStop or SIGTERM)`,
    };
  }
  const sidecars = sidecarsOf(pod, capabilities);
  if (sidecars.length > 0) {
    // kuberuntime_termination_order.go newTerminationOrdering: sidecars wait for every main container.
    fields['pod.sidecarsStopAfterMains'] = {
      expected: { kind: 'equals', value: true },
      rule: 'termination.sidecars-stop-last',
      because: 'sidecars get SIGTERM only after all main containers exited',
    };
  }
  const mainExits = pod.containers.map((c) =>
    c.behaviour.sigterm.kind === 'exit' && !c.lifecycle.preStop && !c.behaviour.exitAfter
      ? c.behaviour.sigterm.afterSeconds
      : undefined,
  );
  const lastMainExit = Math.max(...mainExits.map((d) => d ?? Number.POSITIVE_INFINITY));
  const grace = kubeletGraceSeconds(pod, apiGrace, capabilities.version);
  if (sidecars.length > 0 && lastMainExit + DECISION_MARGIN_SECONDS < grace.min) {
    // kuberuntime_termination_order.go waitForTurn: the last-declared sidecar is stopped once every
    // main container exited; main containers get SIGTERM together and exit when their trap says.
    fields['pod.firstSidecarSigtermAfterMainSigtermSeconds'] = {
      expected: timingWindow(lastMainExit, lastMainExit, slackFor('runtime', options)),
      rule: 'termination.sidecars-stop-last',
      because: `main containers exit ${lastMainExit} s after their SIGTERM; only then does the last-declared sidecar get SIGTERM`,
    };
  }
  if (sidecars.length > 1) {
    fields['pod.sidecarStopOrder'] = {
      expected: { kind: 'sequence', values: sidecars.map((c) => c.name).reverse() },
      rule: 'termination.sidecars-reverse-order',
      because: 'each sidecar waits for the sidecars declared after it',
    };
  }
  if (scenario.withService && atLeast(capabilities.version, 22)) {
    // staging/src/k8s.io/endpointslice/utils.go: terminating endpoints are kept, not ready (GA 1.26).
    fields['pod.endpointWhileTerminating'] = {
      expected: { kind: 'equals', value: 'ready=false,terminating=true' },
      rule: 'termination.endpoint-terminating',
      because: 'a terminating pod stays in the EndpointSlice with ready false, terminating true (1.22+)',
    };
    // pkg/controller/endpointslice/endpointslice_controller.go updatePod: the pod update that sets the
    // deletionTimestamp queues the Service at once (--endpointslice-updates-batch-period defaults to 0).
    fields['pod.endpointTerminatingAfterDeleteSeconds'] = {
      expected: timingWindow(0, ENDPOINT_UPDATE_WITHIN_SECONDS, slackFor('reaction', options)),
      rule: 'termination.endpoint-terminating-soon',
      because: `the EndpointSlice controller reacts to the deletion at once: the endpoint shows terminating within ${ENDPOINT_UPDATE_WITHIN_SECONDS} s of the delete (control-plane latency), preStop or not`,
    };
  }
  return fields;
}

/** How long the kubelet may take to see a deletion; a probe kill started before that is legitimate. */
export const DELETION_SEEN_WITHIN_SECONDS = 2;

/**
 * pkg/kubelet/prober/worker.go doProbe: once the pod has a deletionTimestamp, liveness and startup
 * workers record Success and stop, so no probe kills a container while the pod terminates.
 */
function probeStopFields(scenario: TerminationScenario): Fields {
  const fields: Record<string, FieldExpectation> = {};
  for (const c of scenario.pod.containers) {
    if (!c.probes.liveness && !c.probes.startup) continue;
    fields[`${c.name}.probeKillsDuringTermination`] = {
      expected: { kind: 'equals', value: 0 },
      rule: 'termination.probes-stop',
      because: `liveness and startup probes stop once the kubelet sees the deletion (within ${DELETION_SEEN_WITHIN_SECONDS} s of the delete)`,
    };
  }
  return fields;
}

/** Expectation of a delete of a running pod: how each container is stopped and what the API shows. */
export function expectTermination(
  scenario: TerminationScenario,
  capabilities: Capabilities,
  options: ModelOptions,
): Expectation {
  const { pod } = scenario;
  const apiGrace = apiDeletionGraceSeconds(pod, scenario.delete);
  const grace = kubeletGraceSeconds(pod, apiGrace, capabilities.version);
  const fields = {
    ...podStopFields(scenario, capabilities, options),
    ...probeStopFields(scenario),
    ...readinessContinuesFields(scenario, capabilities, options),
  };
  for (const container of pod.containers) {
    Object.assign(
      fields,
      containerStopFields(
        container,
        planContainerStop(container, grace, DECISION_MARGIN_SECONDS),
        grace,
        options,
        apiGrace,
      ),
    );
  }
  return { family: 'termination', fields };
}
