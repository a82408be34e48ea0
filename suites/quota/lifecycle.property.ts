/**
 * quota/lifecycle
 * - A quota's spec.hard MUST be replaceable (update) and patchable, and the quota controller MUST copy
 *   the new spec.hard into status.hard, which admission then enforces.
 * - A status patch MUST be stored (status.hard as patched, spec.hard unchanged) and MUST be overwritten
 *   with spec.hard by the controller's next sync (here: the one a ConfigMap delete queues).
 * - A list by label across namespaces MUST find the quota; a deleted quota MUST be gone and no longer
 *   enforced: creates beyond its old limit are admitted.
 *
 * generator: generators/quota-lifecycle-scenario.ts (configmaps quota; update, patch, status patch,
 *   list, creates; usually deleted at the end with ConfigMaps left).
 * model rule: model/quota.ts expectQuota — quota.spec-updated, quota.spec-change-synced,
 *   quota.status-patch-stored, quota.status-overwritten-on-sync, quota.listed-by-label, quota.deleted,
 *   quota.deleted-not-enforced, quota.exceeded-rejected, quota.within-hard-admitted.
 * observation: harness/observe/quota.ts observeQuota (the API's answers to each change, the snapshot
 *   after the harness waited for status.hard to equal spec.hard).
 * verdict: `step*.admitted`, `step*.status`, `step*.reason`, `step*.spec.*`, `step*.statusPatched.*`,
 *   `step*.hard.*`, `step*.listed`, `step*.gone`, `step*.used.*`.
 */
import { quotaLifecycleScenario } from '../../generators';
import { observeQuota } from '../../harness/observe/quota';
import { expectQuota } from '../../model/quota';
import type { PropertyDefinition } from '../../runner/property-definition';
import { QUOTA_LIFECYCLE_BUDGET } from './quota-budget';

export const lifecycle: PropertyDefinition<'quota'> = {
  id: 'quota/lifecycle',
  family: 'quota',
  statement:
    'A quota MUST follow updates and patches of spec.hard, keep a status patch only until its next sync, be listed by label, and stop enforcing once deleted',
  arbitrary: (capabilities) => quotaLifecycleScenario(capabilities),
  expect: expectQuota,
  observe: observeQuota,
  fields: [
    'step*.admitted',
    'step*.status',
    'step*.reason',
    'step*.spec.*',
    'step*.statusPatched.*',
    'step*.hard.*',
    'step*.listed',
    'step*.gone',
    'step*.used.*',
  ],
  budget: QUOTA_LIFECYCLE_BUDGET,
};
