import { quotaPod } from './quota-pod';
import fc from 'fast-check';
import { atLeast, type Capabilities } from '../model/capabilities';
import type { ResourceList } from '../model/effective-request';
import {
  NAMESPACE_BASELINE,
  OBJECT_COUNT_KEYS,
  objectQuotaUsage,
  STORAGE_CLASS_SUFFIX,
} from '../model/quota-objects';
import type { PodScenario, QuotaObject, QuotaScenario, QuotaStep } from '../model/scenario';

/** Storage classes claims name: no provisioner serves them, so the claims stay Pending. */
export const STORAGE_CLASSES = ['kubeprop-gold', 'kubeprop-silver'] as const;

/** A generated object: one a quota counts, or a pod requesting ephemeral storage. */
type Counted = { kind: 'object'; object: QuotaObject } | { kind: 'pod'; pod: PodScenario };

const SHORT_NAME: Record<QuotaObject['kind'], string> = {
  Service: 'svc',
  Secret: 'secret',
  ConfigMap: 'cm',
  ReplicationController: 'rc',
  ReplicaSet: 'rs',
  PersistentVolumeClaim: 'pvc',
  CustomResource: 'cr',
};

/** A pod that only requests ephemeral storage (no cpu/memory: nothing else a quota could ask it to set). */
function ephemeralPod(name: string, mebibytes: number): PodScenario {
  return quotaPod(name, { requests: { ephemeralStorageMi: mebibytes }, limits: {} });
}

function counted(kinds: readonly (QuotaObject['kind'] | 'Pod')[]): fc.Arbitrary<Counted>[] {
  return kinds.map((kind) => {
    switch (kind) {
      case 'Pod':
        return fc
          .integer({ min: 1, max: 64 })
          .map((mi): Counted => ({ kind: 'pod', pod: ephemeralPod('', mi) }));
      case 'Service':
        return fc
          .record(
            {
              type: fc.constantFrom('ClusterIP' as const, 'NodePort' as const, 'LoadBalancer' as const),
              ports: fc.integer({ min: 1, max: 2 }),
            },
            { noNullPrototype: true },
          )
          .map((s): Counted => ({ kind: 'object', object: { kind: 'Service', name: '', ...s } }));
      case 'PersistentVolumeClaim':
        return fc
          .record(
            {
              storageMi: fc.integer({ min: 1, max: 100 }),
              storageClass: fc.option(fc.constantFrom(...STORAGE_CLASSES), { nil: undefined }),
            },
            { noNullPrototype: true },
          )
          .map(({ storageMi, storageClass }): Counted => ({
            kind: 'object',
            object: {
              kind: 'PersistentVolumeClaim',
              name: '',
              storageMi,
              ...(storageClass ? { storageClass } : {}),
            },
          }));
      default:
        return fc.constant<Counted>({ kind: 'object', object: { kind, name: '' } });
    }
  });
}

/** Names each generated object by its kind and position: the same name in every step. */
function named(item: Counted, index: number): Counted {
  if (item.kind === 'pod')
    return { kind: 'pod', pod: { ...item.pod, name: `pod-${index}`, labels: { app: `pod-${index}` } } };
  return { kind: 'object', object: { ...item.object, name: `${SHORT_NAME[item.object.kind]}-${index}` } };
}

function usageOf(item: Counted): ResourceList {
  if (item.kind === 'pod') {
    const mebibytes = item.pod.containers[0].resources.requests.ephemeralStorageMi ?? 0;
    return { pods: 1, 'requests.ephemeral-storage': mebibytes };
  }
  return objectQuotaUsage(item.object);
}

/**
 * The keys a quota over these items may track: for each kind present, a count (legacy name or
 * count/<resource>, always tracked: the witness that the quota controller caught up with a delete) and
 * the amounts it charges (services.nodeports/.loadbalancers, requests.storage and the storage classes'
 * shares, requests.ephemeral-storage with `pods` as the pods' witness).
 */
function candidateKeys(items: Counted[], countForm: boolean[]): { always: string[]; optional: string[] } {
  const always = new Set<string>();
  const optional = new Set<string>();
  items.forEach((item, i) => {
    if (item.kind === 'pod') {
      always.add('pods');
      optional.add('requests.ephemeral-storage');
      return;
    }
    const keys = OBJECT_COUNT_KEYS[item.object.kind];
    always.add(keys[countForm[i] ? keys.length - 1 : 0]);
    for (const key of Object.keys(objectQuotaUsage(item.object))) {
      if (!(keys as readonly string[]).includes(key) && !key.startsWith('count/')) optional.add(key);
    }
  });
  // The quota counts itself (quota.namespace-baseline): upstream's "status is promptly calculated".
  optional.add(countForm[0] ? 'count/resourcequotas' : 'resourcequotas');
  // Any class's share may be tracked, whichever class the claims name (a share nothing charges stays 0).
  if (items.some((i) => i.kind === 'object' && i.object.kind === 'PersistentVolumeClaim')) {
    for (const name of STORAGE_CLASSES)
      for (const r of ['requests.storage', 'persistentvolumeclaims'])
        optional.add(`${name}${STORAGE_CLASS_SUFFIX}${r}`);
  }
  return { always: [...always].sort(), optional: [...optional].filter((k) => !always.has(k)).sort() };
}

function stepOf(item: Counted): QuotaStep {
  return item.kind === 'pod'
    ? { kind: 'create', pod: item.pod }
    : { kind: 'createObject', object: item.object };
}

function deleteOf(item: Counted): QuotaStep {
  return item.kind === 'pod'
    ? { kind: 'delete', podName: item.pod.name }
    : { kind: 'deleteObject', objectKind: item.object.kind, name: item.object.name };
}

/**
 * Creates and deletes of objects a quota without scopes counts. The hard limits are derived from the
 * objects, so the first `fitting` fit (slack > 0) or fill the quota exactly (slack 0), later ones
 * overflow unless deletions freed room; deletions remove objects of that first group.
 */
export function quotaObjectsScenario(
  capabilities: Capabilities,
  constraints: { maxObjects?: number } = {},
): fc.Arbitrary<QuotaScenario> {
  // A default service account's token Secret exists before 1.24 (LegacyServiceAccountTokenNoAutoGeneration).
  const kinds: (QuotaObject['kind'] | 'Pod')[] = [
    'Service',
    'ConfigMap',
    'ReplicationController',
    'ReplicaSet',
    'PersistentVolumeClaim',
    'Pod',
    ...(atLeast(capabilities.version, 24) ? (['Secret'] as const) : []),
  ];
  const maxObjects = constraints.maxObjects ?? 5;
  return fc
    .record(
      {
        items: fc.array(fc.oneof(...counted(kinds)), { minLength: 1, maxLength: maxObjects }),
        countForm: fc.array(fc.boolean(), { minLength: maxObjects, maxLength: maxObjects }),
        extra: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        fitting: fc.nat(),
        slacks: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 50 })), {
          minLength: 16,
          maxLength: 16,
        }),
        deletions: fc.array(fc.nat(), { maxLength: 2 }),
      },
      { noNullPrototype: true },
    )
    .map(({ items: raw, countForm, extra, fitting: fittingSeed, slacks, deletions }) => {
      const items = raw.map(named);
      const { always, optional } = candidateKeys(items, countForm);
      const tracked = [...always, ...optional.filter((_, i) => extra[i % extra.length])];
      const fitting = fittingSeed % (items.length + 1);
      const hard: Record<string, number> = {};
      tracked.forEach((key, i) => {
        const used =
          (NAMESPACE_BASELINE[key] ?? 0) +
          items.slice(0, fitting).reduce((sum, item) => sum + (usageOf(item)[key] ?? 0), 0);
        const slack = slacks[i % slacks.length];
        // Counts get room for at most one more; amounts anything up to 50 units.
        const amount = key.endsWith('storage') ? slack : Math.min(1, slack);
        hard[key] = used + amount;
      });
      const deleted = fitting === 0 ? [] : [...new Set(deletions.map((d) => d % fitting))];
      const steps: QuotaStep[] = [
        ...items.slice(0, fitting).map(stepOf),
        ...deleted.map((i) => deleteOf(items[i])),
        ...items.slice(fitting).map(stepOf),
      ];
      return { family: 'quota' as const, quota: { name: 'quota', hard, scopes: [] }, steps };
    });
}
