import type { PodScenario, ResourceAmounts } from './pod';
import type {
  LimitRangeSpec,
  NetpolMutation,
  NetpolNamespace,
  NetworkPolicySpec,
  PodSecurityLabels,
  QuotaObject,
  QuotaObjectKind,
  QuotaSpec,
} from './policies';

export const FAMILIES = [
  'termination',
  'hooks',
  'probes',
  'init',
  'resources',
  'quota',
  'limitrange',
  'podsecurity',
  'networkpolicy',
] as const;
export type Family = (typeof FAMILIES)[number];

/** How a pod is deleted: with the spec's period (absent) or an override via DeleteOptions. */
export interface DeleteAction {
  gracePeriodSeconds?: number;
  /** Seconds after the pod is Running (and, if it has readiness, after Ready or the observe limit). */
  afterRunningSeconds: number;
}

export interface TerminationScenario {
  family: 'termination';
  pod: PodScenario;
  delete: DeleteAction;
  /** A Service selects the pod, so endpoint readiness during termination is observed. */
  withService: boolean;
}

export interface HooksScenario {
  family: 'hooks';
  pod: PodScenario;
  /** How long the pod is watched after creation. */
  observeSeconds: number;
  /** Deleted at the end so preStop handlers are exercised. */
  delete?: DeleteAction;
}

export interface ProbesScenario {
  family: 'probes';
  pod: PodScenario;
  observeSeconds: number;
  withService: boolean;
}

export interface InitScenario {
  family: 'init';
  pod: PodScenario;
  observeSeconds: number;
  delete?: DeleteAction;
}

/** Advertised extended resource capacity patched onto one node (restored afterwards). */
export interface ExtendedCapacity {
  resource: string;
  perNode: number;
}

export interface ResourcesScenario {
  family: 'resources';
  pod: PodScenario;
  observeSeconds: number;
  extendedCapacity?: ExtendedCapacity;
}

/** One step against a quota-controlled namespace, in order. */
export type QuotaStep =
  | { kind: 'create'; pod: PodScenario }
  | { kind: 'delete'; podName: string }
  /**
   * Replaces the pod (read, then PUT) with its first app container's requests changed, as upstream's
   * "capture the life of a pod" tries: pod update validation forbids it.
   */
  | { kind: 'updatePod'; podName: string; requests: ResourceAmounts }
  | { kind: 'createObject'; object: QuotaObject }
  | { kind: 'deleteObject'; objectKind: QuotaObjectKind; name: string }
  /** Replaces the quota's spec.hard (PUT). */
  | { kind: 'updateQuota'; hard: Record<string, number> }
  /** Patches spec.hard and adds a label (merge patch). */
  | { kind: 'patchQuota'; hard: Record<string, number> }
  /**
   * Writes status.hard through the status subresource, as a client (not the controller) would: a merge
   * patch, or (viaUpdate) a read and PUT of /status.
   */
  | { kind: 'patchQuotaStatus'; hard: Record<string, number>; viaUpdate?: boolean }
  /** Lists quotas in every namespace by the case's label. */
  | { kind: 'listQuotas' }
  /** Deletes the quota by name, or (byCollection) every quota in the namespace with the case's label. */
  | { kind: 'deleteQuota'; byCollection?: boolean };

export interface QuotaScenario {
  family: 'quota';
  quota: QuotaSpec;
  steps: QuotaStep[];
}

export interface LimitRangeScenario {
  family: 'limitrange';
  limitRange: LimitRangeSpec;
  pod: PodScenario;
  /** limitrange/lifecycle: the LimitRange listed, patched and deleted by collection between pods. */
  lifecycle?: LimitRangeLifecycle;
}

/**
 * What upstream's e2e "should list, patch and delete a LimitRange by collection" does to the LimitRange
 * (test/e2e/scheduling/limit_range.go), with a pod admitted after each step: `pod` after the create.
 */
export interface LimitRangeLifecycle {
  /** The spec the strategic merge patch puts in (spec.limits replaced), with the state label "patched". */
  patched: LimitRangeSpec;
  /** A copy of the created LimitRange in a second namespace: listed across namespaces, never deleted. */
  copyInOtherNamespace: boolean;
  /** Created after the patch: gets the patched defaults and constraints. */
  afterPatch: PodScenario;
  /** Created after the delete by collection: gets nothing. */
  afterDelete: PodScenario;
}

export interface PodSecurityScenario {
  family: 'podsecurity';
  labels: PodSecurityLabels;
  pod: PodScenario;
  /**
   * Pod Security check IDs (staging/src/k8s.io/pod-security-admission/policy/check_*.go) the pod was
   * built to violate, at any level, sorted; empty when it meets restricted. Lets a test check that a
   * rejection names the intended checks only.
   */
  intendedViolations?: string[];
}

export interface NetworkPolicyScenario {
  family: 'networkpolicy';
  policies: NetworkPolicySpec[];
  /** Topology pods ("x/a") and namespaces that carry NETPOL_UPDATED_LABEL (set by a mutation). */
  labelled?: { pods: string[]; namespaces: NetpolNamespace[] };
  /** One change made after the first probe matrix, then probed again (networkpolicy/updated-reachability). */
  mutation?: NetpolMutation;
}

export type Scenario =
  | TerminationScenario
  | HooksScenario
  | ProbesScenario
  | InitScenario
  | ResourcesScenario
  | QuotaScenario
  | LimitRangeScenario
  | PodSecurityScenario
  | NetworkPolicyScenario;

/** Scenario of each family, looked up by key. */
type ScenarioByFamily = { [K in Family]: Extract<Scenario, { family: K }> };

// Indexed access rather than Extract<Scenario, { family: F }>: F in a conditional type is invariant,
// so PropertyDefinition<'termination'> would not fit in a PropertyDefinition[] registry.
export type ScenarioOf<F extends Family> = ScenarioByFamily[F];
