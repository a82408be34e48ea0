import type { V1LimitRange } from '@kubernetes/client-node';
import type { ManagedObject } from '../../harness/cluster-port';
import type { LimitRangeLifecycle, LimitRangeScenario } from '../../model/scenario';
import type { ManifestOptions } from './manifest-options';
import { podManifest } from './pod-manifest';
import { limitRangeManifest } from './policy-manifests';

/**
 * The label upstream's e2e sets to "created" and patches to "patched" (its `<lrName>` label); the
 * delete by collection selects "patched", so the copy in the other namespace is never selected.
 */
export const LIMITRANGE_STATE_LABEL = 'kubeprop.dev/limitrange';

const MAX_NAMESPACE_LENGTH = 63;

/** The second namespace, for the copy: the case's namespace with "-2" (cut to stay a DNS label). */
export function copyNamespace(namespace: string): string {
  return `${namespace.slice(0, MAX_NAMESPACE_LENGTH - 2).replace(/-+$/, '')}-2`;
}

/**
 * The selector upstream lists with across namespaces (its `e2e-test=<lrName>`): the labels kubeprop
 * puts on every object of the case (run and case id), which both LimitRanges carry and no other case's do.
 */
export function caseLabelSelector(options: ManifestOptions): string {
  return Object.entries(options.labels)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
}

/**
 * The objects of a lifecycle case in creation order: the LimitRange (state "created"), its copy in the
 * second namespace, then the pod admitted after each step (the plan creates them between the steps).
 */
export function limitRangeLifecycleObjects(
  scenario: LimitRangeScenario,
  lifecycle: LimitRangeLifecycle,
  options: ManifestOptions,
): ManagedObject[] {
  const labels = { ...options.labels, [LIMITRANGE_STATE_LABEL]: 'created' };
  const created = limitRangeManifest(scenario.limitRange, { ...options, labels });
  const copies = lifecycle.copyInOtherNamespace
    ? [
        limitRangeManifest(scenario.limitRange, {
          ...options,
          labels,
          namespace: copyNamespace(options.namespace),
        }),
      ]
    : [];
  return [
    created,
    ...copies,
    podManifest(scenario.pod, options),
    podManifest(lifecycle.afterPatch, options),
    podManifest(lifecycle.afterDelete, options),
  ];
}

/** The strategic merge patch: the state label "patched" (other labels kept) and the new spec.limits. */
export function limitRangePatch(lifecycle: LimitRangeLifecycle, options: ManifestOptions): V1LimitRange {
  return {
    metadata: { labels: { [LIMITRANGE_STATE_LABEL]: 'patched' } },
    spec: limitRangeManifest(lifecycle.patched, options).spec,
  };
}
