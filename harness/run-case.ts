import type { V1LimitRange, V1Namespace, V1Pod, V1PriorityClass } from '@kubernetes/client-node';
import { manifestsFor, type CaseManifests } from '../generators/manifests';
import {
  NETPOL_CHANGE_ACTION,
  describeChange,
  networkPolicyManifests,
  type NetpolChange,
  type NetworkPolicyManifests,
} from '../generators/manifests/networkpolicy';
import { definedType } from '../generators/manifests/custom-resource';
import { isHookHandler, withHookHandlerIp } from '../generators/manifests/hook-handler-pod';
import { resolveIpBlocks } from '../generators/manifests/networkpolicy-ip-blocks';
import type { Capabilities } from '../model/capabilities';
import type { Expectation } from '../model/expectation';
import { CASE_ID_LABEL, KEEP_FINALIZER, PATCHED_LABEL } from '../model/labels';
import { assertedCells, type NetpolCell, type PodId } from '../model/networkpolicy/topology';
import { UPDATE_CELLS } from '../model/networkpolicy/expect-updated';
import { netpolSctpImage } from '../model/networkpolicy/sctp';
import { NETPOL_NAMESPACES, type Scenario } from '../model/scenario';
import type { Trace, TraceEntry } from '../model/trace';
import { awaitPodCreateAudit } from './audit-log-wait';
import type { CleanupEntry, CleanupRegistry, CleanupReport } from './cleanup';
import { ClusterError } from './cluster-error';
import type {
  ClusterPort,
  CountedResource,
  CreateResult,
  CustomResourceType,
  ManagedObject,
} from './cluster-port';
import type { Clock } from './clock';
import { caseNamespaceName, managedLabels, namespaceManifest } from './namespace';
import { probeMatrix } from './netpol/probe-matrix';
import { planCase, POD_START_SECONDS, type PlanStep, type PodRef, type WaitCondition } from './plan';
import { startedByIn, windowEnd } from './observe/watch-window';
import { podHistory } from './observe/pod-history';
import { withRetry } from './retry';
import { waitFor, type Condition } from './waits';
import { podCondition, type PodStateSource } from './waits-pod';
import { acquireNodeCapacityLock } from './node-capacity-lock';
import {
  crdEstablished,
  objectListed,
  quotaDiscovery,
  quotaHardSynced,
  quotaInitialised,
  quotaSettled,
} from './waits-quota';
import { CaseRecorder } from './watch-recorder-case';
import { unreliabilityOf } from '../verdicts/case-verdict';
import { sharedClusterState } from './shared-cluster-state';

/** Maps a scenario to its objects (generators/manifests manifestsFor). */
export type ManifestMapper = (
  scenario: Scenario,
  options: { image: string; serverImage?: string; namespace: string; labels: Record<string, string> },
) => CaseManifests;

export interface RunCaseOptions {
  runId: string;
  caseId: string;
  image: string;
  clock: Clock;
  signal: AbortSignal;
  caseDeadlineSeconds: number;
  cleanup: CleanupRegistry;
  /**
   * Start the case's cleanup without awaiting it, so the case ends (and its slot frees) when its
   * observation is complete; the caller settles the registry later (runner/conformance-run.ts).
   */
  cleanupInBackground?: boolean;
  onTrace?: (entry: TraceEntry) => void;
  /** The scenario → objects mapper for every family but NetworkPolicy (default generators/manifests manifestsFor). */
  manifestsFor?: ManifestMapper;
  /** API attempts per call for transient errors (default: harness/retry.ts's). */
  maxAttempts?: number;
  /** Jitter source for back-off; injected so seeded runs replay exactly. */
  random?: () => number;
  /** What the cluster supports, for the plan's readiness predictions (default: the latest release's). */
  capabilities?: Capabilities;
}

export interface CaseRun {
  namespace: string;
  objects: ManagedObject[];
  trace: Trace;
  /** Why the case could not be observed reliably (it is then judged neither pass nor fail). */
  inconclusive?: string;
  startedAt: number;
  endedAt: number;
  /** Time the plan itself needed to wait (waits and observe windows), for the overhead benchmark. */
  waitedMs: number;
  /** Every namespace of the case (several for NetworkPolicy). */
  namespaces?: string[];
  /** What the case's cleanup removed and what it left behind. */
  cleanup?: CleanupReport;
}

/** How often the harness looks again for the start of a pod its observe window waits for. */
const NOT_STARTED_POLL_MS = 500;
/** The probe quota of awaitQuotaDiscovery (the scenario's quota is "quota"). */
const DISCOVERY_PROBE = 'discovery-probe';
/** Upstream's e2e polls (and raises its probe) every 2 s (test/e2e/framework Poll). */
const DISCOVERY_POLL_MS = 2000;
/** A deleted quota is gone at once (no finalizers); half a minute covers a slow API server. */
const QUOTA_GONE_SECONDS = 30;
/** Two node status updates (nodeStatusUpdateFrequency, 10 s) and a margin: the kubelet advertises by then. */
const ALLOCATABLE_SYNC_SECONDS = 25;
const ALLOCATABLE_POLL_MS = 500;

/** A stop of the case that is not a failure of the cluster: interrupt, deadline, or an unobservable step. */
class Inconclusive extends Error {}

/** Namespaces to create, with their labels, and the objects in creation order. */
interface CaseLayout {
  namespaces: V1Namespace[];
  manifests: CaseManifests;
  /** NetworkPolicy topology: where each model pod id lives. */
  topology?: NetworkPolicyManifests['pods'];
}

/**
 * The prefix of a case's topology namespaces ("<prefix>-x", "-y", "-z"): short enough that the
 * longest of them is still a valid namespace name.
 */
function topologyPrefix(runId: string, caseId: string): string {
  const longest = NETPOL_NAMESPACES.reduce((a, b) => (b.length > a.length ? b : a));
  return caseNamespaceName(runId, caseId, longest).slice(0, -(longest.length + 1));
}

function layoutOf(scenario: Scenario, options: RunCaseOptions): CaseLayout {
  const labels = managedLabels(options.runId, options.caseId);
  const base = caseNamespaceName(options.runId, options.caseId);
  if (scenario.family === 'networkpolicy') {
    const netpol = networkPolicyManifests(scenario, {
      image: options.image,
      // SCTP is served (and probed) when the run carries it: model/networkpolicy/sctp.ts.
      sctpImage: options.capabilities && netpolSctpImage(options.capabilities),
      namespacePrefix: topologyPrefix(options.runId, options.caseId),
      labels,
      caseId: labels[CASE_ID_LABEL],
    });
    return {
      namespaces: netpol.namespaces.map((n) =>
        namespaceManifest(n.object.metadata?.name ?? '', labels, n.object.metadata?.labels ?? {}),
      ),
      manifests: {
        namespaceLabels: {},
        objects: [...netpol.pods.map((p) => p.object), ...netpol.policies.map((p) => p.object)],
        ...(netpol.change !== undefined && { netpolChange: netpol.change }),
      },
      topology: netpol.pods,
    };
  }
  const manifests = (options.manifestsFor ?? manifestsFor)(scenario, {
    image: options.image,
    // The server image the preflight ran (harness/image-preflight.ts checkServerImage), if any.
    serverImage: options.capabilities?.serverImage,
    namespace: base,
    labels,
  });
  // Objects placed in another namespace (a LimitRange's copy) need theirs, labelled as the case's.
  const others = [...new Set(manifests.objects.map((o) => o.metadata?.namespace))].filter(
    (n): n is string => n !== undefined && n !== base,
  );
  return {
    namespaces: [
      namespaceManifest(base, labels, manifests.namespaceLabels),
      ...others.map((n) => namespaceManifest(n, labels, {})),
    ],
    manifests,
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function targetOf(object: ManagedObject): string {
  return `${object.kind}/${object.metadata?.name ?? ''}`;
}

/** Pods keep kubeprop's finalizer so their final statuses can still be read after they stop. */
function withKeepFinalizer(object: ManagedObject): ManagedObject {
  if (object.kind !== 'Pod') return object;
  const finalizers = object.metadata?.finalizers ?? [];
  if (finalizers.includes(KEEP_FINALIZER)) return object;
  return { ...object, metadata: { ...object.metadata, finalizers: [...finalizers, KEEP_FINALIZER] } };
}

/**
 * Runs one case against a cluster: a fresh labelled namespace (cleanup registered before it is
 * created), watches started before any object exists, the plan's steps, final pod states, cleanup.
 * A case that cannot be observed reliably ends inconclusive with the reason; it never throws a
 * conformance failure, and its trace is returned whatever happened.
 */
export async function runCase(
  port: ClusterPort,
  scenario: Scenario,
  expectation: Expectation,
  options: RunCaseOptions,
): Promise<CaseRun> {
  return new CaseExecution(port, scenario, expectation, options).run();
}

class CaseExecution {
  private readonly clock: Clock;
  private readonly recorder: CaseRecorder;
  private readonly deadline = new AbortController();
  private readonly signal: AbortSignal;
  private readonly layout: CaseLayout;
  private readonly namespace: string;
  private readonly cleanupEntries: CleanupEntry[] = [];
  private readonly objects: ManagedObject[] = [];
  private readonly kept: PodRef[] = [];
  /** Pods a delete found not to exist (admission had rejected them), namespace/name: already gone. */
  private readonly absent = new Set<string>();
  private lastPodCreatedAt: number | undefined;
  private lastPodCreated: { namespace: string; name: string } | undefined;
  private waitedMs = 0;

  constructor(
    private readonly port: ClusterPort,
    private readonly scenario: Scenario,
    private readonly expectation: Expectation,
    private readonly options: RunCaseOptions,
  ) {
    this.clock = options.clock;
    this.signal = AbortSignal.any([options.signal, this.deadline.signal]);
    this.recorder = new CaseRecorder({
      port,
      clock: options.clock,
      signal: this.signal,
      onTrace: options.onTrace,
      random: options.random,
    });
    this.layout = layoutOf(scenario, options);
    this.namespace = this.layout.namespaces[0]?.metadata?.name ?? '';
  }

  async run(): Promise<CaseRun> {
    const scenario = this.scenario;
    if (scenario.family === 'resources' && scenario.extendedCapacity) {
      // Taken before the case deadline starts: waiting for another case is not this case's time.
      const release = await acquireNodeCapacityLock(this.port);
      try {
        return await this.runCase();
      } finally {
        release();
      }
    }
    return this.runCase();
  }

  private async runCase(): Promise<CaseRun> {
    const startedAt = this.clock.now();
    const stopDeadline = new AbortController();
    this.clock
      .sleep(this.options.caseDeadlineSeconds * 1000, stopDeadline.signal)
      .then(() =>
        this.deadline.abort(
          new Inconclusive(`case deadline of ${this.options.caseDeadlineSeconds} s exceeded`),
        ),
      )
      .catch(() => undefined);
    let inconclusive: string | undefined;
    try {
      // Registered before anything exists, so any way this ends can remove it.
      for (const ns of this.layout.namespaces) {
        this.cleanupEntries.push(this.options.cleanup.registerNamespace(ns.metadata?.name ?? ''));
      }
      await this.createNamespaces();
      const steps = planCase(
        this.scenario,
        this.expectation,
        this.layout.manifests,
        this.options.capabilities,
      );
      for (const step of steps) {
        this.signal.throwIfAborted();
        await this.execute(step);
      }
    } catch (error) {
      inconclusive = this.reasonOf(error);
    } finally {
      stopDeadline.abort();
    }
    const finalStatesRead = await this.readFinalStates();
    if (!inconclusive && !finalStatesRead) inconclusive = this.reasonOf(undefined);
    // In the trace, so a re-judged report decides exactly as this run (verdicts/case-verdict.ts unreliabilityOf).
    if (inconclusive) this.recorder.record({ kind: 'unobservable', reason: inconclusive });
    await this.recorder.stop();
    let cleanup: CleanupReport | undefined;
    if (this.cleanupInBackground()) void this.options.cleanup.runDetached(this.cleanupEntries);
    else cleanup = await this.options.cleanup.run(this.cleanupEntries);
    inconclusive = unreliabilityOf(this.recorder.trace);
    return {
      namespace: this.namespace,
      namespaces: this.layout.namespaces.map((n) => n.metadata?.name ?? ''),
      objects: this.objects,
      trace: this.recorder.trace,
      ...(inconclusive ? { inconclusive } : {}),
      startedAt,
      endedAt: this.clock.now(),
      waitedMs: this.waitedMs,
      ...(cleanup ? { cleanup } : {}),
    };
  }

  private reasonOf(error: unknown): string {
    if (this.options.signal.aborted) return `interrupted: ${describe(this.options.signal.reason)}`;
    if (this.deadline.signal.aborted) return describe(this.deadline.signal.reason);
    if (error instanceof Inconclusive) return error.message;
    if (error instanceof ClusterError) {
      return `API error (${error.kind}${error.status ? ` ${error.status}` : ''}) could not be overcome: ${error.message}`;
    }
    return `harness error: ${describe(error)}`;
  }

  /** Retries transient API errors with back-off; rejects with the last error when attempts run out. */
  private api<T>(operation: (attempt: number) => Promise<T>, signal: AbortSignal = this.signal): Promise<T> {
    return withRetry(operation, {
      clock: this.clock,
      signal,
      maxAttempts: this.options.maxAttempts,
      random: this.options.random,
    });
  }

  /**
   * Except under the node capacity lock: the next case holding it must find the node's capacity
   * restored and this case's pods (which used the resource) gone.
   */
  private cleanupInBackground(): boolean {
    // The next case with the same shared state starts when this one returns: restore it first.
    return this.options.cleanupInBackground === true && sharedClusterState(this.scenario).length === 0;
  }

  /** A write the cleanup must wait for if it is interrupted mid-flight. */
  private write<T>(operation: (attempt: number) => Promise<T>): Promise<T> {
    if (this.options.cleanup.closed)
      return Promise.reject(new Inconclusive('cleanup has started: no new objects'));
    return this.options.cleanup.track(this.api(operation));
  }

  private async createNamespaces(): Promise<void> {
    const hasService = this.layout.manifests.objects.some((o) => o.kind === 'Service');
    for (const namespace of this.layout.namespaces) {
      const name = namespace.metadata?.name ?? '';
      this.recorder.record({ kind: 'action', action: 'createNamespace', target: name });
      const created = await this.write(async (attempt) => {
        try {
          return await this.port.createNamespace(namespace);
        } catch (error) {
          // A retry after a lost response meets our own namespace.
          if (attempt > 1 && error instanceof ClusterError && error.kind === 'alreadyExists') {
            const existing = await this.port.readNamespace(name);
            if (existing) return existing;
          }
          throw error;
        }
      });
      this.recorder.record({ kind: 'actionResult', action: 'createNamespace', target: name, ok: true });
      // Watches start from the namespace's own version: nothing created in it can be missed.
      await this.recorder.watchNamespace(name, created.metadata?.resourceVersion ?? '', hasService);
    }
  }

  private async execute(step: PlanStep): Promise<void> {
    switch (step.kind) {
      case 'create':
        return this.create(step.object);
      case 'wait':
        return this.wait(step.condition, step.deadlineSeconds, step.timeoutIsOutcome ?? false);
      case 'observe':
        return this.observe(step.seconds, step.from);
      case 'deletePod':
        return this.deletePod(step.target, step.gracePeriodSeconds);
      case 'updatePodRequests':
        return this.updatePodRequests(step.target, step.requests);
      case 'snapshotPod':
        return this.snapshotPod(step.target);
      case 'snapshotQuota':
        return this.snapshotQuota(step.quota);
      case 'deleteObject':
        return this.deleteObject(step.objectKind, step.name);
      case 'awaitQuotaDiscovery':
        return this.awaitQuotaDiscovery(step.key, step.deadlineSeconds);
      case 'changeQuota':
        return this.changeQuota(step.quota, step.change, step.hard);
      case 'listQuotas':
        return this.listQuotas();
      case 'createPriorityClass':
        return this.createPriorityClass(step.object);
      case 'deleteQuotaCollection':
        return this.deleteQuotaCollection(step.quota);
      case 'patchNodeCapacity':
        return this.patchNodeCapacity(step.resource, step.count);
      case 'probeReachability':
        return this.probeReachability(
          step.cells === 'update' ? UPDATE_CELLS : assertedCells(step.sctp === true),
        );
      case 'changeNetpol':
        return this.changeNetpol(step.change);
      case 'readAuditEvents':
        return this.readAuditEvents(step.target);
      case 'listLimitRanges':
        return this.listLimitRanges(step.what, step.labelSelector, step.inCaseNamespace);
      case 'patchLimitRange':
        return this.patchLimitRange(step.name, step.patch);
      case 'deleteLimitRangeCollection':
        return this.deleteLimitRangeCollection(step.labelSelector);
    }
  }

  private async create(planned: ManagedObject): Promise<void> {
    // Quota steps delete pods and wait for them to go; nothing reads a quota pod's final state.
    const resolved = this.hookHostResolved(this.netpolResolved(planned));
    const object = this.scenario.family === 'quota' ? resolved : withKeepFinalizer(resolved);
    const namespace = object.metadata?.namespace ?? this.namespace;
    const target = targetOf(object);
    if (object.kind === 'CustomResourceDefinition') {
      // Registered before the create: it is cluster-wide and outlives the namespace.
      const name = object.metadata?.name ?? '';
      this.cleanupEntries.push(this.options.cleanup.registerCustomResourceDefinition(name));
    }
    this.objects.push(object);
    this.recorder.record({ kind: 'action', action: 'create', target });
    const result = await this.write(async (attempt): Promise<CreateResult> => {
      try {
        return await this.port.create(namespace, object);
      } catch (error) {
        // The first attempt took effect but its response was lost: the object is ours.
        if (attempt > 1 && error instanceof ClusterError && error.kind === 'alreadyExists') {
          const stored =
            object.kind === 'Pod'
              ? await this.port.readPod(namespace, object.metadata?.name ?? '')
              : undefined;
          return { ok: true, object: stored ? { ...stored, kind: 'Pod' } : object, warnings: [] };
        }
        throw error;
      }
    });
    if (result.ok) {
      this.recorder.record({
        kind: 'actionResult',
        action: 'create',
        target,
        ok: true,
        warnings: result.warnings,
        object: result.object,
      });
      if (object.kind === 'Pod') {
        this.absent.delete(`${namespace}/${object.metadata?.name ?? ''}`);
        if (object !== resolved) this.kept.push({ pod: object.metadata?.name ?? '', namespace });
        this.lastPodCreatedAt = this.clock.now();
        this.lastPodCreated = { namespace, name: object.metadata?.name ?? '' };
      }
    } else {
      this.recorder.record({
        kind: 'actionResult',
        action: 'create',
        target,
        ok: false,
        status: result.status,
        body: result.body,
        warnings: result.warnings,
      });
      // The definition is set-up, not an observation: without it there is nothing to judge.
      if (object.kind === 'CustomResourceDefinition')
        throw new Inconclusive(`${target} was rejected (${result.status}): ${result.body.message ?? ''}`);
    }
  }

  /** The audit log's events for the pod's create (harness/audit-log-wait.ts), into the trace. */
  private async readAuditEvents(target: PodRef): Promise<void> {
    const namespace = target.namespace ?? this.namespace;
    const record = await awaitPodCreateAudit(this.port, {
      namespace,
      pod: target.pod,
      createdAt: this.lastPodCreatedAt ?? this.clock.now(),
      clock: this.clock,
      signal: this.signal,
    });
    this.recorder.record({ kind: 'auditEvents', namespace, ...record });
  }

  /** LimitRanges by label: where each listed one lives, into the trace under `what`. */
  private async listLimitRanges(
    what: string,
    labelSelector: string,
    inCaseNamespace: boolean,
  ): Promise<void> {
    this.recorder.record({ kind: 'action', action: 'listLimitRanges', target: what });
    const namespace = inCaseNamespace ? this.namespace : undefined;
    const items = await this.api(() => this.port.listLimitRanges(namespace, labelSelector));
    const listed = items.map((item) => `${item.metadata?.namespace ?? ''}/${item.metadata?.name ?? ''}`);
    this.recorder.record({
      kind: 'actionResult',
      action: 'listLimitRanges',
      target: what,
      ok: true,
      object: listed,
    });
  }

  /** The patched LimitRange, as the API returned it, into the trace. */
  private async patchLimitRange(name: string, patch: V1LimitRange): Promise<void> {
    const target = `LimitRange/${name}`;
    this.recorder.record({ kind: 'action', action: 'patch', target });
    // A strategic merge patch is idempotent: a retry after a lost response patches to the same state.
    const patched = await this.write(() => this.port.patchLimitRange(this.namespace, name, patch));
    this.recorder.record({ kind: 'actionResult', action: 'patch', target, ok: true, object: patched });
  }

  /** The NetworkPolicy mutation between the probe matrices; its action entry splits the two phases. */
  private async changeNetpol(change: NetpolChange): Promise<void> {
    const target = describeChange(change);
    this.recorder.record({ kind: 'action', action: NETPOL_CHANGE_ACTION, target });
    const port = this.port;
    const call = (): Promise<void> | undefined => {
      switch (change.kind) {
        case 'replacePolicy': {
          // Its ipBlocks name pods symbolically, as the created policies' do.
          const resolved = this.netpolResolved(change.object);
          return resolved.kind === 'NetworkPolicy'
            ? port.replaceNetworkPolicy?.(change.namespace, resolved)
            : undefined;
        }
        case 'deletePolicy':
          return port.deleteNetworkPolicy?.(change.namespace, change.name);
        case 'addLabels':
          return port.addLabels?.(change.namespace, change.name, change.labels);
      }
    };
    // A PUT, a DELETE and a label merge-patch: a retry after a lost response reaches the same state
    // (a DELETE retried may answer not found, which fails the case loudly rather than silently).
    await this.write(async () => {
      const done = call();
      if (done === undefined) throw new Inconclusive(`the cluster adapter cannot ${target}`);
      await done;
    });
    this.recorder.record({ kind: 'actionResult', action: NETPOL_CHANGE_ACTION, target, ok: true });
  }

  private async deleteLimitRangeCollection(labelSelector: string): Promise<void> {
    const target = `LimitRange?${labelSelector}`;
    this.recorder.record({ kind: 'action', action: 'deleteCollection', target });
    await this.write(() => this.port.deleteLimitRangeCollection(this.namespace, labelSelector));
    this.recorder.record({ kind: 'actionResult', action: 'deleteCollection', target, ok: true });
  }

  /** httpGet postStart hooks name the hook handler pod until it has an IP (it is Ready before this create). */
  private hookHostResolved(object: ManagedObject): ManagedObject {
    const handler = this.objects.find(isHookHandler);
    const ip = handler && this.recorder.pod(this.namespace, handler.metadata?.name ?? '')?.status?.podIP;
    return ip && object.kind === 'Pod' ? withHookHandlerIp(object, ip) : object;
  }

  /** NetworkPolicy ipBlocks name pods symbolically until the pods have IPs. */
  private netpolResolved(object: ManagedObject): ManagedObject {
    if (object.kind !== 'NetworkPolicy' || !this.layout.topology) return object;
    return resolveIpBlocks([object], this.podIps())[0];
  }

  private podIps(): Record<PodId, string> {
    const ips: Partial<Record<PodId, string>> = {};
    for (const p of this.layout.topology ?? []) {
      const ip = this.recorder.pod(p.namespace, p.object.metadata?.name ?? '')?.status?.podIP;
      if (ip) ips[p.id] = ip;
    }
    return ips as Record<PodId, string>;
  }

  private conditionFor(condition: WaitCondition): Condition {
    switch (condition.kind) {
      case 'quotaInitialised':
        return quotaInitialised(
          condition.quota,
          () => this.port.readResourceQuota(this.namespace, condition.quota),
          condition.counting,
        );
      case 'crdEstablished':
        return crdEstablished(condition.name, () => this.port.readCustomResourceDefinition(condition.name));
      case 'quotaSettled':
        return quotaSettled(
          condition.quota,
          () => this.port.readResourceQuota(this.namespace, condition.quota),
          () => this.recorder.podsIn(this.namespace),
          (kind) => this.listNames(kind),
        );
      case 'quotaHardSynced':
        return quotaHardSynced(condition.quota, () =>
          this.port.readResourceQuota(this.namespace, condition.quota),
        );
      case 'objectListed':
        return objectListed(condition.objectKind, condition.name, condition.present, () =>
          this.listNames(condition.objectKind),
        );
      default:
        return podCondition(condition, this.podStates(), this.namespace);
    }
  }

  /**
   * The watch record, where a pod the API answered "not found" to a delete counts as deleted: it
   * never existed (a rejected create), so no watch event will ever say it went.
   */
  private podStates(): PodStateSource {
    return {
      pod: (namespace, name) => this.recorder.pod(namespace, name),
      podDeleted: (namespace, name) =>
        this.recorder.podDeleted(namespace, name) || this.absent.has(`${namespace}/${name}`),
    };
  }

  /** The case's custom resource type, as its CustomResourceDefinition defines it. */
  private customType(): CustomResourceType {
    const crd = this.layout.manifests.objects.find((o) => o.kind === 'CustomResourceDefinition');
    if (crd?.kind !== 'CustomResourceDefinition') throw new Error('the case has no CustomResourceDefinition');
    return definedType(crd);
  }

  /** The names of a counted kind's objects, or of the case's custom resources, in the case's namespace. */
  private listNames(kind: CountedResource): Promise<string[]> {
    return kind === 'CustomResource'
      ? this.port.listCustomObjectNames(this.namespace, this.customType())
      : this.port.listObjectNames(this.namespace, kind);
  }

  private async wait(
    condition: WaitCondition,
    deadlineSeconds: number,
    timeoutIsOutcome: boolean,
  ): Promise<void> {
    const polls =
      condition.kind === 'quotaInitialised' ||
      condition.kind === 'quotaSettled' ||
      condition.kind === 'quotaHardSynced' ||
      condition.kind === 'crdEstablished' ||
      condition.kind === 'objectListed';
    // Quota status and API objects have no watch here: they are re-read twice a second.
    await this.waitOn(
      this.conditionFor(condition),
      deadlineSeconds,
      timeoutIsOutcome,
      polls ? 500 : undefined,
    );
  }

  /** `onChanges` false: checked every pollMs only (a check that writes must not run on every pod event). */
  private async waitOn(
    named: Condition,
    deadlineSeconds: number,
    timeoutIsOutcome: boolean,
    pollMs: number | undefined,
    onChanges = true,
  ): Promise<void> {
    const result = await waitFor(named, {
      clock: this.clock,
      signal: this.signal,
      deadlineMs: deadlineSeconds * 1000,
      changes: onChanges ? this.recorder.changes : undefined,
      pollMs,
    });
    this.waitedMs += result.waitedMs;
    if (result.ok) {
      this.recorder.record({ kind: 'waitDone', what: named.name });
      return;
    }
    this.recorder.record({ kind: 'waitTimeout', what: named.name, lastSeen: result.lastSeen });
    if (!timeoutIsOutcome) throw new Inconclusive(result.message);
  }

  private async observe(seconds: number, from: 'now' | 'podCreated' | 'podStarted'): Promise<void> {
    const start = from === 'now' ? this.clock.now() : (this.lastPodCreatedAt ?? this.clock.now());
    let end = start + seconds * 1000;
    for (;;) {
      const remaining = end - this.clock.now();
      if (remaining > 0) {
        await this.clock.sleep(remaining, this.signal);
        this.waitedMs += remaining;
      }
      if (from !== 'podStarted' || !this.lastPodCreated) return;
      // The model's window counts from a start soon after the create: a pod the cluster started late
      // (FailedScheduling on a busy node first) is watched as much longer (harness/observe/watch-window.ts).
      // Over every status recorded, as the observers read it (watch-window.ts watchWindow): the latest
      // status of a container restarted twice no longer holds its first start, which made this loop
      // watch restarting pods up to POD_START_SECONDS longer than their window (60-69 s for 30 s).
      const startedBy = startedByIn(podHistory(this.recorder.trace, this.lastPodCreated.name));
      const giveUp = start + (seconds + POD_START_SECONDS) * 1000;
      const next =
        startedBy === undefined
          ? this.clock.now() + NOT_STARTED_POLL_MS
          : Math.min(windowEnd(start, seconds, startedBy), giveUp);
      if (next <= this.clock.now() || this.clock.now() >= giveUp) return;
      end = next;
    }
  }

  /**
   * Replaces a pod with its first app container's requests changed, as a client would: the pod as read
   * (the manifest when there is none, as upstream's e2e sends the object it created), requests set, PUT.
   * The API's answer is the result: a rejection (422, or 404 for a pod that was never admitted) is an
   * observation, like a create's.
   */
  private async updatePodRequests(target: PodRef, requests: Record<string, string>): Promise<void> {
    const namespace = target.namespace ?? this.namespace;
    const manifest = this.layout.manifests.objects.find(
      (o) => o.kind === 'Pod' && o.metadata?.name === target.pod,
    );
    this.recorder.record({ kind: 'action', action: 'updatePod', target: target.pod });
    const result = await this.write(async () => {
      const stored = await this.port.readPod(namespace, target.pod);
      const pod = (stored ?? manifest) as V1Pod | undefined;
      if (!pod?.spec) throw new Inconclusive(`pod ${target.pod} has no spec to update`);
      const [first, ...rest] = pod.spec.containers;
      const changed = { ...first, resources: { ...first.resources, requests } };
      if (!this.port.replacePod) throw new Inconclusive('this cluster port cannot replace pods');
      // No resourceVersion: pods allow unconditional updates, so a status write in between is no conflict.
      return this.port.replacePod(namespace, {
        ...pod,
        metadata: { ...pod.metadata, resourceVersion: undefined },
        spec: { ...pod.spec, containers: [changed, ...rest] },
      });
    });
    this.recorder.record(
      result.ok
        ? { kind: 'actionResult', action: 'updatePod', target: target.pod, ok: true, object: result.object }
        : {
            kind: 'actionResult',
            action: 'updatePod',
            target: target.pod,
            ok: false,
            status: result.status,
            body: result.body,
          },
    );
  }

  private async deletePod(target: PodRef, gracePeriodSeconds: number | undefined): Promise<void> {
    const namespace = target.namespace ?? this.namespace;
    this.recorder.record({ kind: 'action', action: 'delete', target: target.pod, gracePeriodSeconds });
    try {
      await this.write(async (attempt) => {
        try {
          await this.port.deletePod(namespace, target.pod, gracePeriodSeconds);
        } catch (error) {
          // A retry after a lost response finds the pod already gone: the delete happened.
          if (attempt > 1 && error instanceof ClusterError && error.kind === 'notFound') return;
          throw error;
        }
      });
      this.recorder.record({ kind: 'actionResult', action: 'delete', target: target.pod, ok: true });
    } catch (error) {
      // Deleting a pod admission rejected (quota steps) is a result, not a failure to observe.
      if (!(error instanceof ClusterError && error.kind === 'notFound')) throw error;
      this.absent.add(`${namespace}/${target.pod}`);
      this.recorder.record({
        kind: 'actionResult',
        action: 'delete',
        target: target.pod,
        ok: false,
        status: 404,
      });
    }
  }

  private async snapshotPod(target: PodRef, signal: AbortSignal = this.signal): Promise<void> {
    const pod = await this.api(
      () => this.port.readPod(target.namespace ?? this.namespace, target.pod),
      signal,
    );
    if (pod) this.recorder.record({ kind: 'podSnapshot', object: pod });
  }

  /** Deletes an object a quota counts; the API's answer is the step's result. */
  private async deleteObject(kind: CountedResource, name: string): Promise<void> {
    const target = `${kind}/${name}`;
    this.recorder.record({ kind: 'action', action: 'delete', target });
    try {
      await this.write(async (attempt) => {
        try {
          if (kind === 'CustomResource')
            await this.port.deleteCustomObject(this.namespace, this.customType(), name);
          else await this.port.deleteObject(this.namespace, kind, name);
        } catch (error) {
          // A retry after a lost response finds the object already gone: the delete happened.
          if (attempt > 1 && error instanceof ClusterError && error.kind === 'notFound') return;
          throw error;
        }
      });
      this.recorder.record({ kind: 'actionResult', action: 'delete', target, ok: true });
    } catch (error) {
      // Deleting an object admission rejected is a result, not a failure to observe.
      if (!(error instanceof ClusterError && error.kind === 'notFound')) throw error;
      this.recorder.record({ kind: 'actionResult', action: 'delete', target, ok: false, status: 404 });
    }
  }

  /**
   * Holds until the quota controller counts a custom resource's `key` (harness/waits-quota.ts
   * quotaDiscovery, raising a probe quota on the key alone every 2 s), then deletes the probe and waits
   * until it is gone, so the case's quota, created next, counts the resource from its first sync and
   * never sees the probe among the namespace's quotas. The probe is none of the case's objects: a
   * reproducer has no use for it.
   */
  private async awaitQuotaDiscovery(key: string, deadlineSeconds: number): Promise<void> {
    const name = DISCOVERY_PROBE;
    const target = `ResourceQuota/${name}`;
    const probe: ManagedObject = {
      apiVersion: 'v1',
      kind: 'ResourceQuota',
      metadata: {
        name,
        namespace: this.namespace,
        labels: managedLabels(this.options.runId, this.options.caseId),
      },
      spec: { hard: { [key]: '0' } },
    };
    this.recorder.record({ kind: 'action', action: 'create', target });
    const created = await this.write(async (attempt): Promise<CreateResult> => {
      try {
        return await this.port.create(this.namespace, probe);
      } catch (error) {
        // The first attempt took effect but its response was lost: the probe is ours.
        if (attempt > 1 && error instanceof ClusterError && error.kind === 'alreadyExists')
          return { ok: true, object: probe, warnings: [] };
        throw error;
      }
    });
    if (!created.ok) {
      const { status, body, warnings } = created;
      this.recorder.record({
        kind: 'actionResult',
        action: 'create',
        target,
        ok: false,
        status,
        body,
        warnings,
      });
      throw new Inconclusive(`${target} was rejected (${status}): ${body.message ?? ''}`);
    }
    this.recorder.record({
      kind: 'actionResult',
      action: 'create',
      target,
      ok: true,
      warnings: created.warnings,
    });
    const reader = () => this.port.readResourceQuota(this.namespace, name);
    const raise = (hard: Record<string, string>) =>
      this.write(() => this.port.updateResourceQuota(this.namespace, name, hard));
    await this.waitOn(quotaDiscovery(key, reader, raise), deadlineSeconds, false, DISCOVERY_POLL_MS, false);
    await this.deleteObject('ResourceQuota', name);
    const gone = objectListed('ResourceQuota', name, false, () => this.listNames('ResourceQuota'));
    await this.waitOn(gone, QUOTA_GONE_SECONDS, false, 500);
  }

  /** Updates or patches the quota (or its status); the API's answer, the stored quota, goes in the trace. */
  private async changeQuota(
    name: string,
    change: 'update' | 'patch' | 'patchStatus' | 'updateStatus',
    hard: Record<string, string>,
  ): Promise<void> {
    const action = `${change}Quota`;
    const target = `ResourceQuota/${name}`;
    this.recorder.record({ kind: 'action', action, target });
    const object = await this.write(() => {
      switch (change) {
        case 'update':
          return this.port.updateResourceQuota(this.namespace, name, hard);
        case 'patch':
          return this.port.patchResourceQuota(this.namespace, name, {
            labels: { [PATCHED_LABEL]: 'true' },
            hard,
          });
        case 'patchStatus':
          return this.port.patchResourceQuotaStatus(this.namespace, name, hard);
        case 'updateStatus':
          return this.port.updateResourceQuotaStatus(this.namespace, name, hard);
      }
    });
    this.recorder.record({ kind: 'actionResult', action, target, ok: true, object });
  }

  /** Deletes the namespace's quotas by the case's label (the quota's delete step, by collection). */
  private async deleteQuotaCollection(quota: string): Promise<void> {
    const selector = `${CASE_ID_LABEL}=${managedLabels(this.options.runId, this.options.caseId)[CASE_ID_LABEL]}`;
    const target = `ResourceQuota/${quota}`;
    this.recorder.record({ kind: 'action', action: 'delete', target });
    await this.write(() => this.port.deleteResourceQuotas(this.namespace, selector));
    this.recorder.record({ kind: 'actionResult', action: 'delete', target, ok: true });
  }

  /** Creates a PriorityClass of the case, its deletion registered first (it outlives the namespace). */
  private async createPriorityClass(object: V1PriorityClass): Promise<void> {
    const name = object.metadata?.name ?? '';
    this.cleanupEntries.push(this.options.cleanup.registerPriorityClass(name));
    const target = `PriorityClass/${name}`;
    this.recorder.record({ kind: 'action', action: 'create', target });
    await this.write(async (attempt) => {
      try {
        await this.port.createPriorityClass(object);
      } catch (error) {
        // A retry after a lost response meets our own class.
        if (attempt > 1 && error instanceof ClusterError && error.kind === 'alreadyExists') return;
        throw error;
      }
    });
    this.recorder.record({ kind: 'actionResult', action: 'create', target, ok: true });
  }

  /** Lists quotas in every namespace by the case's label; the names found go in the trace. */
  private async listQuotas(): Promise<void> {
    const selector = `${CASE_ID_LABEL}=${managedLabels(this.options.runId, this.options.caseId)[CASE_ID_LABEL]}`;
    this.recorder.record({ kind: 'action', action: 'listQuotas', target: selector });
    const quotas = await this.api(() => this.port.listResourceQuotas(selector));
    const names = quotas.map((q) => `${q.metadata?.namespace ?? ''}/${q.metadata?.name ?? ''}`);
    this.recorder.record({
      kind: 'actionResult',
      action: 'listQuotas',
      target: selector,
      ok: true,
      object: { names },
    });
  }

  private async snapshotQuota(name: string): Promise<void> {
    const quota = await this.api(() => this.port.readResourceQuota(this.namespace, name));
    if (quota) this.recorder.record({ kind: 'quota', object: quota });
  }

  private async patchNodeCapacity(resource: string, count: number): Promise<void> {
    const nodes = await this.api(() => this.port.listNodes());
    const node = nodes.map((n) => n.metadata?.name ?? '').sort()[0];
    if (!node) throw new Inconclusive('no node to advertise an extended resource on');
    const before = nodes.find((n) => n.metadata?.name === node)?.status?.capacity?.[resource];
    // Registered before the patch, so an interrupt restores what the node advertised.
    this.cleanupEntries.push(
      this.options.cleanup.registerNodeCapacity(node, resource, before === undefined ? null : Number(before)),
    );
    const target = `node/${node}`;
    this.recorder.record({ kind: 'action', action: `patchCapacity ${resource}=${count}`, target });
    await this.write(() => this.port.patchNodeCapacity(node, resource, count));
    this.recorder.record({
      kind: 'actionResult',
      action: `patchCapacity ${resource}=${count}`,
      target,
      ok: true,
    });
    // The scheduler reads allocatable, which the kubelet copies from capacity at its next node status
    // update (nodeStatusUpdateFrequency, 10 s): a pod created before then is "Insufficient".
    const advertised: Condition = {
      name: `node ${node} allocatable ${resource}=${count}`,
      check: async () => {
        const seen = (await this.api(() => this.port.listNodes())).find((n) => n.metadata?.name === node)
          ?.status?.allocatable?.[resource];
        return { done: seen === String(count), lastSeen: `allocatable ${resource}: ${seen ?? 'none'}` };
      },
    };
    await this.waitOn(advertised, ALLOCATABLE_SYNC_SECONDS, false, ALLOCATABLE_POLL_MS, false);
  }

  private async probeReachability(cells: readonly NetpolCell[]): Promise<void> {
    const topology = (this.layout.topology ?? []).map((p) => ({
      id: p.id,
      namespace: p.namespace,
      pod: p.object.metadata?.name ?? '',
      ip: this.recorder.pod(p.namespace, p.object.metadata?.name ?? '')?.status?.podIP ?? '',
    }));
    const entries = await probeMatrix(this.port, topology, cells, {
      signal: this.signal,
      retries: 1,
      clock: this.clock,
    });
    for (const entry of entries) {
      const { t: _t, ...rest } = entry;
      this.recorder.record(rest);
    }
  }

  /**
   * Final pod states (the kept pods are still readable), then the finalizer is released. After an
   * interrupt only the cleanup runs (the runner is going down); false when the states were not read.
   */
  private async readFinalStates(): Promise<boolean> {
    const signal = this.options.signal;
    if (signal.aborted || this.options.cleanup.closed) return false;
    for (const target of this.kept) {
      try {
        await this.snapshotPod(target, signal);
        await this.api(() => this.port.releasePod(target.namespace ?? this.namespace, target.pod), signal);
      } catch (error) {
        if (signal.aborted) return false;
        if (!(error instanceof ClusterError && error.kind === 'notFound')) {
          this.recorder.gap(`final state of pod ${target.pod} not read: ${describe(error)}`);
        }
      }
    }
    return true;
  }
}
