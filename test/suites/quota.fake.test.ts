import { CUSTOM_RESOURCE_COUNT_KEY } from '../../model/quota-objects';
import type { Scenario } from '../../model/scenario';
import { QUOTA_PROPERTIES } from '../../suites/quota';
import { crossNamespaceAffinity } from '../../suites/quota/cross-namespace-affinity.property';
import { customResource } from '../../suites/quota/custom-resource.property';
import { exceededRejected } from '../../suites/quota/exceeded-rejected.property';
import { lifecycle } from '../../suites/quota/lifecycle.property';
import { objectCounts } from '../../suites/quota/object-counts.property';
import { priorityClass } from '../../suites/quota/priority-class.property';
import { scopeSelector } from '../../suites/quota/scope-selector.property';
import { usageTracksPods } from '../../suites/quota/usage-tracks-pods.property';
import { caught, failures, runOnFake } from './fake-run';

/** Pods a quota scenario creates: the size that matters to a reader of the counterexample. */
function creates(scenario: Scenario): number {
  return scenario.family === 'quota' ? scenario.steps.filter((s) => s.kind === 'create').length : 0;
}

/** Steps of a quota scenario: creates and deletes, the size of a usage counterexample. */
function stepCount(scenario: Scenario): number {
  return scenario.family === 'quota' ? scenario.steps.length : 0;
}

/** Issue 5, quota family: every property passes on a conforming fake; the quota defects are caught. */
describe('quota properties on the fake cluster', () => {
  it.each(QUOTA_PROPERTIES.map((p) => [p.id, p] as const))(
    '%s passes on a conforming cluster',
    async (_id, definition) => {
      const run = await runOnFake(definition, { runs: 12, seed: 5 });
      expect(failures(run)).toEqual([]);
      expect(run.end.verdict).toBe('pass');
    },
  );

  it('quota-not-enforced (admission lets everything through) fails exceeded-rejected, confirmed and shrunk', async () => {
    const run = await runOnFake(
      { ...exceededRejected },
      { runs: 12, seed: 5, defects: ['quota-not-enforced'] },
    );
    expect(run.end.verdict).toBe('fail');
    const { confirmed, firstFailing, failedFields } = caught(run);
    expect(confirmed).toBe(true);
    if (!run.minimal || !firstFailing) throw new Error('no counterexample');
    expect(creates(run.minimal)).toBeLessThanOrEqual(creates(firstFailing));
    // One pod over a quota derived from nothing admitted before it: a single create shows the defect.
    expect(creates(run.minimal)).toBe(1);
    // The symptom: a create the quota forbids was admitted.
    expect(failedFields).toContain('step1.admitted');
  });

  it('pod-resources-update-allowed (a pod update changing requests is stored) fails exceeded-rejected, shrunk to a create and its update', async () => {
    const run = await runOnFake(exceededRejected, {
      runs: 30,
      seed: 5,
      defects: ['pod-resources-update-allowed'],
    });
    expect(run.end.verdict).toBe('fail');
    const { confirmed, firstFailing, failedFields } = caught(run);
    expect(confirmed).toBe(true);
    if (!run.minimal || run.minimal.family !== 'quota' || !firstFailing) throw new Error('no counterexample');
    expect(stepCount(run.minimal)).toBeLessThanOrEqual(stepCount(firstFailing));
    // An admitted pod and the update validation must reject.
    expect(run.minimal.steps.map((s) => s.kind)).toEqual(['create', 'updatePod']);
    expect(failedFields).toContain('step2.admitted');
  });

  it('exceeded-rejected updates admitted pods (rejected 422) and pods the quota rejected (404)', async () => {
    const run = await runOnFake(exceededRejected, { runs: 30, seed: 5 });
    expect(run.end.verdict).toBe('pass');
    const statuses = new Set<number>();
    for (const c of run.cases) {
      if (c.scenario.family !== 'quota') continue;
      c.scenario.steps.forEach((step, i) => {
        const status = c.observation.fields[`step${i + 1}.status`];
        if (step.kind === 'updatePod' && status?.kind === 'value') statuses.add(status.value as number);
      });
    }
    expect([...statuses].sort()).toEqual([404, 422]);
  });

  it('quota-usage-not-released (pods recounted, cpu/memory kept) fails usage-tracks-pods, confirmed and shrunk', async () => {
    const run = await runOnFake(usageTracksPods, {
      runs: 12,
      seed: 5,
      defects: ['quota-usage-not-released'],
    });
    expect(run.end.verdict).toBe('fail');
    const { confirmed, firstFailing, failedFields } = caught(run);
    expect(confirmed).toBe(true);
    if (!run.minimal || run.minimal.family !== 'quota' || !firstFailing) throw new Error('no counterexample');
    expect(stepCount(run.minimal)).toBeLessThanOrEqual(stepCount(firstFailing));
    // Small: one delete, last, after at most two creates (a pod may stay because the Terminating flag
    // of the property's generator goes with the pod's index, which shrinking cannot renumber).
    const kinds = run.minimal.steps.map((s) => s.kind);
    expect(kinds.at(-1)).toBe('delete');
    expect(kinds.filter((k) => k === 'delete')).toHaveLength(1);
    expect(kinds.length).toBeLessThanOrEqual(3);
    // The symptom: compute usage still charged after the delete, and only that (pod counts released).
    const deleteStep = `step${kinds.length}.used.`;
    expect(failedFields.length).toBeGreaterThan(0);
    for (const field of failedFields) {
      expect(field.startsWith(deleteStep) || field.startsWith('afterSteps.used.')).toBe(true);
      expect(field).not.toMatch(/\.used\.(pods|count\/pods)$/);
    }
  });

  it('quota-object-not-released (objects other than pods never given back) fails object-counts, confirmed and shrunk', async () => {
    const run = await runOnFake(objectCounts, {
      runs: 12,
      seed: 5,
      defects: ['quota-object-not-released'],
    });
    expect(run.end.verdict).toBe('fail');
    const { confirmed, firstFailing, failedFields } = caught(run);
    expect(confirmed).toBe(true);
    if (!run.minimal || run.minimal.family !== 'quota' || !firstFailing) throw new Error('no counterexample');
    expect(stepCount(run.minimal)).toBeLessThanOrEqual(stepCount(firstFailing));
    // Smallest: one object created and deleted; the symptom is its usage kept after the delete.
    expect(run.minimal.steps.map((s) => s.kind)).toEqual(['createObject', 'deleteObject']);
    expect(failedFields.length).toBeGreaterThan(0);
    for (const field of failedFields) expect(field).toMatch(/^(step2|afterSteps)\.used\./);
  });

  it('quota-not-enforced fails object-counts: an object over hard is admitted', async () => {
    const run = await runOnFake(objectCounts, { runs: 12, seed: 5, defects: ['quota-not-enforced'] });
    expect(run.end.verdict).toBe('fail');
    const { confirmed, failedFields } = caught(run);
    expect(confirmed).toBe(true);
    if (!run.minimal || run.minimal.family !== 'quota') throw new Error('no counterexample');
    expect(run.minimal.steps.length).toBeLessThanOrEqual(2);
    expect(failedFields.some((field) => /^step\d+\.admitted$/.test(field))).toBe(true);
  });

  it('object-counts generates every counted kind, rejections and admissions, and deletes', async () => {
    const run = await runOnFake(objectCounts, { runs: 40, seed: 3 });
    expect(failures(run)).toEqual([]);
    const steps = run.cases.flatMap((c) => (c.scenario.family === 'quota' ? c.scenario.steps : []));
    const kinds = new Set(steps.flatMap((s) => (s.kind === 'createObject' ? [s.object.kind] : [])));
    expect([...kinds].sort()).toEqual([
      'ConfigMap',
      'PersistentVolumeClaim',
      'ReplicaSet',
      'ReplicationController',
      'Secret',
      'Service',
    ]);
    expect(steps.some((s) => s.kind === 'deleteObject')).toBe(true);
    expect(steps.some((s) => s.kind === 'create')).toBe(true);
    const admitted = run.cases.flatMap((c) =>
      c.verdict.diff.filter((d) => /^step\d+\.admitted$/.test(d.field)).map((d) => d.detail),
    );
    expect(admitted.some((d) => d.startsWith('expected false'))).toBe(true);
    expect(admitted.some((d) => d.startsWith('expected true'))).toBe(true);
  });

  it('quota-custom-resources-not-enforced fails custom-resource, shrunk to one custom resource against hard 0', async () => {
    const run = await runOnFake(customResource, {
      runs: 12,
      seed: 5,
      defects: ['quota-custom-resources-not-enforced'],
    });
    expect(run.end.verdict).toBe('fail');
    const { confirmed, firstFailing, failedFields } = caught(run);
    expect(confirmed).toBe(true);
    if (!run.minimal || run.minimal.family !== 'quota' || !firstFailing) throw new Error('no counterexample');
    expect(stepCount(run.minimal)).toBeLessThanOrEqual(stepCount(firstFailing));
    // Smallest: one custom resource where the quota allows none; the symptom is its create admitted.
    expect(run.minimal.steps).toEqual([
      { kind: 'createObject', object: { kind: 'CustomResource', name: 'cr-0' } },
    ]);
    expect(run.minimal.quota.hard[CUSTOM_RESOURCE_COUNT_KEY]).toBe(0);
    expect(failedFields).toContain('step1.admitted');
    // The other objects' admission is intact: object-counts passes on the same fake.
    const objects = await runOnFake(objectCounts, {
      runs: 12,
      seed: 5,
      defects: ['quota-custom-resources-not-enforced'],
    });
    expect(objects.end.verdict).toBe('pass');
  });

  it('custom-resource generates rejections, exact fills, deletes and creates after them, judged every time', async () => {
    const run = await runOnFake(customResource, { runs: 30, seed: 3 });
    expect(failures(run)).toEqual([]);
    const steps = run.cases.flatMap((c) => (c.scenario.family === 'quota' ? c.scenario.steps : []));
    expect(steps.some((s) => s.kind === 'deleteObject' && s.objectKind === 'CustomResource')).toBe(true);
    const diffs = run.cases.flatMap((c) => c.verdict.diff);
    const admitted = diffs.filter((d) => /^step\d+\.admitted$/.test(d.field)).map((d) => d.detail);
    expect(admitted.some((d) => d.startsWith('expected false'))).toBe(true);
    expect(admitted.some((d) => d.startsWith('expected true'))).toBe(true);
    // Every count judged against the case's own CRD, charged and released.
    const counts = diffs.filter((d) => d.field.endsWith(`.used.${CUSTOM_RESOURCE_COUNT_KEY}`));
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((d) => d.outcome === 'pass' && d.rule === 'quota.custom-resource-count')).toBe(true);
    expect(diffs.some((d) => d.field.endsWith('.reason') && d.outcome === 'pass')).toBe(true);
  });

  it('quota-hard-update-ignored (status.hard never follows spec) fails lifecycle, confirmed and shrunk', async () => {
    const run = await runOnFake(lifecycle, { runs: 12, seed: 5, defects: ['quota-hard-update-ignored'] });
    expect(run.end.verdict).toBe('fail');
    const { confirmed, firstFailing, failedFields } = caught(run);
    expect(confirmed).toBe(true);
    if (!run.minimal || run.minimal.family !== 'quota' || !firstFailing) throw new Error('no counterexample');
    expect(stepCount(run.minimal)).toBeLessThanOrEqual(stepCount(firstFailing));
    // The symptom: status.hard after a spec change (or a status patch's sync) is the old value.
    expect(failedFields.some((field) => /^step\d+\.hard\.configmaps$/.test(field))).toBe(true);
    const kinds = run.minimal.steps.map((s) => s.kind);
    expect(kinds.some((k) => k === 'updateQuota' || k === 'patchQuota')).toBe(true);
  });

  it('lifecycle generates updates, patches, status patches, lists, deletion and creates after it', async () => {
    const run = await runOnFake(lifecycle, { runs: 30, seed: 3 });
    expect(failures(run)).toEqual([]);
    const kinds = new Set(
      run.cases.flatMap((c) => (c.scenario.family === 'quota' ? c.scenario.steps.map((s) => s.kind) : [])),
    );
    for (const kind of [
      'updateQuota',
      'patchQuota',
      'patchQuotaStatus',
      'listQuotas',
      'deleteQuota',
      'deleteObject',
    ])
      expect(kinds).toContain(kind);
    const steps = run.cases.flatMap((c) => (c.scenario.family === 'quota' ? c.scenario.steps : []));
    expect(steps.some((s) => s.kind === 'patchQuotaStatus' && s.viaUpdate === true)).toBe(true);
    expect(steps.some((s) => s.kind === 'deleteQuota' && s.byCollection === true)).toBe(true);
    // A status patch is judged both ways: stored, then overwritten by the delete's sync.
    const fields = run.cases.flatMap((c) =>
      c.verdict.diff.filter((d) => d.outcome === 'pass').map((d) => d.rule),
    );
    expect(fields).toContain('quota.status-patch-stored');
    expect(fields).toContain('quota.status-overwritten-on-sync');
    expect(fields).toContain('quota.deleted-not-enforced');
  });

  it('quota-scope-selector-ignored (only spec.scopes read) fails scope-selector, confirmed and shrunk', async () => {
    const run = await runOnFake(scopeSelector, {
      runs: 12,
      seed: 5,
      defects: ['quota-scope-selector-ignored'],
    });
    expect(run.end.verdict).toBe('fail');
    const { confirmed, firstFailing } = caught(run);
    expect(confirmed).toBe(true);
    if (!run.minimal || run.minimal.family !== 'quota' || !firstFailing) throw new Error('no counterexample');
    expect(stepCount(run.minimal)).toBeLessThanOrEqual(stepCount(firstFailing));
    expect(run.minimal.quota.viaScopeSelector).toBe(true);
    // The same scenarios with spec.scopes pass on that fake: the defect is in reading the selector.
    const scoped = await runOnFake(usageTracksPods, {
      runs: 12,
      seed: 5,
      defects: ['quota-scope-selector-ignored'],
    });
    expect(scoped.end.verdict).toBe('pass');
  });

  it('quota-scope-selector-ignored fails priority-class (every pod counted), confirmed and shrunk', async () => {
    const run = await runOnFake(priorityClass, {
      runs: 12,
      seed: 5,
      defects: ['quota-scope-selector-ignored'],
    });
    expect(run.end.verdict).toBe('fail');
    const { confirmed, firstFailing } = caught(run);
    expect(confirmed).toBe(true);
    if (!run.minimal || run.minimal.family !== 'quota' || !firstFailing) throw new Error('no counterexample');
    expect(stepCount(run.minimal)).toBeLessThanOrEqual(stepCount(firstFailing));
  });

  it('priority-class generates every operator, pods with and without a class, rejections and admissions', async () => {
    const run = await runOnFake(priorityClass, { runs: 30, seed: 3 });
    expect(failures(run)).toEqual([]);
    const quotas = run.cases.flatMap((c) => (c.scenario.family === 'quota' ? [c.scenario] : []));
    const operators = new Set(quotas.map((q) => q.quota.priorityClassSelector?.operator));
    expect([...operators].sort()).toEqual(['DoesNotExist', 'Exists', 'In', 'NotIn']);
    const details = run.cases.flatMap((c) =>
      c.verdict.diff.filter((d) => /^step\d+\.admitted$/.test(d.field)).map((d) => d.detail),
    );
    expect(details.some((d) => d.startsWith('expected false'))).toBe(true);
    expect(details.some((d) => d.startsWith('expected true'))).toBe(true);
  });

  it('quota-scope-selector-ignored fails cross-namespace-affinity (pods without such terms counted too)', async () => {
    const run = await runOnFake(crossNamespaceAffinity, {
      runs: 12,
      seed: 5,
      defects: ['quota-scope-selector-ignored'],
    });
    expect(run.end.verdict).toBe('fail');
    const { confirmed, firstFailing } = caught(run);
    expect(confirmed).toBe(true);
    if (!run.minimal || run.minimal.family !== 'quota' || !firstFailing) throw new Error('no counterexample');
    expect(stepCount(run.minimal)).toBeLessThanOrEqual(stepCount(firstFailing));
    // The failing pod is one without a cross-namespace term, counted or rejected by the quota.
    expect(
      run.minimal.steps.some((s) => s.kind === 'create' && s.pod.crossNamespaceAffinity === undefined),
    ).toBe(true);
  });

  it('the conforming fake releases compute usage on deletion in the same sync as the pod count', async () => {
    const run = await runOnFake(usageTracksPods, { runs: 12, seed: 5 });
    // Compute fields right after a delete step, judged (not left inconclusive) and passing.
    const afterDeletes = run.cases.flatMap((c) => {
      if (c.scenario.family !== 'quota') return [];
      const deleteSteps = c.scenario.steps.flatMap((step, i) =>
        step.kind === 'delete' ? [`step${i + 1}`] : [],
      );
      return c.verdict.diff.filter(
        (d) =>
          deleteSteps.some((prefix) => d.field.startsWith(`${prefix}.used.`)) &&
          !/\.used\.(pods|count\/pods)$/.test(d.field),
      );
    });
    expect(afterDeletes.length).toBeGreaterThan(0);
    expect(afterDeletes.filter((d) => d.outcome !== 'pass')).toEqual([]);
  });
});
