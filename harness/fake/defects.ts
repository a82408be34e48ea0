import type { Family } from '../../model/scenario';

/**
 * Deliberate deviations from Kubernetes semantics the fake cluster can be told to commit, one or more
 * per property family, so every property is shown to fail when the cluster misbehaves (issue 5).
 */
export const FAKE_DEFECTS = {
  /** The runtime sends SIGKILL one second before the grace period is over. */
  'sigkill-early': 'termination',
  /** The runtime sends SIGKILL a minute after the grace period is over: later than any wait holds out. */
  'sigkill-late': 'termination',
  /** Sidecars get SIGTERM together with the main containers instead of after them. */
  'sidecars-stopped-with-mains': 'termination',
  /** Liveness and startup probes keep running (and killing) while the pod terminates. */
  'probes-during-termination': 'termination',
  /** Readiness probing stops when the pod is deleted: the last result (Ready) sticks until the container stops. */
  'readiness-stops-on-delete': 'termination',
  /** The EndpointSlice controller publishes every change 20 s late. */
  'endpoint-update-late': 'termination',
  /** The kubelet reports Running before postStart has returned. */
  'poststart-not-awaited': 'hooks',
  /** preStop hooks are never run. */
  'prestop-skipped': 'hooks',
  /**
   * The kubelet 1.22–1.27 ordering (kubernetes#115835): a pod deleted with gracePeriodSeconds 0 gets no
   * preStop, SIGTERM at once and SIGKILL after the spec's period, as the v1.23.13 and v1.26.1 nodes did.
   */
  'grace-zero-prestop-skipped': 'termination',
  /** An httpGet preStop to another pod's host is waited for as if answered, but its request is never sent. */
  'prestop-http-not-sent': 'hooks',
  /** postStart hooks are never run (the container counts as started at once). */
  'poststart-skipped': 'hooks',
  /**
   * httpGet hooks ignore scheme: an HTTPS hook goes as http://, as every kubelet before v1.26 (or with
   * ConsistentHTTPGetHandlers off) sent it; the TLS server answers 400 without serving it, and the status is not judged.
   */
  'hook-https-as-http': 'hooks',
  /** Readiness probes are ignored: containers are Ready as soon as they run. */
  'readiness-ignored': 'probes',
  /** Liveness probe failures never kill the container. */
  'liveness-ignored': 'probes',
  /** Exec probes wait for their command and count its exit status, however long it outlasts timeoutSeconds. */
  'exec-timeout-ignored': 'probes',
  /** A liveness probe kills only after failureThreshold + 1 consecutive failures. */
  'liveness-threshold-off-by-one': 'probes',
  /** Probes run every periodSeconds + 1 s. */
  'probe-period-off-by-one': 'probes',
  /** gRPC probes are never run, so they never fail. */
  'grpc-probe-ignored': 'probes',
  /** The HTTP prober follows redirects to other hosts (the kubelet stops at them: a success with a warning). */
  'redirect-followed-offhost': 'probes',
  /** tcpSocket liveness probes are never run, so they never fail. */
  'tcp-liveness-ignored': 'probes',
  /** failureThreshold readiness failures kill and restart the container, as liveness failures do. */
  'readiness-failure-restarts': 'probes',
  /** A startup probe that runs out of failures never kills the container (it just stays unstarted). */
  'startup-failure-not-restarted': 'probes',
  /** A startup probe's kill uses the pod's grace period, not the probe's terminationGracePeriodSeconds. */
  'startup-probe-grace-ignored': 'probes',
  /** After the startup probe passes, readiness waits for its next periodic tick instead of running at once. */
  'readiness-waits-for-tick-after-startup': 'probes',
  /** A gRPC probe counts any answer of a health server as success, NOT_SERVING included. */
  'grpc-health-status-ignored': 'probes',
  /** Init containers all start at once, together with the app containers. */
  'init-parallel': 'init',
  /** A failed init container counts as done: the next init container (then the app containers) starts. */
  'init-failure-continues': 'init',
  /** status.qosClass is computed from limits only (requests ignored). */
  'qos-wrong': 'resources',
  /** An OOM kill is reported with reason Error instead of OOMKilled. */
  'oom-as-error': 'resources',
  /** ResourceQuota admission lets everything through. */
  'quota-not-enforced': 'quota',
  /** The quota controller recounts pods on deletion but never gives back cpu/memory (they only grow). */
  'quota-usage-not-released': 'quota',
  /** The quota controller never releases what a deleted object other than a pod used (secrets, services, claims, ...). */
  'quota-object-not-released': 'quota',
  /** The quota controller never copies a changed spec.hard into status.hard (admission keeps the old limits). */
  'quota-hard-update-ignored': 'quota',
  /** Quota admission and the quota controller read spec.scopes only: a scopeSelector selects every pod. */
  'quota-scope-selector-ignored': 'quota',
  /**
   * Quota admission has no evaluator for custom resources (none is made for a resource it does not know):
   * their creates are admitted whatever the quota, while the quota controller still counts them.
   */
  'quota-custom-resources-not-enforced': 'quota',
  /** LimitRange defaults are not applied (min/max still are). */
  'limitrange-defaults-skipped': 'limitrange',
  /** The LimitRanger ignores ephemeral-storage: no defaults, no min/max/ratio for it. */
  'limitrange-ephemeral-ignored': 'limitrange',
  /** A LimitRange patch changes its labels but not its spec: pods keep getting the old defaults. */
  'limitrange-patch-ignored': 'limitrange',
  /** Pod Security enforce mode only warns. */
  'podsecurity-enforce-ignored': 'podsecurity',
  /** Pod Security audit mode adds no annotations to the audit event. */
  'podsecurity-audit-ignored': 'podsecurity',
  /** A pod update that changes a container's requests is stored, where validation forbids it. */
  'pod-resources-update-allowed': 'quota',
  /** Pod Security reads no AppArmor beta annotations (container.apparmor.security.beta.kubernetes.io/*). */
  'podsecurity-apparmor-annotations-ignored': 'podsecurity',
  /** The seccomp alpha annotations are neither synced to the fields nor read by Pod Security. */
  'podsecurity-seccomp-annotations-ignored': 'podsecurity',
  /** Pod Security has no windowsHostProcess check: hostProcess pods pass baseline. */
  'podsecurity-hostprocess-ignored': 'podsecurity',
  /** Pod Security has no procMount check: Unmasked containers pass baseline. */
  'podsecurity-procmount-ignored': 'podsecurity',
  /** NetworkPolicy egress rules are not enforced. */
  'netpol-egress-ignored': 'networkpolicy',
  /** NetworkPolicy endPort is dropped: a port entry allows its port only (kube-router before v1.3.0). */
  'netpol-end-port-ignored': 'networkpolicy',
  /** A NetworkPolicy port with protocol SCTP is enforced as TCP (upstream's "should not mistakenly treat 'protocol: SCTP' as 'protocol: TCP'"). */
  'netpol-sctp-as-tcp': 'networkpolicy',
  /** A NetworkPolicy with an SCTP port is not enforced at all: the pods it selects stay open. */
  'netpol-sctp-policy-skipped': 'networkpolicy',
  /** NetworkPolicy port entries with protocol SCTP admit nothing (SCTP into the pods they isolate is denied). */
  'netpol-sctp-ports-dropped': 'networkpolicy',
  /** A NetworkPolicy TCP port entry also admits SCTP to the same port (its rule leaves the protocol out). */
  'netpol-tcp-port-admits-sctp': 'networkpolicy',
  /** NetworkPolicy namespaceSelectors do not see the `kubernetes.io/metadata.name` label the API server sets. */
  'netpol-namespace-name-label-ignored': 'networkpolicy',
  /** The NetworkPolicy data plane keeps the labels a pod was created with: a pod's label change is never seen. */
  'netpol-pod-relabel-ignored': 'networkpolicy',
} as const satisfies Record<string, Family>;

export type FakeDefect = keyof typeof FAKE_DEFECTS;

export const ALL_FAKE_DEFECTS = Object.keys(FAKE_DEFECTS) as FakeDefect[];

/** The defects that break properties of one family. */
export function defectsOf(family: Family): FakeDefect[] {
  return ALL_FAKE_DEFECTS.filter((defect) => FAKE_DEFECTS[defect] === family);
}

/** A set of active defects with a readable membership test. */
export class DefectSet {
  private readonly active: ReadonlySet<FakeDefect>;

  constructor(defects: readonly FakeDefect[] = []) {
    this.active = new Set(defects);
  }

  has(defect: FakeDefect): boolean {
    return this.active.has(defect);
  }
}

/** A minute: later than any wait of the plan holds out for a small grace period (harness/plan.ts LATE_FACTOR). */
const SIGKILL_LATE_SECONDS = 60;

/** How far ahead of the end of the grace period a defective runtime sends SIGKILL (negative: behind it). */
export function sigkillAheadSeconds(defects: DefectSet): number {
  if (defects.has('sigkill-early')) return 1;
  return defects.has('sigkill-late') ? -SIGKILL_LATE_SECONDS : 0;
}

/** The threshold a probe result must reach, as a defect may miscount it. */
export function probeThreshold(
  defects: DefectSet,
  kind: string,
  success: boolean,
  threshold: number,
): number {
  return kind === 'liveness' && !success && defects.has('liveness-threshold-off-by-one')
    ? threshold + 1
    : threshold;
}

/** Seconds between probe ticks, as a defect may miscount them. */
export function probePeriodSeconds(defects: DefectSet, periodSeconds: number): number {
  return defects.has('probe-period-off-by-one') ? periodSeconds + 1 : periodSeconds;
}
