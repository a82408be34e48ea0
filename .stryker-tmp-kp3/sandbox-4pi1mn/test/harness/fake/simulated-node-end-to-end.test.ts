// @ts-nocheck
import type { V1Pod } from '@kubernetes/client-node';
import type { ManagedObject } from '../../../harness/cluster-port';
import type { PodScenario } from '../../../model/scenario';
import { createFakeAdmission, quotaUsage } from '../../../harness/fake/admission';
import { FakeCluster } from '../../../harness/fake/fake-cluster';
import { createFakeKubelet } from '../../../harness/fake/kubelet/fake-kubelet';
import type { FakeDefect } from '../../../harness/fake/defects';
import { containerScenario, podFrom, podScenario } from './scenario-pods';

/** The simulated node and admission plugged into the fake API server (issues 4 and 5). */

function cluster(defects: FakeDefect[] = []): FakeCluster {
  return new FakeCluster({
    kubelet: createFakeKubelet({ defects, seed: 11 }),
    admission: createFakeAdmission({ defects }),
    quotaUsage,
  });
}

async function until(fake: FakeCluster, what: () => Promise<boolean>, seconds: number): Promise<void> {
  for (let i = 0; i < seconds * 10; i++) {
    if (await what()) return;
    await fake.clock.sleep(100);
  }
  throw new Error('condition not reached in virtual time');
}

const managed = (scenario: PodScenario): ManagedObject => ({ ...podFrom(scenario), kind: 'Pod' });

const ready = (pod: V1Pod | undefined) =>
  pod?.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

describe('simulated node in the fake cluster', () => {
  it('runs a pod to Ready, stops it on delete with SIGTERM then SIGKILL, and the API removes it', async () => {
    const fake = cluster();
    await fake.createNamespace({ metadata: { name: 'ns' } });
    const created = await fake.create('ns', managed(podScenario({ terminationGracePeriodSeconds: 3 })));
    expect(created.ok).toBe(true);
    await until(fake, async () => ready(await fake.readPod('ns', 'p')), 10);
    await fake.deletePod('ns', 'p');
    await until(fake, async () => (await fake.readPod('ns', 'p')) === undefined, 15);
    const reasons = (await fake.listEvents('ns')).items.map((e) => e.reason);
    expect(reasons).toEqual(expect.arrayContaining(['Scheduled', 'Pulled', 'Created', 'Started', 'Killing']));
  });

  it('quota: exact fill is admitted, one more pod is refused', async () => {
    const fake = cluster();
    await fake.createNamespace({ metadata: { name: 'ns' } });
    await fake.create('ns', {
      kind: 'ResourceQuota',
      metadata: { name: 'q' },
      spec: { hard: { 'requests.cpu': '100m', 'limits.cpu': '100m', pods: '5' } },
    });
    await until(fake, async () => (await fake.readResourceQuota('ns', 'q'))?.status?.hard !== undefined, 5);
    const sized = (name: string) =>
      managed(
        podScenario({
          name,
          containers: [
            containerScenario('c', { resources: { requests: { cpuMilli: 50 }, limits: { cpuMilli: 50 } } }),
          ],
        }),
      );
    expect((await fake.create('ns', sized('one'))).ok).toBe(true);
    expect((await fake.create('ns', sized('two'))).ok).toBe(true);
    const three = await fake.create('ns', sized('three'));
    expect(three.ok ? '' : three.body.message).toContain('exceeded quota: q');
    await until(
      fake,
      async () => (await fake.readResourceQuota('ns', 'q'))?.status?.used?.['requests.cpu'] === '100m',
      5,
    );
  });

  it('with quota-not-enforced the same pod is admitted', async () => {
    const fake = cluster(['quota-not-enforced']);
    await fake.createNamespace({ metadata: { name: 'ns' } });
    await fake.create('ns', {
      kind: 'ResourceQuota',
      metadata: { name: 'q' },
      spec: { hard: { pods: '0' } },
    });
    await until(fake, async () => (await fake.readResourceQuota('ns', 'q'))?.status?.hard !== undefined, 5);
    expect((await fake.create('ns', managed(podScenario()))).ok).toBe(true);
  });
});
