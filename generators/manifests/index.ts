import type { ManagedObject } from '../../harness/cluster-port';
import { usesCustomResource } from '../../model/quota-objects';
import type { PodScenario, Scenario } from '../../model/scenario';
import { customResourceDefinitionManifest } from './custom-resource';
import { hookHandlerPod } from './hook-handler-pod';
import { limitRangeLifecycleObjects } from './limitrange-lifecycle';
import type { CaseManifests, ManifestOptions } from './manifest-options';
import { podManifest } from './pod-manifest';
import { limitRangeManifest, podSecurityNamespaceLabels, resourceQuotaManifest } from './policy-manifests';
import { quotaObjectManifest } from './quota-object-manifest';
import { serviceManifest } from './service-manifest';

/** A pod that runs and is observed, after the handler pod that serves its httpGet postStart hooks (if any). */
function podUnderTest(pod: PodScenario, options: ManifestOptions): ManagedObject[] {
  const handler = hookHandlerPod(pod, options);
  if (!handler) return [podManifest(pod, options)];
  return [handler, podManifest(pod, { ...options, hookHandler: true })];
}

/**
 * The namespace labels and objects of a case, in creation order: policies and Services first (so they
 * act on or observe the pods from their start), then pods. Pure.
 */
export function manifestsFor(scenario: Scenario, options: ManifestOptions): CaseManifests {
  const objects: ManagedObject[] = [];
  let namespaceLabels: Record<string, string> = {};
  switch (scenario.family) {
    case 'termination':
    case 'probes':
      if (scenario.withService) objects.push(serviceManifest(scenario.pod, options));
      objects.push(...podUnderTest(scenario.pod, options));
      break;
    case 'hooks':
    case 'init':
    case 'resources':
      objects.push(...podUnderTest(scenario.pod, options));
      break;
    case 'quota':
      // The case's CustomResourceDefinition first: its resource must be served before the quota counts it.
      if (usesCustomResource(scenario)) objects.push(customResourceDefinitionManifest(options));
      objects.push(resourceQuotaManifest(scenario.quota, options));
      for (const step of scenario.steps) {
        if (step.kind === 'create') objects.push(podManifest(step.pod, options));
        if (step.kind === 'createObject') objects.push(quotaObjectManifest(step.object, options));
      }
      break;
    case 'limitrange':
      if (scenario.lifecycle)
        objects.push(...limitRangeLifecycleObjects(scenario, scenario.lifecycle, options));
      else objects.push(limitRangeManifest(scenario.limitRange, options), podManifest(scenario.pod, options));
      break;
    case 'podsecurity':
      namespaceLabels = podSecurityNamespaceLabels(scenario.labels);
      objects.push(podManifest(scenario.pod, options));
      break;
    case 'networkpolicy':
      // Three namespaces with nine pods: generators/manifests/networkpolicy.ts networkPolicyManifests maps these.
      throw new Error('manifestsFor: NetworkPolicy cases span three namespaces; use networkPolicyManifests');
  }
  return { namespaceLabels, objects };
}

export type { CaseManifests, ManifestOptions } from './manifest-options';
export { podManifest, podLabels } from './pod-manifest';
export { containerManifest } from './container-manifest';
export { serviceManifest } from './service-manifest';
export { resourceQuotaManifest, limitRangeManifest, podSecurityNamespaceLabels } from './policy-manifests';
export { wireForm } from './wire-form';
export { resourceList, quantityFor } from './quantities';
