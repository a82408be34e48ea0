import fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import { NAMESPACE_BASELINE } from '../model/quota-objects';
import type { QuotaScenario, QuotaStep } from '../model/scenario';

/** What is done to the quota between ConfigMap creates (upstream's update, patch, status and list tests). */
type Operation = 'create' | 'update' | 'patch' | 'status' | 'list';

/**
 * A quota on configmaps that is updated (PUT), patched, status-patched and listed by label while
 * ConfigMaps are created, then (usually) deleted with ConfigMaps still there, after which creates
 * beyond its old limit are admitted. Each new hard is derived from the ConfigMaps admitted so far, so
 * some creates fill it exactly and others overflow. A status patch is followed at once by a ConfigMap
 * delete: admission enforces status.hard, so a create in between would judge the client's value, which
 * only that delete's sync (or the 5-minute resync) replaces.
 */
export function quotaLifecycleScenario(_capabilities: Capabilities): fc.Arbitrary<QuotaScenario> {
  const operation = fc.constantFrom<Operation>('create', 'create', 'update', 'patch', 'status', 'list');
  return fc
    .record(
      {
        initial: fc.integer({ min: 1, max: 2 }),
        operations: fc.array(operation, { minLength: 1, maxLength: 5 }),
        slacks: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: 8, maxLength: 8 }),
        statusBonus: fc.integer({ min: 1, max: 3 }),
        statusViaUpdate: fc.boolean(),
        deleteQuota: fc.boolean(),
        byCollection: fc.boolean(),
        after: fc.integer({ min: 1, max: 2 }),
      },
      { noNullPrototype: true },
    )
    .map(
      ({ initial, operations, slacks, statusBonus, statusViaUpdate, deleteQuota, byCollection, after }) => {
        const baseline = NAMESPACE_BASELINE.configmaps;
        let limit = baseline + initial;
        const live: string[] = [];
        let next = 0;
        const steps: QuotaStep[] = [];
        const create = () => {
          const name = `cm-${next++}`;
          steps.push({ kind: 'createObject', object: { kind: 'ConfigMap', name } });
          if (baseline + live.length + 1 <= limit) live.push(name);
        };
        for (let i = 0; i < initial; i++) create();
        operations.forEach((op, i) => {
          const slack = slacks[i % slacks.length];
          switch (op) {
            case 'create':
              create();
              break;
            case 'update':
            case 'patch':
              limit = baseline + live.length + slack;
              steps.push({
                kind: op === 'update' ? 'updateQuota' : 'patchQuota',
                hard: { configmaps: limit },
              });
              break;
            case 'status': {
              const victim = live.pop();
              if (!victim) {
                steps.push({ kind: 'listQuotas' });
                break;
              }
              steps.push(
                {
                  kind: 'patchQuotaStatus',
                  hard: { configmaps: limit + statusBonus },
                  ...(statusViaUpdate ? { viaUpdate: true } : {}),
                },
                { kind: 'deleteObject', objectKind: 'ConfigMap', name: victim },
              );
              break;
            }
            case 'list':
              steps.push({ kind: 'listQuotas' });
              break;
          }
        });
        if (deleteQuota) {
          steps.push({ kind: 'deleteQuota', ...(byCollection ? { byCollection: true } : {}) });
          // Beyond the old limit: admitted now there is no quota.
          const beyond = Math.max(after, limit - baseline - live.length + 1);
          for (let i = 0; i < beyond; i++) create();
        }
        return {
          family: 'quota' as const,
          quota: { name: 'quota', hard: { configmaps: baseline + initial }, scopes: [] },
          steps,
        };
      },
    );
}
