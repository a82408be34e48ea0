import type { V1LimitRange } from '@kubernetes/client-node';
import { defaultCapabilities, LATEST_VERSION, type Capabilities } from '../model/capabilities';
import type { Expectation } from '../model/expectation';
import { readyOutlook } from '../model/probes';
import type { DeleteAction, HookHandler, PodScenario, QuotaScenario, Scenario } from '../model/scenario';
import type { V1PriorityClass } from '@kubernetes/client-node';
import { quantityFor, type CaseManifests } from '../generators/manifests';
import { priorityClassManifest } from '../generators/manifests/priority-class';
import { resourceList } from '../generators/manifests/quantities';
import {
  LIMITRANGE_STATE_LABEL,
  caseLabelSelector,
  limitRangePatch,
} from '../generators/manifests/limitrange-lifecycle';
import type { LimitRangeLifecycle } from '../model/scenario/families';
import { isHookHandler } from '../generators/manifests/hook-handler-pod';
import { ROOT_CA_CONFIGMAP } from '../model/quota-objects';
import { countKeyOf, definedType } from '../generators/manifests/custom-resource';
import type { NetpolChange } from '../generators/manifests/networkpolicy';
import type { CountedResource, ManagedObject } from './cluster-port';

/** A pod the plan names: in the case's namespace unless another one is given (NetworkPolicy topology). */
export interface PodRef {
  pod: string;
  namespace?: string;
}

/** Conditions a wait can hold out for; each is decided from the recorded watch state or an API read. */
export type WaitCondition =
  /** Phase Running with every container started once, or already terminal (so a failing pod does not time out). */
  | { kind: 'podRunning'; target: PodRef }
  /** Some container has started at least once, or the pod is terminal or unschedulable. */
  | { kind: 'podStarted'; target: PodRef }
  /** Condition Ready True. */
  | { kind: 'podReady'; target: PodRef }
  /** The scheduler decided: PodScheduled True, or False with reason Unschedulable. */
  | { kind: 'podScheduleDecided'; target: PodRef }
  /** The kubelet is done with a deleted pod: gone, or its grace over and every container terminated. */
  | { kind: 'podStopped'; target: PodRef }
  | { kind: 'podGone'; target: PodRef }
  /** Every listed pod Running with an IP. */
  | { kind: 'podsRunning'; targets: PodRef[] }
  /**
   * The quota controller has filled status.hard (admission ignores a quota until then), and status.used
   * has the `counting` keys (admission rejects a create charging a key without usage).
   */
  | { kind: 'quotaInitialised'; quota: string; counting?: string[] }
  /** The CustomResourceDefinition is Established: its resource is served. */
  | { kind: 'crdEstablished'; name: string }
  /** status.used agrees with the pods and other objects that exist for the object counts the quota tracks. */
  | { kind: 'quotaSettled'; quota: string }
  /** status.hard equals spec.hard: the quota controller has synced a changed spec (or overwritten a patched status). */
  | { kind: 'quotaHardSynced'; quota: string }
  /**
   * The object is listed in the namespace (present: the root CA ConfigMap another controller publishes)
   * or no longer is (a deleted claim its protection finalizer kept a moment).
   */
  | { kind: 'objectListed'; objectKind: CountedResource; name: string; present: boolean };

export type PlanStep =
  | { kind: 'create'; object: ManagedObject }
  | {
      kind: 'wait';
      condition: WaitCondition;
      deadlineSeconds: number;
      /** A timeout is an outcome the model allows for (e.g. "Ready, or the observe limit"), not a failure to observe. */
      timeoutIsOutcome?: boolean;
    }
  /**
   * Lets time pass for a window the model needs, counted from now or from a pod's creation; `podStarted`:
   * from its creation, later by as much as its first container started late (a busy node delays the
   * window, harness/observe/watch-window.ts windowEnd), for at most POD_START_SECONDS.
   */
  | { kind: 'observe'; seconds: number; from: 'now' | 'podCreated' | 'podStarted'; why: string }
  | { kind: 'deletePod'; target: PodRef; gracePeriodSeconds?: number }
  /** Replaces the pod as read with the first app container's requests set to these (quantities). */
  | { kind: 'updatePodRequests'; target: PodRef; requests: Record<string, string> }
  | { kind: 'snapshotPod'; target: PodRef }
  | { kind: 'snapshotQuota'; quota: string }
  | { kind: 'deleteObject'; objectKind: CountedResource; name: string }
  /**
   * Holds until the quota controller counts `key` (a custom resource's count): a probe quota on the key,
   * raised until its status.used has it, then deleted (harness/waits-quota.ts quotaDiscovery).
   */
  | { kind: 'awaitQuotaDiscovery'; key: string; deadlineSeconds: number }
  /** Changes the quota itself: PUT spec.hard, merge-patch spec.hard and a label, or patch status.hard. */
  | {
      kind: 'changeQuota';
      quota: string;
      change: 'update' | 'patch' | 'patchStatus' | 'updateStatus';
      hard: Record<string, string>;
    }
  /** Deletes the namespace's quotas with the case's label (DELETE on the collection). */
  | { kind: 'deleteQuotaCollection'; quota: string }
  /** Lists quotas in every namespace by the case's label. */
  | { kind: 'listQuotas' }
  /** Creates a cluster-wide PriorityClass of the case (its deletion registered with the cleanup first). */
  | { kind: 'createPriorityClass'; object: V1PriorityClass }
  /** Advertises an extended resource on one node (restored by cleanup). */
  | { kind: 'patchNodeCapacity'; resource: string; count: number }
  /**
   * Probes the NetworkPolicy reachability matrix from every topology pod: every cell (the SCTP ones
   * when `sctp`: the pods serve SCTP), or (`update`) the cells of networkpolicy/updated-reachability
   * (model/networkpolicy/expect-updated.ts UPDATE_CELLS).
   */
  | { kind: 'probeReachability'; cells?: 'update'; sctp?: boolean }
  /** Makes the scenario's NetworkPolicy mutation: a policy replaced or deleted, labels added. */
  | { kind: 'changeNetpol'; change: NetpolChange }
  /** Reads the API server audit log until the pod's create is in it (Pod Security audit mode). */
  | { kind: 'readAuditEvents'; target: PodRef }
  /** Lists LimitRanges by label, in the case's namespace or in all (its result goes into the trace as `what`). */
  | { kind: 'listLimitRanges'; what: string; labelSelector: string; inCaseNamespace: boolean }
  /** A strategic merge patch of a LimitRange in the case's namespace. */
  | { kind: 'patchLimitRange'; name: string; patch: V1LimitRange }
  /** Deletes the case namespace's LimitRanges matching the selector, as a collection. */
  | { kind: 'deleteLimitRangeCollection'; labelSelector: string };

/**
 * A pod with its image present starts within seconds; a minute covers a busy node or a slow pull of
 * the small busybox image (upstream e2e uses framework.PodStartTimeout of 5 min for cold pulls).
 */
export const POD_START_SECONDS = 60;
/** The scheduler decides within seconds; a FailedScheduling needs one scheduling cycle. */
export const SCHEDULE_DECISION_SECONDS = 30;
/**
 * Between a LimitRange's change and the next pod: the LimitRanger reads LimitRanges from an informer
 * (plugin/pkg/admission/limitranger/admission.go GetLimitRanges); upstream's e2e polls every 1–5 s.
 */
const LIMITRANGER_SETTLE_SECONDS = 2;
/**
 * Between the NetworkPolicies' creation and the first probe: the enforcer programs them from a watch,
 * and a probe before that sees the old state. Live (kube-router v1.2.2 on the v1.26.1 node, 4 cases at
 * once) the canary saw a deny-all take 1.2–2.3 s, and a cell probed within the first second of a case
 * connected through a fresh ingress isolation. Upstream's e2e absorbs the same lag with a second probe
 * of the whole matrix (test/e2e/network/netpol/test_helper.go ValidateOrFail).
 */
export const NETPOL_ENFORCEMENT_SETTLE_SECONDS = 3;
/** The quota controller's first sync of a new quota (a full resync is 5 min, but a new quota is queued at once). */
export const QUOTA_SYNC_SECONDS = 60;
/** A CRD is Established within a second or two (apiextensions-apiserver's naming and establishing controllers). */
const CRD_ESTABLISHED_SECONDS = 30;
/**
 * The quota controller's discovery finds a new resource within its 30 s period, then waits for the new
 * informer's sync; upstream's e2e allows a minute (resourceQuotaTimeout), this a busy node's half more.
 */
const QUOTA_DISCOVERY_SECONDS = 90;
/** Kubelet reaction to a delete (about 1 s in the recordings) plus status propagation. */
export const REACTION_SECONDS = 5;
/** The kubelet's one-off extension after an overrunning preStop (kuberuntime_manager.go minimumGracePeriodInSeconds). */
const MINIMUM_GRACE_AFTER_PRESTOP = 2;
/** pkg/apis/core/v1/defaults.go: DefaultTerminationGracePeriodSeconds. */
const DEFAULT_GRACE_SECONDS = 30;

/** The latest instant any timing window of the expectation allows, slack included (0 without windows). */
export function latestWindowEnd(expectation: Expectation): number {
  let latest = 0;
  for (const field of Object.values(expectation.fields)) {
    if (field.expected.kind === 'window')
      latest = Math.max(latest, field.expected.latest + field.expected.slack);
  }
  return latest;
}

function hookSeconds(handler: HookHandler | undefined): number {
  if (!handler) return 0;
  return handler.kind === 'sleep' ? handler.seconds : handler.durationSeconds;
}

/** Time for the pod to start everything: init containers in turn, then each container's delay and postStart. */
function startSeconds(pod: PodScenario): number {
  const init = pod.initContainers.reduce(
    (sum, c) =>
      sum +
      c.behaviour.startDelaySeconds +
      (c.behaviour.exitAfter?.seconds ?? 0) +
      hookSeconds(c.lifecycle.postStart),
    0,
  );
  const main = Math.max(
    0,
    ...pod.containers.map((c) => c.behaviour.startDelaySeconds + hookSeconds(c.lifecycle.postStart)),
  );
  return POD_START_SECONDS + init + main;
}

/**
 * How much later than the model's latest instant a wait still holds out: a non-conforming cluster is
 * late (a 1.26 kubelet stops a pod deleted with grace 0 after the spec's period plus the preStop time,
 * kubernetes#115817), and a late answer must be seen and judged, not given up on.
 */
export const LATE_FACTOR = 2;

/**
 * How long to wait for Ready, or undefined when the model says the pod never becomes Ready (gRPC
 * readiness with nothing serving, no readiness signal, a window shorter than successThreshold probes):
 * the model's latest Ready instant (model/probes.ts readyOutlook), LATE_FACTOR times, plus a probe period.
 */
function readySeconds(pod: PodScenario, capabilities: Capabilities): number | undefined {
  let latest = 0;
  let period = 0;
  for (const c of pod.containers) {
    const probe = c.probes.readiness;
    const outlook = readyOutlook(pod, c, capabilities);
    if (outlook.kind === 'never') return undefined;
    if (!probe) continue;
    period = Math.max(period, probe.periodSeconds);
    // Undecided by the model (a window that may or may not hold enough probes): as long as the window lasts.
    const ready =
      outlook.kind === 'at'
        ? outlook.window.latest
        : (c.behaviour.readyAfterSeconds ?? 0) +
          probe.initialDelaySeconds +
          probe.periodSeconds * (probe.successThreshold + 1);
    latest = Math.max(latest, c.behaviour.startDelaySeconds + ready);
  }
  return period === 0 ? undefined : LATE_FACTOR * latest + period + REACTION_SECONDS;
}

/** The longest preStop hook of the pod's containers (a 1.26 kubelet adds it to the grace, kubernetes#115817). */
function preStopSeconds(pod: PodScenario): number {
  return Math.max(
    0,
    ...[...pod.initContainers, ...pod.containers].map((c) => hookSeconds(c.lifecycle.preStop)),
  );
}

/**
 * How long a deleted pod may take to stop on a cluster that is late: LATE_FACTOR times the model's
 * latest instant (its latest window, or preStop + G + the kubelet's one-off 2 s extension, twice with
 * sidecars), plus the spec's period (a kubelet may use it instead of the delete's) and reaction time.
 */
function stopSeconds(pod: PodScenario, action: DeleteAction | undefined, expectation: Expectation): number {
  const spec = pod.terminationGracePeriodSeconds ?? DEFAULT_GRACE_SECONDS;
  const grace = action?.gracePeriodSeconds ?? spec;
  const bound = preStopSeconds(pod) + grace + MINIMUM_GRACE_AFTER_PRESTOP;
  // Sidecars stop after the main containers, each with what is left of the period: at most twice.
  const sidecars = pod.initContainers.some((c) => c.restartPolicy === 'Always') ? bound : 0;
  const latest = Math.max(bound + sidecars, latestWindowEnd(expectation));
  return LATE_FACTOR * latest + spec + REACTION_SECONDS;
}

function podNamed(manifests: CaseManifests, name: string): PodRef {
  const object = manifests.objects.find((o) => o.kind === 'Pod' && o.metadata?.name === name);
  return { pod: name, namespace: object?.metadata?.namespace };
}

/** The hook handler pod serves from its first request: it is Ready before the pod under test exists. */
function hookHandlerSteps(object: ManagedObject): PlanStep[] {
  const target = { pod: object.metadata?.name ?? '', namespace: object.metadata?.namespace };
  return [
    { kind: 'create', object },
    { kind: 'wait', condition: { kind: 'podReady', target }, deadlineSeconds: POD_START_SECONDS },
  ];
}

function createAll(manifests: CaseManifests, kinds: ManagedObject['kind'][]): PlanStep[] {
  return manifests.objects
    .filter((o) => kinds.includes(o.kind))
    .flatMap((object): PlanStep[] =>
      isHookHandler(object) ? hookHandlerSteps(object) : [{ kind: 'create', object }],
    );
}

function deleteAndStop(
  pod: PodScenario,
  target: PodRef,
  action: DeleteAction,
  expectation: Expectation,
): PlanStep[] {
  return [
    { kind: 'deletePod', target, gracePeriodSeconds: action.gracePeriodSeconds },
    {
      kind: 'wait',
      condition: { kind: 'podStopped', target },
      deadlineSeconds: stopSeconds(pod, action, expectation),
      // Still terminating then: the stop instants not seen are lower bounds, judged from the record.
      timeoutIsOutcome: true,
    },
  ];
}

/** Runs the pod, lets the model's window pass (from creation or the start), optionally deletes it, and reads its final state. */
function observedPodPlan(
  manifests: CaseManifests,
  pod: PodScenario,
  observeSeconds: number,
  action: DeleteAction | undefined,
  expectation: Expectation,
  started: 'podStarted' | 'podScheduleDecided',
): PlanStep[] {
  const target = podNamed(manifests, pod.name);
  const steps: PlanStep[] = [
    ...createAll(manifests, ['ResourceQuota', 'LimitRange', 'Service', 'Pod']),
    {
      kind: 'wait',
      condition: { kind: started, target },
      deadlineSeconds: started === 'podStarted' ? startSeconds(pod) : SCHEDULE_DECISION_SECONDS,
    },
    {
      kind: 'observe',
      seconds: observeSeconds,
      // An unschedulable pod is an outcome the resources model judges; the others' pods all start.
      from: started === 'podStarted' ? 'podStarted' : 'podCreated',
      why: 'the window the scenario observes',
    },
  ];
  if (action) steps.push(...deleteAndStop(pod, target, action, expectation));
  steps.push({ kind: 'snapshotPod', target });
  return steps;
}

function terminationPlan(
  manifests: CaseManifests,
  pod: PodScenario,
  action: DeleteAction,
  expectation: Expectation,
  capabilities: Capabilities,
): PlanStep[] {
  const target = podNamed(manifests, pod.name);
  const steps: PlanStep[] = [
    ...createAll(manifests, ['Service', 'Pod']),
    { kind: 'wait', condition: { kind: 'podRunning', target }, deadlineSeconds: startSeconds(pod) },
  ];
  const ready = readySeconds(pod, capabilities);
  if (ready !== undefined) {
    // DeleteAction: with readiness, the delay counts from Ready or from the observe limit.
    steps.push({
      kind: 'wait',
      condition: { kind: 'podReady', target },
      deadlineSeconds: ready,
      timeoutIsOutcome: true,
    });
  }
  steps.push(
    { kind: 'observe', seconds: action.afterRunningSeconds, from: 'now', why: 'delay before the delete' },
    ...deleteAndStop(pod, target, action, expectation),
    { kind: 'snapshotPod', target },
  );
  return steps;
}

function quantities(hard: Record<string, number>): Record<string, string> {
  return Object.fromEntries(Object.entries(hard).map(([key, value]) => [key, quantityFor(key, value)]));
}

/** The PriorityClasses the pods and the quota's selector name, created before anything uses them. */
function priorityClasses(manifests: CaseManifests, scenario: QuotaScenario): PlanStep[] {
  const quota = manifests.objects.find((o) => o.kind === 'ResourceQuota');
  const namespace = quota?.metadata?.namespace ?? '';
  const shorts = new Set(scenario.quota.priorityClassSelector?.values ?? []);
  for (const step of scenario.steps)
    if (step.kind === 'create' && step.pod.priorityClass) shorts.add(step.pod.priorityClass);
  return [...shorts].sort().map((short) => ({
    kind: 'createPriorityClass',
    object: priorityClassManifest(namespace, short, quota?.metadata?.labels ?? {}),
  }));
}

/**
 * The case's CustomResourceDefinition, if it has one: created (its deletion registered first), Established,
 * and its resource counted by the quota controller before the quota is created, so the quota's first
 * sync counts it and admission can charge it; `key` is its count as the cluster names it.
 */
function customResourceSetup(manifests: CaseManifests): { steps: PlanStep[]; key?: string } {
  const crd = manifests.objects.find((o) => o.kind === 'CustomResourceDefinition');
  if (crd?.kind !== 'CustomResourceDefinition') return { steps: [] };
  const key = countKeyOf(definedType(crd));
  return {
    key,
    steps: [
      { kind: 'create', object: crd },
      {
        kind: 'wait',
        condition: { kind: 'crdEstablished', name: crd.metadata?.name ?? '' },
        deadlineSeconds: CRD_ESTABLISHED_SECONDS,
      },
      { kind: 'awaitQuotaDiscovery', key, deadlineSeconds: QUOTA_DISCOVERY_SECONDS },
    ],
  };
}

function quotaPlan(manifests: CaseManifests, scenario: QuotaScenario): PlanStep[] {
  const quota = scenario.quota.name;
  // The quota's first count of configmaps includes the root CA ConfigMap: wait until it is published.
  const tracksConfigMaps = ['configmaps', 'count/configmaps'].some((key) => key in scenario.quota.hard);
  const rootCa: PlanStep[] = tracksConfigMaps
    ? [
        {
          kind: 'wait',
          condition: {
            kind: 'objectListed',
            objectKind: 'ConfigMap',
            name: ROOT_CA_CONFIGMAP,
            present: true,
          },
          deadlineSeconds: QUOTA_SYNC_SECONDS,
        },
      ]
    : [];
  const custom = customResourceSetup(manifests);
  const steps: PlanStep[] = [
    ...rootCa,
    ...priorityClasses(manifests, scenario),
    ...custom.steps,
    ...createAll(manifests, ['ResourceQuota']),
    {
      kind: 'wait',
      condition: { kind: 'quotaInitialised', quota, ...(custom.key ? { counting: [custom.key] } : {}) },
      deadlineSeconds: QUOTA_SYNC_SECONDS,
    },
    { kind: 'snapshotQuota', quota },
  ];
  const pods = manifests.objects.filter((o) => o.kind === 'Pod');
  let quotaGone = false;
  const changesQuota = scenario.steps.some(
    (s) => s.kind === 'updateQuota' || s.kind === 'patchQuota' || s.kind === 'patchQuotaStatus',
  );
  for (const step of scenario.steps) {
    // An object's delete is released by the quota controller alone: a controller that never releases
    // leaves the wait to time out, and the stale usage it snapshots then is the observation.
    let settledIsOutcome = false;
    if (step.kind === 'updateQuota' || step.kind === 'patchQuota' || step.kind === 'patchQuotaStatus') {
      const change =
        step.kind === 'updateQuota'
          ? 'update'
          : step.kind === 'patchQuota'
            ? 'patch'
            : step.viaUpdate
              ? 'updateStatus'
              : 'patchStatus';
      steps.push({ kind: 'changeQuota', quota, change, hard: quantities(step.hard) });
      // A client's status.hard stands until the controller's next sync: nothing to wait for.
      if (step.kind === 'patchQuotaStatus') {
        steps.push({ kind: 'snapshotQuota', quota });
        continue;
      }
    } else if (step.kind === 'listQuotas') {
      steps.push({ kind: 'listQuotas' }, { kind: 'snapshotQuota', quota });
      continue;
    } else if (step.kind === 'deleteQuota') {
      steps.push(
        step.byCollection
          ? { kind: 'deleteQuotaCollection', quota }
          : { kind: 'deleteObject', objectKind: 'ResourceQuota', name: quota },
        {
          kind: 'wait',
          condition: { kind: 'objectListed', objectKind: 'ResourceQuota', name: quota, present: false },
          deadlineSeconds: REACTION_SECONDS * 6,
        },
      );
      quotaGone = true;
      continue;
    } else if (step.kind === 'create') {
      const object = pods.find((p) => p.metadata?.name === step.pod.name);
      if (object) steps.push({ kind: 'create', object });
    } else if (step.kind === 'createObject') {
      const { kind, name } = step.object;
      const object = manifests.objects.find((o) => o.kind === kind && o.metadata?.name === name);
      if (object) steps.push({ kind: 'create', object });
    } else if (step.kind === 'deleteObject') {
      const { objectKind, name } = step;
      // Both the object count and the listing still show an object its finalizers hold: wait until it is gone.
      steps.push(
        { kind: 'deleteObject', objectKind, name },
        {
          kind: 'wait',
          condition: { kind: 'objectListed', objectKind, name, present: false },
          deadlineSeconds: REACTION_SECONDS * 6,
        },
      );
      settledIsOutcome = true;
    } else if (step.kind === 'updatePod') {
      steps.push({
        kind: 'updatePodRequests',
        target: podNamed(manifests, step.podName),
        requests: resourceList(step.requests) ?? {},
      });
    } else if (step.kind === 'delete') {
      const target = podNamed(manifests, step.podName);
      // Quota usage is about admission, not termination: the pod goes at once.
      steps.push(
        { kind: 'deletePod', target, gracePeriodSeconds: 0 },
        { kind: 'wait', condition: { kind: 'podGone', target }, deadlineSeconds: REACTION_SECONDS * 6 },
      );
    }
    // Without the quota there is nothing to settle (the creates' results are the observation).
    if (quotaGone) continue;
    steps.push(
      {
        kind: 'wait',
        condition: { kind: 'quotaSettled', quota },
        deadlineSeconds: QUOTA_SYNC_SECONDS,
        ...(settledIsOutcome ? { timeoutIsOutcome: true } : {}),
      },
      // A controller that never syncs spec.hard into status.hard is seen in the snapshot after this.
      ...(changesQuota
        ? [
            {
              kind: 'wait',
              condition: { kind: 'quotaHardSynced', quota },
              deadlineSeconds: QUOTA_SYNC_SECONDS,
              timeoutIsOutcome: true,
            } as const,
          ]
        : []),
      { kind: 'snapshotQuota', quota },
    );
  }
  return steps;
}

/**
 * Upstream's e2e "should list, patch and delete a LimitRange by collection" (test/e2e/scheduling/
 * limit_range.go) with a pod admitted after each step: create (and the copy), list across namespaces
 * by the case's labels, pod; patch, pod; delete by collection, list what is left, pod.
 */
function limitRangeLifecyclePlan(manifests: CaseManifests, lifecycle: LimitRangeLifecycle): PlanStep[] {
  const ranges = manifests.objects.filter((o) => o.kind === 'LimitRange');
  const [created] = ranges;
  const [afterCreate, afterPatch, afterDelete] = manifests.objects.filter((o) => o.kind === 'Pod');
  const labels = { ...(created?.metadata?.labels ?? {}) };
  delete labels[LIMITRANGE_STATE_LABEL];
  const namespace = created?.metadata?.namespace ?? '';
  const caseSelector = caseLabelSelector({ image: '', namespace, labels });
  const patched = `${LIMITRANGE_STATE_LABEL}=patched`;
  const settle: PlanStep = {
    kind: 'observe',
    seconds: LIMITRANGER_SETTLE_SECONDS,
    from: 'now',
    why: "the LimitRanger's informer sees the change",
  };
  return [
    ...ranges.map((object): PlanStep => ({ kind: 'create', object })),
    { kind: 'listLimitRanges', what: 'created', labelSelector: caseSelector, inCaseNamespace: false },
    { kind: 'create', object: afterCreate },
    {
      kind: 'patchLimitRange',
      name: created?.metadata?.name ?? '',
      patch: limitRangePatch(lifecycle, { image: '', namespace, labels }),
    },
    settle,
    { kind: 'create', object: afterPatch },
    { kind: 'deleteLimitRangeCollection', labelSelector: patched },
    { kind: 'listLimitRanges', what: 'patchedLeft', labelSelector: patched, inCaseNamespace: true },
    { kind: 'listLimitRanges', what: 'afterDelete', labelSelector: caseSelector, inCaseNamespace: false },
    settle,
    { kind: 'create', object: afterDelete },
  ];
}

function networkPolicyPlan(manifests: CaseManifests): PlanStep[] {
  const pods = manifests.objects.filter((o) => o.kind === 'Pod');
  const targets = pods.map((p) => ({ pod: p.metadata?.name ?? '', namespace: p.metadata?.namespace }));
  const settle = (why: string): PlanStep => ({
    kind: 'observe',
    seconds: NETPOL_ENFORCEMENT_SETTLE_SECONDS,
    from: 'now',
    why,
  });
  const start: PlanStep[] = [
    ...createAll(manifests, ['Pod']),
    { kind: 'wait', condition: { kind: 'podsRunning', targets }, deadlineSeconds: POD_START_SECONDS * 2 },
    ...createAll(manifests, ['NetworkPolicy']),
    settle('the NetworkPolicy enforcer programs the policies'),
  ];
  const change = manifests.netpolChange;
  // The cells are what the topology serves: SCTP ones when the pods declare an SCTP port.
  const sctp = pods.some(
    (pod) =>
      pod.kind === 'Pod' &&
      (pod.spec?.containers ?? []).some((c) => c.ports?.some((p) => p.protocol === 'SCTP')),
  );
  if (change === undefined) return [...start, { kind: 'probeReachability', ...(sctp && { sctp }) }];
  // Upstream's update tests probe, change, and probe again after the same wait (ValidateOrFail).
  return [
    ...start,
    { kind: 'probeReachability', cells: 'update' },
    { kind: 'changeNetpol', change },
    settle('the NetworkPolicy enforcer programs the change'),
    { kind: 'probeReachability', cells: 'update' },
  ];
}

/**
 * The ordered steps of one case. Pure: every wait is a named condition with a deadline derived from
 * the scenario and the model's windows (for the cluster's capabilities); nothing is waited for that the
 * model says will not happen; the only passing of time is an observe window the scenario itself asks for.
 */
export function planCase(
  scenario: Scenario,
  expectation: Expectation,
  manifests: CaseManifests,
  capabilities: Capabilities = defaultCapabilities(LATEST_VERSION),
): PlanStep[] {
  switch (scenario.family) {
    case 'termination':
      return terminationPlan(manifests, scenario.pod, scenario.delete, expectation, capabilities);
    case 'probes':
      return observedPodPlan(
        manifests,
        scenario.pod,
        scenario.observeSeconds,
        undefined,
        expectation,
        'podStarted',
      );
    case 'hooks':
    case 'init':
      return observedPodPlan(
        manifests,
        scenario.pod,
        scenario.observeSeconds,
        scenario.delete,
        expectation,
        'podStarted',
      );
    case 'resources': {
      // A pod the model expects validation to reject has nothing to wait for: the create's result is the observation.
      const rejected = expectation.fields[`${scenario.pod.name}.admitted`]?.expected;
      if (rejected?.kind === 'equals' && rejected.value === false) {
        return [
          ...createAll(manifests, ['Pod']),
          { kind: 'snapshotPod', target: podNamed(manifests, scenario.pod.name) },
        ];
      }
      const capacity = scenario.extendedCapacity;
      const patch: PlanStep[] = capacity
        ? [{ kind: 'patchNodeCapacity', resource: capacity.resource, count: capacity.perNode }]
        : [];
      return [
        ...patch,
        ...observedPodPlan(
          manifests,
          scenario.pod,
          scenario.observeSeconds,
          undefined,
          expectation,
          'podScheduleDecided',
        ),
      ];
    }
    case 'quota':
      return quotaPlan(manifests, scenario);
    case 'limitrange':
    case 'podsecurity': {
      if (scenario.family === 'limitrange' && scenario.lifecycle)
        return limitRangeLifecyclePlan(manifests, scenario.lifecycle);
      // Admission decides at create time: the create's result and the stored pod are the observation.
      const target = podNamed(manifests, scenario.pod.name);
      // Audit annotations reach only the audit log: read it only when the expectation judges them.
      const audit = Object.keys(expectation.fields).some((f) => f.endsWith('.audit.violations'));
      return [
        ...createAll(manifests, ['LimitRange', 'Pod']),
        ...(audit ? [{ kind: 'readAuditEvents', target } as const] : []),
        { kind: 'snapshotPod', target },
      ];
    }
    case 'networkpolicy':
      return networkPolicyPlan(manifests);
  }
}
