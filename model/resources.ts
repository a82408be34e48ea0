import type { Capabilities } from './capabilities';
import { podLimits, podRequests, resolvePod, type ResolvedPod, type ResourceList } from './effective-request';
import type { Expectation, FieldExpectation, ModelOptions } from './expectation';
import { computePodQos } from './qos';
import { formatMebibytes } from './quantities';
import { contains, equals, field } from './resources-field';
import type { ContainerScenario, PodScenario, ResourcesScenario } from './scenario';

/** A node as the scheduler's fit filter sees it: allocatable and what bound pods already request. */
export interface NodeResources {
  name: string;
  allocatable: ResourceList;
  requested?: ResourceList;
}

export interface SchedulingVerdict {
  schedulable: boolean;
  /** Resources some node lacked, e.g. ["cpu", "example.com/dongle"] (message: "Insufficient cpu"). */
  insufficient: string[];
}

/**
 * Fit filter: a node fits when, for every resource the pod requests (> 0), requested + request ≤
 * allocatable (a resource the node does not advertise counts as 0).
 * Source: pkg/scheduler/framework/plugins/noderesources/fit.go fitsRequest.
 */
export function schedulingVerdict(request: ResourceList, nodes: readonly NodeResources[]): SchedulingVerdict {
  const insufficient = new Set<string>();
  let schedulable = false;
  for (const node of nodes) {
    const lacking = Object.entries(request)
      .filter(([, amount]) => amount > 0)
      .filter(([name, amount]) => (node.requested?.[name] ?? 0) + amount > (node.allocatable[name] ?? 0))
      .map(([name]) => name);
    if (lacking.length === 0) schedulable = true;
    lacking.forEach((name) => insufficient.add(name));
  }
  return { schedulable, insufficient: schedulable ? [] : [...insufficient].sort() };
}

/**
 * The scenario carries no nodes, so expectResources assumes any test node has at least SURELY_FITS
 * free and none has SURELY_EXCEEDS; generators keep native asks on one side of that gap, and an ask
 * in between gets no scheduling expectation.
 */
export const SURELY_FITS: ResourceList = { cpu: 1000, memory: 1024, 'ephemeral-storage': 1024 };
export const SURELY_EXCEEDS: ResourceList = {
  cpu: 256_000,
  memory: 1024 * 1024,
  'ephemeral-storage': 100 * 1024 * 1024,
};

/** An OOM needs the program to start and allocate; an eviction waits for the eviction manager's pass. */
export const OOM_MARGIN_SECONDS = 10;
export const RESTART_MARGIN_SECONDS = 30;
export const EVICTION_MARGIN_SECONDS = 30;
/** Below this much headroom (Mi) an allocation may or may not be killed: the shell's own memory counts too. */
export const MEMORY_HEADROOM_MI = 16;
/** Writes this close to a limit (Mi) are ambiguous: logs and the writable layer count too. */
export const STORAGE_HEADROOM_MI = 1;

type Schedulability =
  { kind: 'fits' } | { kind: 'unschedulable'; insufficient: string[] } | { kind: 'unknown' };

function isExtended(name: string): boolean {
  return name.includes('/');
}

/** Schedulability under the documented node assumption and the scenario's patched extended capacity. */
export function assumedSchedulability(request: ResourceList, scenario: ResourcesScenario): Schedulability {
  const insufficient: string[] = [];
  let unknown = false;
  for (const [name, amount] of Object.entries(request)) {
    if (amount <= 0) continue;
    if (isExtended(name)) {
      const capacity = scenario.extendedCapacity?.resource === name ? scenario.extendedCapacity.perNode : 0;
      if (amount > capacity) insufficient.push(name);
    } else if (name in SURELY_EXCEEDS && amount >= SURELY_EXCEEDS[name]) {
      insufficient.push(name);
    } else if (!(name in SURELY_FITS) || amount > SURELY_FITS[name]) {
      unknown = true;
    }
  }
  if (insufficient.length > 0) return { kind: 'unschedulable', insufficient: insufficient.sort() };
  return unknown ? { kind: 'unknown' } : { kind: 'fits' };
}

/**
 * Extended resources cannot be overcommitted: a request needs a limit and must equal it; a limit
 * alone defaults the request. Source: pkg/apis/core/validation/validation.go ValidateResourceRequirements.
 * Returns the stable parts of the 422 message, or undefined when valid.
 */
export function extendedResourceViolation(container: ContainerScenario): string[] | undefined {
  const requests = container.resources.requests.extended ?? {};
  const limits = container.resources.limits.extended ?? {};
  for (const [name, request] of Object.entries(requests)) {
    if (!(name in limits)) return ['Limit must be set for non overcommitable resources'];
    if (limits[name] !== request) return [`must be equal to ${name} limit`];
  }
  return undefined;
}

function memoryOutcome(container: ContainerScenario): boolean | undefined {
  const allocated = container.behaviour.allocateMemoryMi;
  const limit = container.resources.limits.memoryMi;
  if (allocated === undefined || limit === undefined) return allocated === undefined ? false : undefined;
  if (allocated > limit) return true;
  return allocated * 2 + MEMORY_HEADROOM_MI <= limit ? false : undefined;
}

interface EvictionOutcome {
  evicted: boolean;
  /** Stable parts of status.message when evicted. */
  message?: string[];
  /** The other check's message, when both checks hold and the node's stats decide which fires. */
  orMessage?: string[];
}

/**
 * Ephemeral-storage eviction. The pod-level check runs first: usage of the whole pod over its limit,
 * PodLimits (the sum of app container limits, at least the largest init container's), found when any
 * container sets one; then each app container's own usage over its own limit. Source:
 * pkg/kubelet/eviction/eviction_manager.go localStorageEviction, podEphemeralStorageLimitEviction,
 * containerEphemeralStorageLimitEviction; messages from the same file's *MessageFmt constants.
 */
export function ephemeralEviction(pod: PodScenario, sidecars = true): EvictionOutcome | undefined {
  const all = [...pod.initContainers, ...pod.containers];
  const written = all.reduce((sum, c) => sum + (c.behaviour.writeEphemeralMi ?? 0), 0);
  const podLimit = podLimits(resolvePod(pod, sidecars))['ephemeral-storage'];
  if (podLimit === undefined) return written > 0 ? undefined : { evicted: false };
  const limited = pod.containers.filter((c) => c.resources.limits.ephemeralStorageMi !== undefined);
  const writes = (c: ContainerScenario) => c.behaviour.writeEphemeralMi ?? 0;
  const limit = (c: ContainerScenario) => c.resources.limits.ephemeralStorageMi ?? 0;
  const over = limited.find((c) => writes(c) > limit(c) + STORAGE_HEADROOM_MI);
  const containerMessage = (c: ContainerScenario): string[] => [
    `Container ${c.name} exceeded its local ephemeral storage limit "${formatMebibytes(limit(c))}"`,
  ];
  if (written > podLimit + STORAGE_HEADROOM_MI) {
    // The pod-level check runs first, on the pod's summary stats; without them (a v1.23.13 node) the
    // pod's usage counts as 0 and a container over its own limit is evicted by the container check.
    return {
      evicted: true,
      message: [
        'Pod ephemeral local storage usage exceeds the total limit of containers',
        formatMebibytes(podLimit),
      ],
      ...(over ? { orMessage: containerMessage(over) } : {}),
    };
  }
  const podClearlyUnder = written + STORAGE_HEADROOM_MI < podLimit;
  // Near the pod limit, which of the two checks fires first is not decided by the scenario.
  if (over) {
    return podClearlyUnder ? { evicted: true, message: containerMessage(over) } : undefined;
  }
  const clearlyUnder = limited.every((c) => writes(c) + STORAGE_HEADROOM_MI < limit(c));
  return clearlyUnder && podClearlyUnder ? { evicted: false } : undefined;
}

function qosBecause(pod: ResolvedPod): string {
  const show = (c: { name: string; requests: ResourceList; limits: ResourceList }) =>
    `${c.name} req ${JSON.stringify(c.requests)} lim ${JSON.stringify(c.limits)}`;
  return [...pod.containers, ...pod.initContainers].map(show).join('; ');
}

/** Expectations for a resources scenario: admission, QoS, scheduling, OOM kills and evictions. */
export function expectResources(
  scenario: ResourcesScenario,
  capabilities: Capabilities,
  _options: ModelOptions,
): Expectation {
  const pod = scenario.pod;
  const p = pod.name;
  const fields: Record<string, FieldExpectation> = {};
  const invalid = [...pod.initContainers, ...pod.containers]
    .map(extendedResourceViolation)
    .find((parts) => parts !== undefined);
  if (invalid) {
    fields[`${p}.admitted`] = equals(
      false,
      'resources.extended-not-overcommittable',
      'extended request ≠ limit: 422',
    );
    fields[`${p}.reason`] = contains(invalid, 'resources.extended-not-overcommittable', 'validation message');
    return { family: 'resources', fields };
  }
  fields[`${p}.admitted`] = equals(
    true,
    'resources.extended-not-overcommittable',
    'valid resources: created',
  );
  const resolved = resolvePod(pod, capabilities.sidecars);
  fields[`${p}.qosClass`] = equals(computePodQos(resolved), 'resources.qos-class', qosBecause(resolved));

  const request = podRequests(resolved);
  const placement = assumedSchedulability(request, scenario);
  if (placement.kind === 'unschedulable') {
    const because = `effective request ${JSON.stringify(request)} exceeds every node`;
    fields[`${p}.scheduled`] = equals(false, 'resources.insufficient-unschedulable', because);
    fields[`${p}.schedulingMessage`] = contains(
      placement.insufficient.map((name) => `Insufficient ${name}`),
      'resources.insufficient-unschedulable',
      because,
    );
    return { family: 'resources', fields };
  }
  if (placement.kind === 'unknown') return { family: 'resources', fields };
  fields[`${p}.scheduled`] = equals(
    true,
    'resources.fits-scheduled',
    `request ${JSON.stringify(request)} fits`,
  );
  addRuntimeExpectations(scenario, capabilities, fields);
  return { family: 'resources', fields };
}

/**
 * Seconds the plain init containers take, one after the other, before app containers start; undefined
 * when one never exits or exits non-zero (pkg/kubelet/kuberuntime/kuberuntime_container.go
 * computeInitContainerActions: app containers wait for every init container to succeed).
 */
export function initSeconds(pod: PodScenario): number | undefined {
  let total = 0;
  for (const c of pod.initContainers) {
    if (c.restartPolicy === 'Always') continue;
    if (c.behaviour.exitAfter === undefined || c.behaviour.exitAfter.exitCode !== 0) return undefined;
    total += c.behaviour.startDelaySeconds + c.behaviour.exitAfter.seconds;
  }
  return total;
}

function addRuntimeExpectations(
  scenario: ResourcesScenario,
  capabilities: Capabilities,
  fields: Record<string, FieldExpectation>,
): void {
  const pod = scenario.pod;
  const p = pod.name;
  const hasStorageAsk = [...pod.initContainers, ...pod.containers].some(
    (c) => c.behaviour.writeEphemeralMi !== undefined || c.resources.limits.ephemeralStorageMi !== undefined,
  );
  const appsFrom = initSeconds(pod);
  // A failing or never-ending plain init container keeps the app containers from ever starting.
  if (appsFrom === undefined) return;
  const latestStart = appsFrom + Math.max(0, ...pod.containers.map((c) => c.behaviour.startDelaySeconds));
  // Evaluated only when expected: most pods ask for no ephemeral storage.
  const eviction =
    hasStorageAsk && scenario.observeSeconds >= latestStart + EVICTION_MARGIN_SECONDS
      ? ephemeralEviction(pod, capabilities.sidecars)
      : undefined;
  if (eviction) {
    fields[`${p}.evicted`] = equals(
      eviction.evicted,
      'resources.ephemeral-eviction',
      'writes vs ephemeral limits',
    );
    if (eviction.evicted && eviction.message) {
      fields[`${p}.phase`] = equals('Failed', 'resources.ephemeral-eviction', 'an evicted pod fails');
      fields[`${p}.statusReason`] = equals('Evicted', 'resources.ephemeral-eviction', 'kubelet eviction');
      fields[`${p}.statusMessage`] = contains(
        eviction.message,
        'resources.ephemeral-eviction',
        'eviction message',
        eviction.orMessage ? [eviction.orMessage] : undefined,
      );
      return;
    }
  }
  for (const container of pod.containers) {
    const oom = memoryOutcome(container);
    const start = appsFrom + container.behaviour.startDelaySeconds;
    if (oom === undefined || scenario.observeSeconds < start + OOM_MARGIN_SECONDS) continue;
    const because = `allocates ${container.behaviour.allocateMemoryMi ?? 0}Mi, limit ${container.resources.limits.memoryMi ?? 'none'}`;
    fields[`${p}.${container.name}.oomKilled`] = equals(oom, 'resources.oom-killed', because);
    if (!oom) continue;
    if (pod.restartPolicy === 'Never') {
      if (pod.containers.length === 1 && !pod.initContainers.some((c) => c.restartPolicy === 'Always')) {
        fields[`${p}.phase`] = equals(
          'Failed',
          'resources.oom-restart-policy',
          'only container OOM-killed, Never',
        );
      }
      fields[`${p}.${container.name}.restartCount`] = field(
        { kind: 'range', min: 0, max: 0 },
        'resources.oom-restart-policy',
        'restartPolicy Never: not restarted',
      );
    } else if (scenario.observeSeconds >= start + RESTART_MARGIN_SECONDS) {
      fields[`${p}.${container.name}.restartCount`] = field(
        { kind: 'range', min: 1, max: Number.MAX_SAFE_INTEGER },
        'resources.oom-restart-policy',
        `restartPolicy ${pod.restartPolicy}: restarted after OOMKilled (137)`,
      );
    }
  }
}
