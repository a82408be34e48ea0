import type { Capabilities } from './capabilities';
import type { Expectation, FieldExpectation, ModelOptions } from './expectation';
import type { ContainerScenario, HooksScenario } from './scenario';
import { containerStopFields, GRACE_ZERO_PRESTOP_RULE } from './termination';
import { apiDeletionGraceSeconds, kubeletGraceSeconds, planContainerStop } from './termination-plan';
import {
  appsStartSeconds,
  crashBackoffSeconds,
  hookFails,
  hookSeconds,
  RESTART_LATENCY_SECONDS,
  DECISION_MARGIN_SECONDS,
  PLEG_RELIST_SECONDS,
  restartsWithin,
  slackFor,
  specGraceSeconds,
  timingWindow,
} from './timing';

type Fields = Record<string, FieldExpectation>;

/**
 * An httpGet hook with scheme HTTPS goes over TLS without verifying the server's certificate: the kubelet's
 * lifecycle client has InsecureSkipVerify (pkg/kubelet/kubelet.go NewMainKubelet,
 * insecureContainerLifecycleHTTPClient) and the request takes httpGet.scheme (pkg/kubelet/lifecycle/handlers.go
 * runHTTPHandler → pkg/probe/http/request.go NewRequestForHTTPGetAction), since v1.26 (kubernetes PR #86139,
 * ConsistentHTTPGetHandlers; before it every hook went as http://).
 */
const HTTPS_HOOK_RULE = 'hooks.https-unverified';

/** Fields of a container's postStart hook over the observation window. */
function postStartFields(scenario: HooksScenario, c: ContainerScenario, options: ModelOptions): Fields {
  const hook = c.lifecycle.postStart;
  // A program that exits on its own during the window ends the instance the hook belongs to.
  if (!hook || (c.behaviour.exitAfter && c.behaviour.exitAfter.seconds < scenario.observeSeconds)) return {};
  // Running is an API transition (whole seconds) after the hook's start.
  const slack = slackFor('api', options);
  const n = c.name;
  const fields: Fields = {};
  const duration = hookSeconds(hook);
  const fails = hookFails(hook);
  // The window counts from the pod's first start; an app container's hook runs after the init containers.
  const appsStart = appsStartSeconds(scenario.pod);
  if (appsStart === undefined) return fields;
  const seenUntil = scenario.observeSeconds - appsStart;
  if (duration + slack >= seenUntil) return fields;
  const https = hook.kind === 'httpGet' && hook.scheme === 'HTTPS';
  // kuberuntime_container.go startContainer: the hook runs synchronously; failure → FailedPostStartHook.
  fields[`${n}.failedPostStartHook`] = {
    expected: { kind: 'equals', value: fails },
    rule: fails
      ? 'hooks.poststart-failure-kills'
      : https
        ? HTTPS_HOOK_RULE
        : 'hooks.poststart-http-status-ignored',
    because: fails
      ? `postStart exec exits ${hook.kind === 'exec' ? hook.exitCode : 0}: Warning FailedPostStartHook, container killed`
      : https
        ? `postStart HTTPS GET: the handler's self-signed certificate is not verified and status ${hook.status} is not checked: no failure event`
        : `postStart ${hook.kind} returns${hook.kind === 'httpGet' ? ` (status ${hook.status} is not checked)` : ''}: no failure event`,
  };
  if (hook.kind === 'httpGet') {
    fields[`${n}.postStartRequestSeen`] = {
      expected: { kind: 'equals', value: true },
      rule: https ? HTTPS_HOOK_RULE : 'hooks.poststart-http-from-kubelet',
      because: https
        ? 'the kubelet sends the GET over TLS to httpGet.host (the hook handler pod) as the container starts'
        : `the kubelet sends GET ${hook.path} to httpGet.host (the hook handler pod) as the container starts`,
    };
  }
  if (!fails) {
    // kuberuntime_manager.go SyncPod starts the containers one after another and startContainer
    // (kuberuntime_container.go) runs postStart synchronously; the status that reports this one Running
    // is written only after SyncPod returns, so every later container's creation, start and postStart
    // hold it back (a real node: app-0's 3 s hook seen Running after 6.2 s, app-1 without a hook starting
    // after it). Only the last container's instant is predicted; before it, Running after the hook is.
    const index = scenario.pod.containers.indexOf(c);
    const last = index === scenario.pod.containers.length - 1;
    // docs pod-lifecycle: the container is not Running until postStart completes.
    const latest = last ? duration + PLEG_RELIST_SECONDS : seenUntil - slack;
    if (latest + slack <= seenUntil)
      fields[`${n}.runningAfterStartSeconds`] = {
        expected: timingWindow(duration, latest, slack),
        rule: 'hooks.poststart-before-running',
        because: last
          ? `postStart takes ${duration} s; status turns Running only after it returns`
          : `postStart takes ${duration} s; status turns Running only after it returns and the later containers started`,
      };
    fields[`${n}.restartCount`] = {
      expected: { kind: 'range', min: 0, max: 0 },
      rule: 'hooks.poststart-before-running',
      because: 'postStart succeeds: no restart',
    };
    return fields;
  }
  fields[`${n}.postStartKillMessage`] = {
    expected: { kind: 'contains', parts: ['FailedPostStartHook'] },
    rule: 'hooks.poststart-failure-kills',
    because: 'the Killing event after a failed postStart carries the reason FailedPostStartHook',
  };
  const grace = specGraceSeconds(scenario.pod);
  const plan = planContainerStop(c, { min: grace, max: grace }, DECISION_MARGIN_SECONDS);
  const stopMin =
    plan.sigtermAfterKillStart.min + (plan.ending.kind === 'sigkill' ? plan.sigkillAfterSigterm.min : 0);
  const stopMax = plan.sigtermAfterKillStart.max + plan.sigkillAfterSigterm.max;
  // kuberuntime_manager.go computePodActions (ShouldContainerBeRestarted): the killed container restarts
  // unless restartPolicy is Never, or OnFailure and the kill left exit code 0 (a trapped SIGTERM exiting 0).
  const exitsZero = new Set(plan.exitCodes.map((code) => code === 0));
  if (scenario.pod.restartPolicy === 'OnFailure' && exitsZero.size !== 1) return fields;
  const restarts =
    scenario.pod.restartPolicy === 'Always' ||
    (scenario.pod.restartPolicy === 'OnFailure' && !exitsZero.has(true));
  const most = restarts
    ? restartsWithin(scenario.observeSeconds, 0, duration + stopMin, 0, crashBackoffSeconds)
    : 0;
  const least = restarts
    ? restartsWithin(
        scenario.observeSeconds,
        appsStart,
        duration + stopMax + 2 * slack,
        RESTART_LATENCY_SECONDS,
        crashBackoffSeconds,
      )
    : 0;
  fields[`${n}.restartCount`] = {
    expected: { kind: 'range', min: Math.min(least, most), max: most },
    rule: 'hooks.poststart-failure-kills',
    because: restarts
      ? `killed after each failed postStart (stop ${stopMin}–${stopMax} s), restarted with back-off 0, 10, 20… s`
      : `restartPolicy ${scenario.pod.restartPolicy}: killed once${scenario.pod.restartPolicy === 'OnFailure' ? ' with exit code 0' : ''}, not restarted`,
  };
  return fields;
}

/** Expectation of a pod with lifecycle hooks: postStart over the window, preStop on the final delete. */
export function expectHooks(
  scenario: HooksScenario,
  capabilities: Capabilities,
  options: ModelOptions,
): Expectation {
  const { pod } = scenario;
  const fields: Fields = {};
  for (const c of pod.containers) {
    Object.assign(fields, postStartFields(scenario, c, options));
  }
  const deletion = scenario.delete;
  const postStartHealthy = pod.containers.every(
    (c) => !c.lifecycle.postStart || !hookFails(c.lifecycle.postStart),
  );
  if (deletion && postStartHealthy) {
    const apiGrace = apiDeletionGraceSeconds(pod, deletion);
    const grace = kubeletGraceSeconds(pod, apiGrace, capabilities.version);
    for (const c of pod.containers.filter((container) => container.lifecycle.preStop)) {
      Object.assign(
        fields,
        containerStopFields(
          c,
          planContainerStop(c, grace, DECISION_MARGIN_SECONDS),
          grace,
          options,
          apiGrace,
        ),
      );
      const preStop = c.lifecycle.preStop;
      // pkg/kubelet/kuberuntime/kuberuntime_container.go executePreStopHook → lifecycle/handlers.go
      // runHTTPHandler: the GET goes to httpGet.host as the kill starts, whatever the grace period.
      if (preStop?.kind === 'httpGet' && preStop.viaHandlerPod) {
        const https = preStop.scheme === 'HTTPS';
        fields[`${c.name}.preStopRequestSeen`] = {
          expected: { kind: 'equals', value: true },
          rule:
            apiGrace === 0
              ? GRACE_ZERO_PRESTOP_RULE
              : https
                ? HTTPS_HOOK_RULE
                : 'hooks.prestop-http-from-kubelet',
          because: `the kubelet sends the preStop GET${https ? ' over TLS, the certificate unverified,' : ''} to its host (the hook handler pod) when the kill starts`,
        };
      }
    }
  }
  return { family: 'hooks', fields };
}
