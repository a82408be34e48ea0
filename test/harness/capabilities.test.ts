import type { V1Node, V1Pod } from '@kubernetes/client-node';
import {
  detectCapabilities,
  detectDistribution,
  describeNode,
  PROBE_NAMESPACE,
} from '../../harness/capabilities';
import { ClusterError } from '../../harness/cluster-error';
import { createFakeAdmission } from '../../harness/fake/admission';
import { FakeCluster } from '../../harness/fake/fake-cluster';
import { parseServerVersion } from '../../model/capabilities';
import type { CreateResult, ManagedObject } from '../../harness/cluster-port';
import { StubPort } from './support/stub-port';

/** A dry run that admits every pod after applying `mutate`, like dropDisabledFields would. */
function admitting(mutate: (pod: V1Pod) => V1Pod | 'reject' = (pod) => pod) {
  const seen: Array<[string, ManagedObject]> = [];
  const dryRun = async (namespace: string, object: ManagedObject): Promise<CreateResult> => {
    seen.push([namespace, object]);
    const copy = JSON.parse(JSON.stringify(object)) as V1Pod;
    const result = mutate(copy);
    if (result === 'reject') {
      return { ok: false, status: 422, body: { code: 422, reason: 'Invalid' }, warnings: [] };
    }
    return { ok: true, object: { ...result, kind: 'Pod' }, warnings: [] };
  };
  return { dryRun, seen };
}

const worker: V1Node = {
  metadata: { name: 'kp-worker', labels: {} },
  spec: { providerID: 'kind://docker/kp/kp-worker' },
  status: {
    allocatable: { cpu: '8', memory: '16Gi', pods: '110' },
    nodeInfo: {
      kubeletVersion: 'v1.34.0',
      containerRuntimeVersion: 'containerd://2.1.4',
      osImage: 'Debian GNU/Linux 12 (bookworm)',
      architecture: 'amd64',
      bootID: '',
      kernelVersion: '',
      kubeProxyVersion: '',
      machineID: '',
      operatingSystem: 'linux',
      systemUUID: '',
    },
  },
};
const controlPlane: V1Node = {
  metadata: { name: 'kp-control-plane', labels: { 'node-role.kubernetes.io/control-plane': '' } },
  spec: {
    providerID: 'kind://docker/kp/kp-control-plane',
    taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
  },
};

describe('detectCapabilities', () => {
  test('a feature the server keeps is enabled even where the version default says no', async () => {
    // v1.27: SidecarContainers is alpha (off) by default, gRPC probes GA (feature-gates reference).
    const port = new StubPort();
    port.version = { major: 1, minor: 27, gitVersion: 'v1.27.3' };
    const { dryRun, seen } = admitting();
    port.dryRun = dryRun;
    const detected = await detectCapabilities(port);
    expect(detected.capabilities.sidecars).toBe(true);
    expect(detected.probes.sidecars).toBe('kept');
    expect(seen.every(([namespace]) => namespace === PROBE_NAMESPACE)).toBe(true);
    expect(seen).toHaveLength(5);
  });

  test('gRPC probes follow the version: a v1.23 server keeps the grpc field with the kubelet gate off', async () => {
    const port = new StubPort();
    port.version = { major: 1, minor: 23, gitVersion: 'v1.23.13' };
    const { dryRun, seen } = admitting((pod) => pod);
    port.dryRun = dryRun;
    const detected = await detectCapabilities(port);
    expect(detected.capabilities.grpcProbes).toBe(false);
    expect(seen.some(([, pod]) => JSON.stringify(pod).includes('"grpc"'))).toBe(false);
  });

  test('dropped and rejected fields turn the capability off', async () => {
    const port = new StubPort();
    const { dryRun } = admitting((pod) => {
      const sleep = pod.spec?.containers[0]?.lifecycle?.preStop?.sleep;
      if (sleep?.seconds === 0) return 'reject';
      for (const init of pod.spec?.initContainers ?? []) delete init.restartPolicy;
      return pod;
    });
    port.dryRun = dryRun;
    const detected = await detectCapabilities(port);
    expect(detected.probes).toEqual({
      sidecars: 'dropped',
      sleepAction: 'kept',
      sleepZero: 'rejected',
      probeGrace: 'kept',
      procMount: 'kept',
    });
    expect(detected.capabilities).toMatchObject({
      sidecars: false,
      sleepAction: true,
      sleepZero: false,
      probeGrace: true,
    });
    expect(detected.capabilities.networkPolicyEnforced).toBeUndefined();
  });

  test('without dry runs, or when they fail, the version defaults hold', async () => {
    const port = new StubPort();
    port.version = { major: 1, minor: 28, gitVersion: 'v1.28.0' };
    const defaults = await detectCapabilities(port);
    // 1.28: sidecars alpha (off), sleep action not yet there, probe grace GA.
    expect(defaults.capabilities).toMatchObject({ sidecars: false, sleepAction: false, probeGrace: true });
    expect(Object.values(defaults.probes)).toEqual(Array(5).fill('unprobed'));

    port.dryRun = async () => {
      throw new ClusterError('forbidden', 'no', 403);
    };
    const denied = await detectCapabilities(port);
    expect(denied.capabilities).toEqual(defaults.capabilities);
  });

  test('reports nodes with roles, schedulability, allocatable and runtime', async () => {
    const port = new StubPort();
    port.nodes = [controlPlane, worker];
    const detected = await detectCapabilities(port);
    expect(detected.distribution).toBe('kind');
    expect(detected.nodes.map((node) => [node.name, node.schedulable, node.roles])).toEqual([
      ['kp-control-plane', false, ['control-plane']],
      ['kp-worker', true, []],
    ]);
    expect(describeNode(worker)).toMatchObject({
      allocatable: { cpu: '8', memory: '16Gi', pods: '110' },
      containerRuntimeVersion: 'containerd://2.1.4',
      kubeletVersion: 'v1.34.0',
    });
  });
});

describe('the procMount probe', () => {
  test('a Pod Security rejection that names procMount shows the field kept; a validation error does not', async () => {
    const port = new StubPort();
    port.version = { major: 1, minor: 26, gitVersion: 'v1.26.1' };
    const refusing = (status: number, message: string) => async (): Promise<CreateResult> => ({
      ok: false,
      status,
      body: { code: status, message },
      warnings: [],
    });
    // A cluster-wide baseline default on "default" (AdmissionConfiguration defaults).
    port.dryRun = refusing(
      403,
      'pods "kubeprop-probe-procmount" is forbidden: violates PodSecurity "baseline:latest": procMount (container "c" must not set securityContext.procMount to "Unmasked")',
    );
    expect((await detectCapabilities(port)).probes.procMount).toBe('kept');
    port.dryRun = refusing(
      422,
      'Pod "kubeprop-probe-procmount" is invalid: spec.containers[0].securityContext.procMount: Invalid value: "Unmasked": `hostUsers` must be false to use `Unmasked`',
    );
    const rejected = await detectCapabilities(port);
    expect(rejected.probes.procMount).toBe('rejected');
    expect(rejected.capabilities.procMount).toBe(false);
  });

  /** The fake API server with its admission chain and the given ProcMountType gate, "default" created. */
  async function fakeOn(version: string, procMountType?: boolean): Promise<FakeCluster> {
    const serverVersion = parseServerVersion(version);
    const fake = new FakeCluster({
      serverVersion,
      admission: createFakeAdmission({ serverVersion, procMountType }),
    });
    await fake.createNamespace({ metadata: { name: PROBE_NAMESPACE } });
    return fake;
  }

  test.each([
    // 1.26: the gate is alpha and off by default, so Unmasked goes back to Default.
    ['v1.26.1', undefined, 'dropped', false],
    ['v1.26.1', true, 'kept', true],
    // 1.33: on by default, but from 1.30 Unmasked needs hostUsers: false, which the probe does not set.
    ['v1.33.0', undefined, 'rejected', false],
    ['v1.29.0', false, 'dropped', false],
  ] as const)('on a fake %s with the gate %s: %s', async (version, gate, outcome, capability) => {
    const detected = await detectCapabilities(await fakeOn(version, gate));
    expect(detected.probes.procMount).toBe(outcome);
    expect(detected.capabilities.procMount).toBe(capability);
  });
});

describe('detectDistribution', () => {
  test('k3s by version suffix or instance type, kind by provider ID', () => {
    const version = { major: 1, minor: 34, gitVersion: 'v1.34.1' };
    expect(detectDistribution({ ...version, gitVersion: 'v1.34.1+k3s1' }, [])).toBe('k3s');
    expect(
      detectDistribution(version, [{ metadata: { labels: { 'node.kubernetes.io/instance-type': 'k3s' } } }]),
    ).toBe('k3s');
    expect(detectDistribution(version, [worker])).toBe('kind');
    expect(detectDistribution(version, [{ spec: { providerID: 'aws:///eu-west-1a/i-0abc' } }])).toBe(
      'unknown',
    );
  });
});
