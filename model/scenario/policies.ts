/** Intent-level namespace policies: ResourceQuota, LimitRange, Pod Security labels, NetworkPolicy. */

export type QuotaScope =
  'BestEffort' | 'NotBestEffort' | 'Terminating' | 'NotTerminating' | 'CrossNamespacePodAffinity';

/**
 * Hard limits by resource name as the API spells them ("requests.cpu", "limits.memory", "pods",
 * "count/pods", "requests.example.com/dongle", ...); values in canonical units:
 * cpu in millicores, memory and storage in Mi, counts as integers.
 */
export interface QuotaSpec {
  name: string;
  hard: Record<string, number>;
  scopes: QuotaScope[];
  /** The scopes are written as spec.scopeSelector requirements (operator Exists) instead of spec.scopes. */
  viaScopeSelector?: boolean;
  /** A scopeSelector requirement on scope PriorityClass, values by the classes' short names. */
  priorityClassSelector?: { operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values: string[] };
}

/**
 * A namespaced object a quota counts, other than a pod: kubeprop creates it and maybe deletes it.
 * Replication controllers and replica sets have 0 replicas (the objects are counted, not their pods);
 * claims stay Pending (no provisioner serves the class names kubeprop uses), which quota counts alike.
 */
export type QuotaObject =
  | { kind: 'Service'; name: string; type: 'ClusterIP' | 'NodePort' | 'LoadBalancer'; ports: number }
  | { kind: 'Secret'; name: string }
  | { kind: 'ConfigMap'; name: string }
  | { kind: 'ReplicationController'; name: string }
  | { kind: 'ReplicaSet'; name: string }
  /** storageClassName "" (no class, never defaulted) when storageClass is absent. */
  | { kind: 'PersistentVolumeClaim'; name: string; storageMi: number; storageClass?: string }
  /**
   * An object of the case's own CustomResourceDefinition (namespaced, no schema beyond its metadata),
   * counted as count/<plural>.<group> (model/quota-objects.ts CUSTOM_RESOURCE_COUNT_KEY).
   */
  | { kind: 'CustomResource'; name: string };

export type QuotaObjectKind = QuotaObject['kind'];

export interface LimitRangeItem {
  /** Only the Container type is generated: the type the defaults apply to. */
  type: 'Container';
  /** Per resource ("cpu" in millicores, "memory" in Mi). */
  default?: Record<string, number>;
  defaultRequest?: Record<string, number>;
  min?: Record<string, number>;
  max?: Record<string, number>;
  maxLimitRequestRatio?: Record<string, number>;
}

export interface LimitRangeSpec {
  name: string;
  limits: LimitRangeItem[];
}

export type PodSecurityLevel = 'privileged' | 'baseline' | 'restricted';
export type PodSecurityMode = 'enforce' | 'warn' | 'audit';

export interface PodSecurityModeSetting {
  level: PodSecurityLevel;
  /** "latest" or "v1.N". */
  version: string;
}

export type PodSecurityLabels = Partial<Record<PodSecurityMode, PodSecurityModeSetting>>;

/** The fixed NetworkPolicy topology: namespaces x, y, z each with pods a, b, c (as upstream netpol e2e). */
export const NETPOL_NAMESPACES = ['x', 'y', 'z'] as const;
export const NETPOL_PODS = ['a', 'b', 'c'] as const;
export type NetpolNamespace = (typeof NETPOL_NAMESPACES)[number];
export type NetpolPodName = (typeof NETPOL_PODS)[number];

/** Every topology pod serves these ports (busybox); named ports are "serve-<port>-<proto>". */
export const NETPOL_PORTS: readonly { port: number; protocol: 'TCP' | 'UDP'; name: string }[] = [
  { port: 80, protocol: 'TCP', name: 'serve-80-tcp' },
  { port: 81, protocol: 'TCP', name: 'serve-81-tcp' },
  { port: 80, protocol: 'UDP', name: 'serve-80-udp' },
];

/**
 * Served too when the run carries SCTP traffic (model/networkpolicy/sctp.ts), from the server image
 * (busybox has no SCTP), as upstream's "using SCTP" tests serve 80/SCTP with `agnhost porter`. 81/SCTP is
 * left out: each served port is 72 more probes per case, and 80 against policy ports 79–82 already
 * hits and misses.
 */
export const NETPOL_SCTP_PORTS: readonly { port: number; protocol: 'SCTP'; name: string }[] = [
  { port: 80, protocol: 'SCTP', name: 'serve-80-sctp' },
];

/**
 * Label selector over the topology's labels (`pod: a|b|c`, `ns: x|y|z`, and on namespaces
 * `kubernetes.io/metadata.name: x|y|z`, the topology name for the real one).
 */
export interface Selector {
  matchLabels: Record<string, string>;
  matchExpressions?: {
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    values?: string[];
  }[];
}

export type NetpolPeer =
  | { kind: 'pod'; podSelector: Selector }
  | { kind: 'namespace'; namespaceSelector: Selector }
  | { kind: 'podInNamespace'; podSelector: Selector; namespaceSelector: Selector }
  /** CIDR relative to the pod network: the harness fills in real pod IPs; see model/networkpolicy. */
  | { kind: 'ipBlock'; cidr: string; except: string[] };

export interface NetpolPort {
  /** SCTP admits SCTP cells only, which exist when the run carries SCTP (model/networkpolicy/port-match.ts). */
  protocol: 'TCP' | 'UDP' | 'SCTP';
  /** A number, a named port, or absent for all ports of the protocol. */
  port?: number | string;
  endPort?: number;
}

export interface NetpolRule {
  /** Empty list: all peers. */
  peers: NetpolPeer[];
  /** Empty list: all ports. */
  ports: NetpolPort[];
}

export interface NetworkPolicySpec {
  name: string;
  namespace: NetpolNamespace;
  podSelector: Selector;
  /** Absent: the API default (Ingress, plus Egress when egress rules exist). */
  policyTypes?: ('Ingress' | 'Egress')[];
  ingress?: NetpolRule[];
  egress?: NetpolRule[];
}

/**
 * The label a mutation adds to a pod or a namespace, as upstream's update tests add `pod2: updated`,
 * `ns2: updated` or `target: isolated` (test/e2e/network/netpol/network_policy.go).
 */
export const NETPOL_UPDATED_LABEL = { key: 'updated', value: 'yes' } as const;

/**
 * A change within a case, after the first probe matrix (upstream's "should enforce updated policy",
 * "... from updated namespace", "... from updated pod", "should deny ingress access to updated pod",
 * "should stop enforcing policies after they are deleted").
 */
export type NetpolMutation =
  /** The policy with this name gets a new spec (an update, not a delete and create). */
  | { kind: 'updatePolicy'; policy: NetworkPolicySpec }
  | { kind: 'deletePolicy'; name: string }
  /** The pod gets NETPOL_UPDATED_LABEL. */
  | { kind: 'labelPod'; namespace: NetpolNamespace; pod: NetpolPodName }
  /** The namespace gets NETPOL_UPDATED_LABEL. */
  | { kind: 'labelNamespace'; namespace: NetpolNamespace };
