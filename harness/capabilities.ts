import type { V1Node, V1Pod } from '@kubernetes/client-node';
import { defaultCapabilities, type Capabilities, type ServerVersion } from '../model/capabilities';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from '../model/labels';
import type { ClusterPort, ManagedObject } from './cluster-port';

/**
 * Capabilities a dry-run create can confirm: the server keeps the field, or drops/rejects it. gRPC
 * probes are not among them: no API server drops the grpc field (pkg/api/pod/util.go has no drop for
 * it), the kubelet's GRPCContainerProbe gate alone decides (prober.go runProbe: "missing probe
 * handler" when off, as a v1.23.13 node answered a kept field), so its version default holds.
 */
export type ProbedCapability = 'sidecars' | 'sleepAction' | 'sleepZero' | 'probeGrace' | 'procMount';

/**
 * kept: admitted with the field intact. dropped: admitted without it (feature gate off, or a server
 * too old to know the field). rejected: 4xx. unprobed: no dry run possible; the version default holds.
 */
export type ProbeOutcome = 'kept' | 'dropped' | 'rejected' | 'unprobed';

export type Distribution = 'kind' | 'k3s' | 'unknown';

export interface DetectedNode {
  name: string;
  /** Accepts ordinary pods: not cordoned, no NoSchedule/NoExecute taint. */
  schedulable: boolean;
  roles: string[];
  allocatable: Record<string, string>;
  kubeletVersion: string;
  containerRuntimeVersion: string;
  osImage: string;
}

export interface DetectedCluster {
  version: ServerVersion;
  /** networkPolicyEnforced stays undefined: harness/netpol/enforcement-canary.ts probes it. */
  capabilities: Capabilities;
  probes: Record<ProbedCapability, ProbeOutcome>;
  distribution: Distribution;
  nodes: DetectedNode[];
}

/** Dry runs need an existing namespace; "default" exists in every cluster and nothing is persisted. */
export const PROBE_NAMESPACE = 'default';
const PROBE_IMAGE = 'busybox:1.36';

const main = { name: 'c', image: PROBE_IMAGE, command: ['sh', '-c', 'sleep 1'] };

function probePod(feature: ProbedCapability, spec: Partial<NonNullable<V1Pod['spec']>>): ManagedObject {
  return {
    kind: 'Pod',
    metadata: {
      name: `kubeprop-probe-${feature.toLowerCase()}`,
      labels: { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE },
    },
    spec: { containers: [main], restartPolicy: 'Never', ...spec },
  };
}

interface FeatureProbe {
  pod: ManagedObject;
  /** Whether the admitted pod still carries the feature's field. */
  kept(pod: V1Pod): boolean;
  /** Whether a rejection shows the field kept: admission, which runs after the drop, refused it. */
  keptIfRefused?(message: string): boolean;
}

/**
 * One pod per feature, so a rejection of one field cannot hide another. Disabled-gate fields are
 * cleared on create by pkg/api/pod/util.go dropDisabledFields (or rejected by validation), which is
 * what "dropped"/"rejected" detect.
 */
const PROBES: Record<ProbedCapability, FeatureProbe> = {
  // KEP-753: an init container with restartPolicy Always is a sidecar.
  sidecars: {
    pod: probePod('sidecars', { initContainers: [{ ...main, name: 'sidecar', restartPolicy: 'Always' }] }),
    kept: (pod) => pod.spec?.initContainers?.[0]?.restartPolicy === 'Always',
  },
  // KEP-3960: lifecycle sleep action.
  sleepAction: {
    pod: probePod('sleepAction', {
      containers: [{ ...main, lifecycle: { preStop: { sleep: { seconds: 1 } } } }],
    }),
    kept: (pod) => pod.spec?.containers[0]?.lifecycle?.preStop?.sleep?.seconds === 1,
  },
  // KEP-4818: sleep of zero seconds (PodLifecycleSleepActionAllowZero).
  sleepZero: {
    pod: probePod('sleepZero', {
      containers: [{ ...main, lifecycle: { preStop: { sleep: { seconds: 0 } } } }],
    }),
    kept: (pod) => pod.spec?.containers[0]?.lifecycle?.preStop?.sleep?.seconds === 0,
  },
  // KEP-2238: probe-level terminationGracePeriodSeconds.
  probeGrace: {
    pod: probePod('probeGrace', {
      containers: [
        { ...main, livenessProbe: { exec: { command: ['true'] }, terminationGracePeriodSeconds: 7 } },
      ],
    }),
    kept: (pod) => pod.spec?.containers[0]?.livenessProbe?.terminationGracePeriodSeconds === 7,
  },
  // KEP-4265: with the ProcMountType gate off the server sets Unmasked back to Default
  // (dropDisabledProcMountField); from 1.30 validation rejects it on a pod without hostUsers: false.
  procMount: {
    pod: probePod('procMount', { containers: [{ ...main, securityContext: { procMount: 'Unmasked' } }] }),
    kept: (pod) => pod.spec?.containers[0]?.securityContext?.procMount === 'Unmasked',
    // A cluster-wide Pod Security default (AdmissionConfiguration defaults) may enforce baseline on "default".
    keptIfRefused: (message) => message.includes('violates PodSecurity') && message.includes('procMount'),
  },
};

async function probe(port: ClusterPort, feature: FeatureProbe): Promise<ProbeOutcome> {
  if (!port.dryRunCreate) return 'unprobed';
  try {
    const result = await port.dryRunCreate(PROBE_NAMESPACE, feature.pod);
    if (!result.ok) return feature.keptIfRefused?.(result.body.message ?? '') ? 'kept' : 'rejected';
    return result.object.kind === 'Pod' && feature.kept(result.object) ? 'kept' : 'dropped';
  } catch {
    // Forbidden, unreachable mid-way, ...: no evidence either way, keep the version default.
    return 'unprobed';
  }
}

const NO_SCHEDULE_EFFECTS = new Set(['NoSchedule', 'NoExecute']);
const ROLE_LABEL_PREFIX = 'node-role.kubernetes.io/';

export function describeNode(node: V1Node): DetectedNode {
  const labels = node.metadata?.labels ?? {};
  const info = node.status?.nodeInfo;
  return {
    name: node.metadata?.name ?? '',
    schedulable:
      node.spec?.unschedulable !== true &&
      !(node.spec?.taints ?? []).some((taint) => NO_SCHEDULE_EFFECTS.has(taint.effect)),
    roles: Object.keys(labels)
      .filter((label) => label.startsWith(ROLE_LABEL_PREFIX))
      .map((label) => label.slice(ROLE_LABEL_PREFIX.length)),
    allocatable: { ...(node.status?.allocatable ?? {}) },
    kubeletVersion: info?.kubeletVersion ?? '',
    containerRuntimeVersion: info?.containerRuntimeVersion ?? '',
    osImage: info?.osImage ?? '',
  };
}

/**
 * k3s: "+k3s" in the version and the "k3s" instance type its cloud provider sets on nodes;
 * kind: the provider ID "kind://docker/<cluster>/<node>" kind's nodes carry.
 */
export function detectDistribution(version: ServerVersion, nodes: V1Node[]): Distribution {
  if (version.gitVersion.includes('+k3s')) return 'k3s';
  if (nodes.some((node) => node.metadata?.labels?.['node.kubernetes.io/instance-type'] === 'k3s'))
    return 'k3s';
  if (nodes.some((node) => node.spec?.providerID?.startsWith('kind://'))) return 'kind';
  return 'unknown';
}

/** Version defaults (model/capabilities.ts), refined by what the server actually keeps. */
export async function detectCapabilities(port: ClusterPort): Promise<DetectedCluster> {
  const [version, nodes] = await Promise.all([port.serverVersion(), port.listNodes()]);
  const features = Object.keys(PROBES) as ProbedCapability[];
  const outcomes = await Promise.all(features.map((feature) => probe(port, PROBES[feature])));
  const probes = Object.fromEntries(features.map((feature, index) => [feature, outcomes[index]])) as Record<
    ProbedCapability,
    ProbeOutcome
  >;
  const capabilities: Capabilities = { ...defaultCapabilities(version) };
  for (const feature of features) {
    if (probes[feature] !== 'unprobed') capabilities[feature] = probes[feature] === 'kept';
  }
  return {
    version,
    capabilities,
    probes,
    distribution: detectDistribution(version, nodes),
    nodes: nodes.map(describeNode),
  };
}
