import fc from 'fast-check';
import { quotaObjectsScenario } from '../../generators';
import { quotaObjectManifest } from '../../generators/manifests/quota-object-manifest';
import { objectUsage } from '../../harness/fake/admission/object-quota';
import { defaultCapabilities, LATEST_VERSION, OLDEST_VERSION } from '../../model/capabilities';
import { objectQuotaUsage } from '../../model/quota-objects';

const OPTIONS = { image: 'busybox', namespace: 'ns', labels: {} };

describe('model/quota-objects objectQuotaUsage', () => {
  it('counts node ports for NodePort and LoadBalancer services only, and load balancers', () => {
    expect(objectQuotaUsage({ kind: 'Service', name: 's', type: 'ClusterIP', ports: 2 })).toMatchObject({
      services: 1,
      'services.nodeports': 0,
      'services.loadbalancers': 0,
    });
    expect(objectQuotaUsage({ kind: 'Service', name: 's', type: 'NodePort', ports: 2 })).toMatchObject({
      'services.nodeports': 2,
      'services.loadbalancers': 0,
    });
    expect(objectQuotaUsage({ kind: 'Service', name: 's', type: 'LoadBalancer', ports: 1 })).toMatchObject({
      'services.nodeports': 1,
      'services.loadbalancers': 1,
    });
  });

  it("charges a claim's storage to its class only when it names one", () => {
    const gold = objectQuotaUsage({
      kind: 'PersistentVolumeClaim',
      name: 'c',
      storageMi: 5,
      storageClass: 'gold',
    });
    expect(gold).toEqual({
      persistentvolumeclaims: 1,
      'count/persistentvolumeclaims': 1,
      'requests.storage': 5,
      'gold.storageclass.storage.k8s.io/persistentvolumeclaims': 1,
      'gold.storageclass.storage.k8s.io/requests.storage': 5,
    });
    expect(Object.keys(objectQuotaUsage({ kind: 'PersistentVolumeClaim', name: 'c', storageMi: 5 }))).toEqual(
      ['persistentvolumeclaims', 'count/persistentvolumeclaims', 'requests.storage'],
    );
  });

  it("agrees with the fake's evaluators on every generated object's manifest", () => {
    fc.assert(
      fc.property(quotaObjectsScenario(defaultCapabilities(LATEST_VERSION)), (scenario) => {
        for (const step of scenario.steps) {
          if (step.kind !== 'createObject') continue;
          expect(objectUsage(quotaObjectManifest(step.object, OPTIONS))).toEqual(
            objectQuotaUsage(step.object),
          );
        }
      }),
      { numRuns: 50, seed: 1 },
    );
  });

  it('tracks no secrets before 1.24 (a token Secret is generated per namespace there)', () => {
    const scenarios = fc.sample(quotaObjectsScenario(defaultCapabilities(OLDEST_VERSION)), {
      numRuns: 60,
      seed: 2,
    });
    const keys = scenarios.flatMap((s) => Object.keys(s.quota.hard));
    expect(keys.some((k) => k.includes('secrets'))).toBe(false);
  });
});
