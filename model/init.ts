import type { Capabilities } from './capabilities';
import type { Expectation, FieldExpectation, ModelOptions } from './expectation';
import type { ContainerScenario, InitScenario } from './scenario';
import { sidecarsOf } from './termination';
import {
  crashBackoffSeconds,
  hookSeconds,
  PLEG_RELIST_SECONDS,
  RESTART_LATENCY_SECONDS,
  restartsWithin,
  slackFor,
  START_ALLOWANCE_SECONDS,
} from './timing';

type Fields = Record<string, FieldExpectation>;

/** How the init sequence ends: all done, stuck on a container that never exits, or failed at one. */
type InitOutcome =
  | { kind: 'done'; started: string[]; seconds: number }
  | { kind: 'blocked'; started: string[] }
  | { kind: 'failed'; started: string[]; failing: ContainerScenario; exitCode: number; seconds: number };

/**
 * Walks the init containers in order, one at a time: the next starts only after the previous exits 0;
 * a sidecar only has to be running (kuberuntime_manager.go computeInitContainerActions).
 */
function runInits(scenario: InitScenario, capabilities: Capabilities): InitOutcome {
  const sidecars = new Set(sidecarsOf(scenario.pod, capabilities).map((c) => c.name));
  const started: string[] = [];
  let seconds = 0;
  for (const c of scenario.pod.initContainers) {
    started.push(c.name);
    if (sidecars.has(c.name)) continue;
    const exit = c.behaviour.exitAfter;
    if (!exit) return { kind: 'blocked', started };
    seconds += exit.seconds;
    if (exit.exitCode !== 0) return { kind: 'failed', started, failing: c, exitCode: exit.exitCode, seconds };
  }
  return { kind: 'done', started, seconds };
}

/** Expectation of a pod's init phase watched for observeSeconds after creation. */
export function expectInit(
  scenario: InitScenario,
  capabilities: Capabilities,
  options: ModelOptions,
): Expectation {
  const { pod } = scenario;
  // Init outcomes are read from API states and conditions (whole seconds).
  const slack = slackFor('api', options);
  const fields: Fields = {};
  const outcome = runInits(scenario, capabilities);
  const seenUntil = scenario.observeSeconds - START_ALLOWANCE_SECONDS;
  fields['pod.initStartOrder'] = {
    expected: { kind: 'sequence', values: outcome.started },
    rule: 'init.in-order',
    because: `init containers start in spec order until ${outcome.kind === 'done' ? 'all have completed' : outcome.kind === 'failed' ? `${outcome.failing.name} fails` : 'one never exits'}`,
  };
  if (pod.initContainers.length > 1) {
    fields['pod.initOneAtATime'] = {
      expected: { kind: 'equals', value: true },
      rule: 'init.one-at-a-time',
      because: 'each init container starts only after the previous one exited 0',
    };
  }
  // Without init containers there is no init phase: app containers wait with ContainerCreating.
  for (const app of pod.initContainers.length > 0 ? pod.containers : []) {
    // pkg/kubelet/kubelet_pods.go convertToAPIContainerStatuses: app containers wait with PodInitializing.
    fields[`${app.name}.waitingReasonDuringInit`] = {
      expected: { kind: 'equals', value: 'PodInitializing' },
      rule: 'init.apps-wait',
      because: 'app containers are not created before the init containers complete',
    };
  }
  if (outcome.kind === 'done') {
    // App containers are reported Running only once their postStart hooks, run one after another, have
    // returned (kuberuntime_manager.go SyncPod; kuberuntime_container.go startContainer).
    const hooks = pod.containers.reduce(
      (sum, c) => sum + (c.lifecycle.postStart ? hookSeconds(c.lifecycle.postStart) : 0),
      0,
    );
    // Each init container's exit reaches the kubelet at its next PLEG relist, and the next container
    // is then created and started (a real node: an app container not yet running 10–14 s after two 5 s
    // init containers): per init container, one relist and a container start.
    const steps = pod.initContainers.length * (PLEG_RELIST_SECONDS + START_ALLOWANCE_SECONDS);
    if (outcome.seconds + steps + hooks + slack < seenUntil) {
      fields['pod.appsStartAfterInits'] = {
        expected: { kind: 'equals', value: true },
        rule: 'init.apps-wait',
        because: 'app containers start after the last init container exited 0',
      };
      fields['pod.initializedAtEnd'] = {
        expected: { kind: 'equals', value: true },
        rule: 'init.initialized-condition',
        because: `all init containers complete within ${outcome.seconds} s`,
      };
    }
    return { family: 'init', fields };
  }
  fields['pod.initializedAtEnd'] = {
    expected: { kind: 'equals', value: false },
    rule: 'init.initialized-condition',
    because: 'an init container has not completed: Initialized False, ContainersNotInitialized',
  };
  fields['pod.initializedReasonAtEnd'] = {
    expected: { kind: 'equals', value: 'ContainersNotInitialized' },
    rule: 'init.initialized-condition',
    because: 'pkg/kubelet/status/generate.go GeneratePodInitializedCondition',
  };
  if (outcome.kind === 'blocked') {
    fields['pod.phaseAtEnd'] = {
      expected: { kind: 'equals', value: 'Pending' },
      rule: 'init.failure-per-restart-policy',
      because: 'an init container still runs: the pod stays Pending',
    };
    return { family: 'init', fields };
  }
  if (outcome.seconds + slack >= seenUntil) return { family: 'init', fields };
  const failing = outcome.failing.name;
  fields[`${failing}.exitCode`] = {
    expected: { kind: 'equals', value: outcome.exitCode },
    rule: 'init.failure-per-restart-policy',
    because: `${failing} exits ${outcome.exitCode}`,
  };
  const never = pod.restartPolicy === 'Never';
  // kubelet_pods.go getPhase: a failed init container with restartPolicy Never fails the pod; otherwise
  // it is retried with back-off and the pod stays Pending.
  fields['pod.phaseAtEnd'] = {
    expected: { kind: 'equals', value: never ? 'Failed' : 'Pending' },
    rule: 'init.failure-per-restart-policy',
    because: never
      ? 'init failure with restartPolicy Never fails the pod'
      : `restartPolicy ${pod.restartPolicy}: the init container is retried, pod Pending`,
  };
  const before = outcome.seconds - (outcome.failing.behaviour.exitAfter?.seconds ?? 0);
  const cycle = outcome.failing.behaviour.exitAfter?.seconds ?? 0;
  // Each init container before the failing one also cost a PLEG relist and a start (see 'done' above).
  const preceding = outcome.started.length - 1;
  const latestStart =
    before + preceding * (PLEG_RELIST_SECONDS + START_ALLOWANCE_SECONDS) + START_ALLOWANCE_SECONDS;
  const most = never ? 0 : restartsWithin(scenario.observeSeconds, before, cycle, 0, crashBackoffSeconds);
  const least = never
    ? 0
    : restartsWithin(
        scenario.observeSeconds,
        latestStart,
        cycle + slack,
        RESTART_LATENCY_SECONDS,
        crashBackoffSeconds,
      );
  fields[`${failing}.restartCount`] = {
    expected: { kind: 'range', min: Math.min(least, most), max: most },
    rule: 'init.failure-per-restart-policy',
    because: never
      ? 'restartPolicy Never: not retried'
      : `retried with back-off 0, 10, 20… s over ${scenario.observeSeconds} s`,
  };
  Object.assign(fields, failedInitFields(scenario, outcome, { never, latestStart, cycle, slack, seenUntil }));
  return { family: 'init', fields };
}

/**
 * What a failed init container leaves behind (upstream e2e init_container.go "should not start app
 * containers if init containers fail"): the Initialized message names it and every later init container;
 * later init containers and app containers never leave Waiting PodInitializing (kubelet_pods.go
 * convertToAPIContainerStatuses: the default waiting state of a pod with init containers;
 * kuberuntime_container.go findNextInitContainerToRun points computePodActions back at the failed one,
 * never past it — computeInitContainerActions from 1.28); a retried one is in back-off (BackOff event) from
 * its second failure (kuberuntime_manager.go doBackOff: the first restart is immediate, the next waits
 * 10 s), one under restartPolicy Never never does (computePodActions: KillPod, no restart).
 */
function failedInitFields(
  scenario: InitScenario,
  outcome: Extract<InitOutcome, { kind: 'failed' }>,
  timing: { never: boolean; latestStart: number; cycle: number; slack: number; seenUntil: number },
): Fields {
  const { pod } = scenario;
  const fields: Fields = {};
  const index = pod.initContainers.findIndex((c) => c.name === outcome.failing.name);
  const later = pod.initContainers.slice(index + 1);
  const incomplete = [outcome.failing, ...later].map((c) => c.name);
  fields['pod.initializedMessageAtEnd'] = {
    expected: { kind: 'equals', value: `containers with incomplete status: [${incomplete.join(' ')}]` },
    rule: 'init.initialized-condition',
    because: `${incomplete.join(', ')} not completed (GeneratePodInitializedCondition lists them in spec order)`,
  };
  for (const c of later) {
    fields[`${c.name}.statesSeen`] = {
      expected: { kind: 'setEquals', values: ['waiting:PodInitializing'] },
      rule: 'init.later-inits-wait',
      because: `after ${outcome.failing.name}, which failed: never started, Waiting PodInitializing throughout`,
    };
  }
  for (const app of pod.containers) {
    fields[`${app.name}.statesSeen`] = {
      expected: { kind: 'setEquals', values: ['waiting:PodInitializing'] },
      rule: 'init.apps-wait',
      because: `${outcome.failing.name} failed: app containers never start, Waiting PodInitializing throughout`,
    };
  }
  const { never, latestStart, cycle, slack, seenUntil } = timing;
  // The second failure, at the latest: first start, a run, a restart's latency, a second run; the
  // kubelet's next sync meets the back-off and records BackOff. Its status may still show the
  // terminated instance (a v1.26.1 node: Terminated Error through the first 10 s back-off), so the
  // event, not a Waiting CrashLoopBackOff, is what is judged.
  const secondFailureBy = latestStart + 2 * (cycle + slack) + RESTART_LATENCY_SECONDS + PLEG_RELIST_SECONDS;
  if (never || secondFailureBy + slack < seenUntil) {
    fields[`${outcome.failing.name}.backOffEventSeen`] = {
      expected: { kind: 'equals', value: !never },
      rule: 'init.failure-backoff',
      because: never
        ? 'restartPolicy Never: the failed init container is not retried, never in back-off'
        : `retried at once, then in back-off (BackOff event) after its second failure (by ${secondFailureBy.toFixed(1)} s)`,
    };
  }
  return fields;
}
