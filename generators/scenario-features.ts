import type {
  ContainerScenario,
  HookHandler,
  PodScenario,
  QuotaScenario,
  ResourceAmounts,
  Scenario,
} from '../model/scenario';
import { defaultCapabilities, LATEST_VERSION } from '../model/capabilities';
import { DEFAULT_MODEL_OPTIONS } from '../model/expectation';
import { expectQuota } from '../model/quota';
import { quotaUsage } from './quota-scenario';

/** QoS class as pkg/apis/core/v1/helper/qos/qos.go computes it (missing requests default to limits). */
export function qosClass(pod: PodScenario): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const all = [...pod.initContainers, ...pod.containers];
  const compute = (a: ResourceAmounts) => a.cpuMilli !== undefined || a.memoryMi !== undefined;
  if (!all.some((c) => compute(c.resources.requests) || compute(c.resources.limits))) return 'BestEffort';
  const guaranteed = all.every((c) => {
    const { requests, limits } = c.resources;
    return (['cpuMilli', 'memoryMi'] as const).every(
      (k) => limits[k] !== undefined && (requests[k] === undefined || requests[k] === limits[k]),
    );
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

function hookFeatures(name: string, handler: HookHandler | undefined): string[] {
  if (!handler) return [];
  const features = [`${name} ${handler.kind}`];
  if (handler.kind === 'exec' && handler.exitCode !== 0) features.push(`${name} exec fails`);
  if (handler.kind === 'httpGet' && handler.status >= 400) features.push(`${name} httpGet fails`);
  if (handler.kind === 'sleep' && handler.seconds === 0) features.push(`${name} sleep 0`);
  return features;
}

function containerFeatures(c: ContainerScenario): string[] {
  const b = c.behaviour;
  const features = [`sigterm ${b.sigterm.kind}`];
  if (b.startDelaySeconds > 0) features.push('start delay');
  if (b.exitAfter) features.push(b.exitAfter.exitCode === 0 ? 'exits 0' : 'exits non-zero');
  if (b.readyAfterSeconds !== undefined) features.push('ready after');
  if (b.unreadyAfterSeconds !== undefined) features.push('unready after');
  if (b.unhealthyAfterSeconds !== undefined) features.push('unhealthy after');
  if (b.startupAfterSeconds !== undefined) features.push('startup after');
  if (b.startDelaySeconds % 1 !== 0) features.push('fractional seconds');
  features.push(
    ...hookFeatures('postStart', c.lifecycle.postStart),
    ...hookFeatures('preStop', c.lifecycle.preStop),
  );
  for (const [kind, probe] of Object.entries(c.probes)) {
    features.push(`${kind} probe`, `${probe.handler.kind} probe`);
    if (probe.handler.kind === 'exec' && probe.handler.hangSeconds !== undefined)
      features.push('exec probe hangs');
    if (probe.terminationGracePeriodSeconds !== undefined) features.push('probe-level grace');
    if (probe.successThreshold > 1) features.push('successThreshold > 1');
  }
  const extended = c.resources.limits.extended;
  if (extended && Object.keys(extended).length > 0) features.push('extended resource');
  if (
    c.resources.limits.ephemeralStorageMi !== undefined ||
    c.resources.requests.ephemeralStorageMi !== undefined
  ) {
    features.push('ephemeral-storage');
  }
  const mem = c.resources.limits.memoryMi;
  if (b.allocateMemoryMi !== undefined)
    features.push(mem !== undefined && b.allocateMemoryMi > mem ? 'memory over limit' : 'memory under limit');
  const eph = c.resources.limits.ephemeralStorageMi;
  if (b.writeEphemeralMi !== undefined)
    features.push(
      eph !== undefined && b.writeEphemeralMi > eph ? 'ephemeral over limit' : 'ephemeral under limit',
    );
  return features;
}

export function podFeatures(pod: PodScenario): string[] {
  const features = [
    `containers ${pod.containers.length}`,
    `restartPolicy ${pod.restartPolicy}`,
    `qos ${qosClass(pod)}`,
    pod.initContainers.length === 0 ? 'no init containers' : 'init containers',
    pod.terminationGracePeriodSeconds === undefined
      ? 'grace default'
      : pod.terminationGracePeriodSeconds === 0
        ? 'grace 0'
        : 'grace > 0',
  ];
  if (pod.initContainers.some((c) => c.restartPolicy === 'Always')) features.push('sidecar');
  if (pod.initContainers.some((c) => !c.restartPolicy)) features.push('plain init');
  return [...features, ...[...pod.initContainers, ...pod.containers].flatMap(containerFeatures)];
}

/**
 * A scenario with objects other than pods: each object's kind, its outcome as the model predicts it,
 * and each kind of step (quotaFeatures' hand simulation knows pod resources only).
 */
function objectQuotaFeatures(scenario: QuotaScenario): string[] {
  const { fields } = expectQuota(scenario, defaultCapabilities(LATEST_VERSION), DEFAULT_MODEL_OPTIONS);
  const features = Object.keys(scenario.quota.hard).map((r) => `tracks ${r}`);
  scenario.steps.forEach((step, i) => {
    const admitted = fields[`step${i + 1}.admitted`]?.expected;
    const outcome = admitted?.kind === 'equals' && admitted.value === false ? 'rejected' : 'admitted';
    if (step.kind === 'createObject') features.push(`${step.object.kind} ${outcome}`);
    else if (step.kind === 'create') features.push(`pod ${outcome}`);
    else if (step.kind === 'delete') features.push('deletion');
    else features.push(step.kind === 'deleteObject' ? 'object deletion' : step.kind);
  });
  return features;
}

/** Outcome of each create step against the quota, simulated (scopes, must-specify, used + requested <= hard). */
function quotaFeatures(scenario: QuotaScenario): string[] {
  // The hand simulation below knows the pod-state scopes only: the model judges the rest.
  const selected =
    scenario.quota.priorityClassSelector !== undefined ||
    scenario.quota.scopes.includes('CrossNamespacePodAffinity');
  if (selected || scenario.steps.some((step) => step.kind !== 'create' && step.kind !== 'delete'))
    return objectQuotaFeatures(scenario);
  const { hard, scopes } = scenario.quota;
  const features = [`scopes ${scopes.join('+') || 'none'}`, ...Object.keys(hard).map((r) => `tracks ${r}`)];
  const used: Record<string, number> = Object.fromEntries(Object.keys(hard).map((r) => [r, 0]));
  const admitted = new Map<string, PodScenario>();
  for (const step of scenario.steps) {
    if (step.kind !== 'create') {
      features.push('deletion');
      const pod = step.kind === 'delete' ? admitted.get(step.podName) : undefined;
      if (pod) for (const r of Object.keys(hard)) used[r] -= quotaUsage(pod, r);
      continue;
    }
    const pod = step.pod;
    if (pod.initContainers.length > 0) features.push('pod with init container');
    const bestEffort = qosClass(pod) === 'BestEffort';
    const matches = scopes.every((s) =>
      s === 'BestEffort' ? bestEffort : s === 'NotBestEffort' ? !bestEffort : s !== 'Terminating',
    );
    if (!matches) {
      features.push('pod outside scope');
      continue;
    }
    const all = [...pod.initContainers, ...pod.containers];
    const needs = (side: 'requests' | 'limits', key: 'cpuMilli' | 'memoryMi') =>
      all.every(
        (c) =>
          c.resources[side][key] !== undefined ||
          (side === 'requests' && c.resources.limits[key] !== undefined),
      );
    const missing = Object.keys(hard).some((r) => {
      const key = r.endsWith('cpu') ? 'cpuMilli' : r.endsWith('memory') ? 'memoryMi' : undefined;
      return key !== undefined && !needs(r.startsWith('limits.') ? 'limits' : 'requests', key);
    });
    if (missing) {
      features.push('must specify');
      continue;
    }
    const over = Object.keys(hard).some((r) => used[r] + quotaUsage(pod, r) > hard[r]);
    if (over) {
      features.push('overflow');
      continue;
    }
    for (const r of Object.keys(hard)) used[r] += quotaUsage(pod, r);
    admitted.set(pod.name, pod);
    features.push(
      Object.keys(hard).some((r) => used[r] === hard[r] && quotaUsage(pod, r) > 0) ? 'exact fill' : 'fits',
    );
  }
  return features;
}

/**
 * Every feature a scenario exercises, for coverage counting (`kubeprop generate --stats` and the
 * coverage test). NetworkPolicy scenarios are counted by their own engineer's tooling.
 */
export function scenarioFeatures(scenario: Scenario): string[] {
  switch (scenario.family) {
    case 'termination': {
      const g = scenario.delete.gracePeriodSeconds;
      const spec = scenario.pod.terminationGracePeriodSeconds ?? 30;
      const mode =
        g === undefined ? 'spec' : g === 0 ? 'zero' : g < spec ? 'below' : g > spec ? 'above' : 'equal';
      return [
        ...podFeatures(scenario.pod),
        `delete ${mode}`,
        scenario.withService ? 'service' : 'no service',
      ];
    }
    case 'hooks':
    case 'init':
      return [...podFeatures(scenario.pod), scenario.delete ? 'deleted' : 'not deleted'];
    case 'probes':
      return [...podFeatures(scenario.pod), scenario.withService ? 'service' : 'no service'];
    case 'resources': {
      const features = podFeatures(scenario.pod);
      const capacity = scenario.extendedCapacity;
      if (capacity) {
        const asked = scenario.pod.containers.reduce(
          (s, c) => s + (c.resources.limits.extended?.[capacity.resource] ?? 0),
          0,
        );
        features.push(asked > capacity.perNode ? 'extended insufficient' : 'extended fits');
      }
      return features;
    }
    case 'quota':
      return quotaFeatures(scenario);
    case 'limitrange': {
      const item = scenario.limitRange.limits[0];
      const features = (['min', 'max', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const)
        .filter((f) => item[f] !== undefined)
        .map((f) => `limitrange ${f}`);
      for (const c of scenario.pod.containers) {
        for (const [resource, key] of [
          ['cpu', 'cpuMilli'],
          ['memory', 'memoryMi'],
        ] as const) {
          const request = c.resources.requests[key];
          const limit = c.resources.limits[key];
          if (request === undefined && limit === undefined) features.push(`${resource} defaulted`);
          if (request !== undefined && item.min?.[resource] !== undefined && request < item.min[resource])
            features.push('below min');
          if (limit !== undefined && item.max?.[resource] !== undefined && limit > item.max[resource])
            features.push('above max');
          const ratio = item.maxLimitRequestRatio?.[resource];
          if (ratio !== undefined && request !== undefined && limit !== undefined && limit / request > ratio)
            features.push('over ratio');
        }
      }
      return features;
    }
    case 'podsecurity': {
      const features = Object.entries(scenario.labels).flatMap(([mode, s]) => [
        `${mode} ${s.level}`,
        s.version === 'latest' ? `${mode} latest` : `${mode} pinned`,
      ]);
      const violations = scenario.intendedViolations ?? [];
      if (violations.length === 0) features.push('compliant');
      return [...features, ...violations.map((v) => `violates ${v}`)];
    }
    case 'networkpolicy':
      return [];
  }
}
