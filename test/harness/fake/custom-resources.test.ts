import type { V1ResourceQuota } from '@kubernetes/client-node';
import {
  countKeyOf,
  customResourceDefinitionManifest,
  customResourceManifest,
  customResourceType,
} from '../../../generators/manifests/custom-resource';
import { ClusterError } from '../../../harness/cluster-error';
import type { CreateResult, ManagedObject } from '../../../harness/cluster-port';
import { createFakeAdmission, quotaUsage } from '../../../harness/fake/admission';
import type { FakeDefect } from '../../../harness/fake/defects';
import { FakeCluster } from '../../../harness/fake/fake-cluster';

const NS = 'kp-run-c1';
const OPTIONS = { image: 'busybox', namespace: NS, labels: { 'app.kubernetes.io/managed-by': 'kubeprop' } };
const TYPE = customResourceType(NS);
const KEY = countKeyOf(TYPE);
const CRD = `${TYPE.plural}.${TYPE.group}`;

async function cluster(defects: FakeDefect[] = []): Promise<FakeCluster> {
  const fake = new FakeCluster({
    admission: createFakeAdmission({ defects }),
    quotaUsage,
    defects,
    nodes: [],
  });
  await fake.createNamespace({ metadata: { name: NS } });
  return fake;
}

const cr = (name: string): ManagedObject => customResourceManifest(name, OPTIONS);

function quota(count: number): ManagedObject {
  return { kind: 'ResourceQuota', metadata: { name: 'q' }, spec: { hard: { [KEY]: String(count) } } };
}

async function used(fake: FakeCluster): Promise<V1ResourceQuota['status']> {
  return (await fake.readResourceQuota(NS, 'q'))?.status;
}

function denial(result: CreateResult): string | undefined {
  return result.ok ? undefined : result.body.message;
}

describe('custom resources on the fake cluster', () => {
  test('a CRD is Established after a second; its resource is served only then', async () => {
    const fake = await cluster();
    expect((await fake.create(NS, customResourceDefinitionManifest(OPTIONS))).ok).toBe(true);
    const before = await fake.readCustomResourceDefinition(CRD);
    expect(before?.status?.conditions?.find((c) => c.type === 'Established')?.status).toBe('False');
    await expect(fake.create(NS, cr('early'))).rejects.toMatchObject({ kind: 'notFound', status: 404 });
    await fake.clock.sleep(1000);
    const after = await fake.readCustomResourceDefinition(CRD);
    expect(after?.status?.conditions?.find((c) => c.type === 'Established')?.status).toBe('True');
    expect((await fake.create(NS, cr('cr-0'))).ok).toBe(true);
    expect(await fake.listCustomObjectNames(NS, TYPE)).toEqual(['cr-0']);
    await expect(fake.create(NS, customResourceDefinitionManifest(OPTIONS))).rejects.toBeInstanceOf(
      ClusterError,
    );
  });

  test('the quota controller counts the resource only from a sync after its discovery (every 30 s)', async () => {
    const fake = await cluster();
    await fake.create(NS, customResourceDefinitionManifest(OPTIONS));
    await fake.clock.sleep(1000);
    await fake.create(NS, quota(1));
    await fake.clock.sleep(2000);
    // Synced, but without the count: admission cannot charge it (CheckRequest hasUsageStats).
    expect(await used(fake)).toEqual({ hard: { [KEY]: '1' }, used: {} });
    expect(denial(await fake.create(NS, cr('cr-0')))).toBe(
      `${CRD} "cr-0" is forbidden: status unknown for quota: q, resources: ${KEY}`,
    );
    // The discovery itself queues no quota: still unknown after it.
    await fake.clock.sleep(30_000);
    expect((await used(fake))?.used).toEqual({});
    // A spec change queues a sync, which now counts the resource.
    await fake.updateResourceQuota(NS, 'q', { [KEY]: '2' });
    await fake.clock.sleep(2000);
    expect((await used(fake))?.used).toEqual({ [KEY]: '0' });
    expect((await fake.create(NS, cr('cr-0'))).ok).toBe(true);
    expect((await fake.create(NS, cr('cr-1'))).ok).toBe(true);
    expect(denial(await fake.create(NS, cr('cr-2')))).toBe(
      `${CRD} "cr-2" is forbidden: exceeded quota: q, requested: ${KEY}=1, used: ${KEY}=2, limited: ${KEY}=2`,
    );
    await fake.deleteCustomObject(NS, TYPE, 'cr-0');
    await fake.clock.sleep(2000);
    expect((await used(fake))?.used).toEqual({ [KEY]: '1' });
  });

  test('a deleted CRD takes its custom resources with it, then goes', async () => {
    const fake = await cluster();
    await fake.create(NS, customResourceDefinitionManifest(OPTIONS));
    await fake.clock.sleep(1000);
    await fake.create(NS, cr('cr-0'));
    await fake.deleteCustomResourceDefinition(CRD);
    expect((await fake.readCustomResourceDefinition(CRD))?.metadata?.deletionTimestamp).toBeDefined();
    await fake.clock.sleep(2000);
    expect(fake.customResourceDefinitionNames()).toEqual([]);
    await expect(fake.listCustomObjectNames(NS, TYPE)).rejects.toMatchObject({ kind: 'notFound' });
    // Deleting one already gone is not an error (the cleanup may run twice).
    await expect(fake.deleteCustomResourceDefinition(CRD)).resolves.toBeUndefined();
  });

  test('defect quota-custom-resources-not-enforced: admission admits custom resources over hard', async () => {
    const fake = await cluster(['quota-custom-resources-not-enforced']);
    await fake.create(NS, customResourceDefinitionManifest(OPTIONS));
    await fake.clock.sleep(31_000);
    await fake.create(NS, quota(0));
    await fake.clock.sleep(2000);
    expect((await used(fake))?.used).toEqual({ [KEY]: '0' });
    expect((await fake.create(NS, cr('cr-0'))).ok).toBe(true);
    // The quota controller still counts it: usage over hard.
    await fake.clock.sleep(2000);
    expect((await used(fake))?.used).toEqual({ [KEY]: '1' });
  });
});
