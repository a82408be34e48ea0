import type { Observation, Observed } from '../../model/observation';
import type { ContainerScenario, ProbesScenario } from '../../model/scenario';
import type { Trace } from '../../model/trace';
import { firstStart } from './container-start';
import { absentEvent, eventsByReason } from './events';
import { apiInterval, intersect, missing, secondsBetween, type Interval } from './intervals';
import { containerStatus, firstTransition, viewAt, type PodView } from './pod-history';
import { toMillis } from './time';
import { watchWindow, withinWindow } from './watch-window';

type Fields = Record<string, Observed>;

function since(start: Interval | undefined, at: Interval | undefined, what: string): Observed {
  if (!start) return missing('container start not seen');
  if (!at) return missing(`${what} not seen`);
  return secondsBetween(start, at);
}

function textOf(message: string | undefined, what: string): Observed {
  return message === undefined ? missing(`${what} not seen`) : { kind: 'text', text: message };
}

/** An event field: its value from the event, else missing, saying so when the pod's event budget ran out. */
function fromEvent(
  trace: Trace,
  podName: string,
  end: number,
  seen: boolean,
  what: string,
  value: Observed,
): Observed {
  return seen ? value : absentEvent(trace, podName, end, what, value);
}

/** Whether a container's restartCount, over every view of the pod, never went down. */
export function restartCountNeverDecreases(history: PodView[], name: string): Observed {
  const counts = history
    .map((view) => containerStatus(view.pod, name)?.restartCount)
    .filter((count): count is number => count !== undefined);
  if (counts.length === 0) return missing('no status of the container seen');
  return { kind: 'value', value: counts.every((count, i) => i === 0 || count >= counts[i - 1]) };
}

/** When the container's first instance finished: its own terminated state, or lastState once restarted once. */
function firstFinish(history: PodView[], name: string): Interval | undefined {
  for (const view of history) {
    const status = containerStatus(view.pod, name);
    const done =
      status?.restartCount === 0
        ? status.state?.terminated
        : status?.restartCount === 1
          ? status.lastState?.terminated
          : undefined;
    const at = toMillis(done?.finishedAt);
    if (at !== undefined) return apiInterval(at, view.t);
  }
  return undefined;
}

/** Status fields of one container at the end of the observation window. */
export function statusAtEnd(history: PodView[], end: number, name: string, fields: Fields): void {
  const status = viewAt(history, end) && containerStatus((viewAt(history, end) as PodView).pod, name);
  fields[`${name}.restartCount`] = status
    ? { kind: 'value', value: status.restartCount }
    : missing('no status at the end of the window');
  fields[`${name}.readyAtEnd`] = status
    ? { kind: 'value', value: status.ready }
    : missing('no status at the end of the window');
}

function containerFields(
  trace: Trace,
  history: PodView[],
  scenario: ProbesScenario,
  c: ContainerScenario,
  end: number,
): Fields {
  const n = c.name;
  const fields: Fields = {};
  const start = firstStart(trace, history, scenario.pod.name, c);
  const status = (pod: PodView['pod']) => containerStatus(pod, n);
  let started = firstTransition(history, (pod) => status(pod)?.started === true);
  // The started flag has no condition of its own: the last failed startup probe bounds it from below.
  const lastStartupFailure = eventsByReason(trace, 'Unhealthy', n)
    .filter(
      (seen) => seen.event.message?.startsWith('Startup probe failed') && (!started || seen.t <= started.hi),
    )
    .pop();
  if (started && lastStartupFailure)
    started = intersect(started, { lo: lastStartupFailure.at.lo, hi: Infinity }) ?? started;
  fields[`${n}.startedAfterStartSeconds`] = since(start, started, 'started flag');
  const ready = firstTransition(history, (pod) => status(pod)?.ready === true, 'ContainersReady', 'True');
  fields[`${n}.readyAfterStartSeconds`] = since(start, ready, 'Ready');
  // From the started flag to Ready: the readiness run a startup success triggers.
  // From the first status showing the started flag to the first showing Ready, as the watch delivered them: the
  // flag has no timestamp of its own, and the readiness run a startup success triggers lands in the next write.
  const startedSeen = history.find((view) => status(view.pod)?.started === true)?.t;
  const readySeen = history.find((view) => status(view.pod)?.ready === true)?.t;
  fields[`${n}.readyAfterStartedSeconds`] =
    startedSeen === undefined
      ? missing('started flag not seen')
      : readySeen === undefined
        ? missing('Ready not seen')
        : { kind: 'instant', lo: (readySeen - startedSeen) / 1000, hi: (readySeen - startedSeen) / 1000 };
  const unready = ready
    ? firstTransition(history, (pod) => status(pod)?.ready === false, 'ContainersReady', 'False', ready.hi)
    : undefined;
  fields[`${n}.unreadyAfterStartSeconds`] = since(start, unready, 'not Ready again');
  statusAtEnd(history, end, n, fields);
  // Nothing deletes a probes pod, so its container's first Killing is the probe's: "Container X failed
  // <probe> probe[, will be restarted]", or "Stopping container X" when a Never pod is killed whole.
  const kill = eventsByReason(trace, 'Killing', n)[0];
  const pod = scenario.pod.name;
  fields[`${n}.firstKillAfterStartSeconds`] = fromEvent(
    trace,
    pod,
    end,
    kill !== undefined,
    'probe Killing event',
    since(start, kill?.at, 'probe Killing event'),
  );
  // The kill's stop: from the Killing event to the first instance's finish (both one-second API timestamps).
  const finished = firstFinish(history, n);
  fields[`${n}.probeKillStopSeconds`] = fromEvent(
    trace,
    pod,
    end,
    kill !== undefined,
    'probe Killing event',
    kill && finished ? secondsBetween(kill.at, finished) : missing('first instance never seen finished'),
  );
  fields[`${n}.killMessage`] = fromEvent(
    trace,
    pod,
    end,
    kill !== undefined,
    'probe Killing event',
    textOf(kill?.event.message, 'probe Killing event'),
  );
  // The last ProbeWarning (prober.go runProbe: a redirect the prober did not follow, among others).
  const warning = eventsByReason(trace, 'ProbeWarning', n).pop();
  fields[`${n}.probeWarningMessage`] = fromEvent(
    trace,
    pod,
    end,
    warning !== undefined,
    'ProbeWarning event',
    textOf(warning?.event.message, 'ProbeWarning event'),
  );
  // The last readiness failure: the first attempts can come before the container's own server listens
  // ("connect: connection refused", seen on a real node), later ones carry the handler's answer.
  const unhealthy = eventsByReason(trace, 'Unhealthy', n)
    .filter((seen) => seen.event.message?.startsWith('Readiness probe failed'))
    .pop();
  fields[`${n}.readinessFailureMessage`] = fromEvent(
    trace,
    pod,
    end,
    unhealthy !== undefined,
    'readiness Unhealthy event',
    textOf(unhealthy?.event.message, 'readiness Unhealthy event'),
  );
  return fields;
}

/** Reduces a probes case: the pod watched for observeSeconds after creation (later when it started late). */
export function observeProbes(trace: Trace, scenario: ProbesScenario): Observation {
  const podName = scenario.pod.name;
  const { history, timeline, window, cutShort } = watchWindow(trace, podName, scenario.observeSeconds);
  if (!window) return { fields: {}, timeline, anchors: {} };
  const { created, end } = window;
  const fields: Fields = {};
  for (const c of scenario.pod.containers) {
    Object.assign(fields, containerFields(trace, history, scenario, c, end));
    fields[`${c.name}.restartCountNeverDecreases`] = restartCountNeverDecreases(history, c.name);
  }
  return withinWindow({ fields, timeline, anchors: { created, end } }, cutShort);
}
