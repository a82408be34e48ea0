import type { Capabilities } from './capabilities';
import type { FieldExpectation, ModelOptions } from './expectation';
import {
  attemptSeconds,
  execTimeoutEnforced,
  flipWindow,
  probeSuccessSpans,
  type FlipWindow,
} from './probes-signal';
import type { ContainerScenario, ProbeSpec, TerminationScenario } from './scenario';
import { apiDeletionGraceSeconds, kubeletGraceSeconds, planContainerStop } from './termination-plan';
import { DECISION_MARGIN_SECONDS, slackFor, timingWindow } from './timing';

type Fields = Record<string, FieldExpectation>;

/** No startup probe: readiness is probed from the container's start (worker.go gates it on started). */
const AT_ONCE: FlipWindow = { earliest: 0, latest: 0 };

/** When the container surely is Ready and then surely turns unready, in container seconds; else undefined. */
function unreadyWindow(
  c: ContainerScenario,
  probe: ProbeSpec,
  capabilities: Capabilities,
): FlipWindow | undefined {
  const execTimeouts = execTimeoutEnforced(capabilities.version);
  const spans = probeSuccessSpans('readiness', probe, c.behaviour, execTimeouts);
  // One span of successes: the signal turns on once and off once (an httpGet probe whose off-status
  // succeeds gives two, and Ready could come back).
  if (spans.length !== 1 || spans[0].to === Infinity) return undefined;
  const [span] = spans;
  // The span must surely hold successThreshold probes (as model/probes.ts spanReaches 'always').
  const shortest = span.to - Math.max(span.from, probe.initialDelaySeconds);
  if (shortest < probe.successThreshold * probe.periodSeconds) return undefined;
  const attempt = attemptSeconds(probe, execTimeouts);
  const ready = flipWindow(span.from, probe, probe.successThreshold, AT_ONCE, attempt);
  return flipWindow(span.to, probe, probe.failureThreshold, ready, attempt);
}

/**
 * pkg/kubelet/prober/worker.go doProbe stops only liveness and startup workers once the pod has a
 * deletionTimestamp; the readiness worker keeps probing while the container runs and
 * pkg/kubelet/prober/prober_manager.go UpdatePodStatus derives the container's ready (and so the pod's
 * Ready condition) from its result. A container that ignores SIGTERM and whose readiness signal turns off
 * therefore turns not ready failureThreshold probes after the signal, before its SIGKILL.
 * Upstream e2e: test/e2e/common/node/container_probe.go "should mark readiness on pods to false while
 * pod is in progress of terminating when a pod has a readiness probe".
 */
export function readinessContinuesFields(
  scenario: TerminationScenario,
  capabilities: Capabilities,
  options: ModelOptions,
): Fields {
  // Start to an API condition transition (whole seconds).
  const slack = slackFor('api', options);
  const { pod } = scenario;
  const grace = kubeletGraceSeconds(pod, apiDeletionGraceSeconds(pod, scenario.delete), capabilities.version);
  const fields: Fields = {};
  for (const c of pod.containers) {
    const probe = c.probes.readiness;
    // Startup gating and a program that ends on its own would make the flip, or the stop, uncertain.
    if (!probe || c.probes.startup || c.behaviour.exitAfter || c.behaviour.sigterm.kind !== 'ignore')
      continue;
    const unready = unreadyWindow(c, probe, capabilities);
    if (!unready) continue;
    const plan = planContainerStop(c, grace, DECISION_MARGIN_SECONDS);
    // Container time of the SIGKILL, at the earliest: the delete comes afterRunningSeconds after Running
    // (so after the container's start), the kill starts after the delete, SIGKILL after preStop and grace.
    const stopEarliest =
      scenario.delete.afterRunningSeconds + plan.sigtermAfterKillStart.min + plan.sigkillAfterSigterm.min;
    if (unready.latest + slack >= stopEarliest - slack) continue;
    const signalOff = c.behaviour.unreadyAfterSeconds;
    fields[`${c.name}.unreadyDuringTerminationAfterStartSeconds`] = {
      expected: timingWindow(unready.earliest, unready.latest, slack),
      rule: 'termination.readiness-continues',
      because: `readiness keeps probing while the pod terminates: signal off at ${signalOff} s, period ${probe.periodSeconds} s, failureThreshold ${probe.failureThreshold}: not ready ${unready.earliest}–${unready.latest} s after the start`,
    };
    fields[`${c.name}.notReadyWhileRunningAfterDelete`] = {
      expected: { kind: 'equals', value: true },
      rule: 'termination.readiness-continues',
      because: `not ready by ${unready.latest} s, SIGKILL (SIGTERM ignored) not before ${stopEarliest} s after the start: the pod shows Ready False while the container runs`,
    };
  }
  return fields;
}
