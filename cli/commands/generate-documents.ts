import { manifestsFor } from '../../generators/manifests';
import { manifestYaml } from '../../generators/manifests/manifest-yaml';
import { networkPolicyManifests } from '../../generators/manifests/networkpolicy';
import {
  EXAMPLE_POD_IPS,
  exampleAddressesComment,
} from '../../generators/manifests/networkpolicy-example-ips';
import { resolveIpBlocks } from '../../generators/manifests/networkpolicy-ip-blocks';
import type { WireObject } from '../../generators/manifests/wire-form';
import type { ServerVersion } from '../../model/capabilities';
import { MANAGED_BY_LABEL, MANAGED_BY_VALUE } from '../../model/labels';
import type { Scenario } from '../../model/scenario';
import { DEFAULT_IMAGE } from '../../runner/defaults';

/** Namespaces are "<prefix>-<family>-<index>" (NetworkPolicy: "-x", "-y", "-z" appended). */
export const DEFAULT_NAMESPACE_PREFIX = 'kp';

/**
 * The namespaces and objects of one scenario, in creation order. NetworkPolicy ipBlocks name pods
 * whose IPs only exist on a cluster: they become the documented example addresses.
 */
export function scenarioObjects(
  scenario: Scenario,
  index: number,
  namespacePrefix: string = DEFAULT_NAMESPACE_PREFIX,
): WireObject[] {
  const labels = { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE };
  const namespace = `${namespacePrefix}-${scenario.family}-${index}`;
  if (scenario.family === 'networkpolicy') {
    const manifests = networkPolicyManifests(scenario, {
      image: DEFAULT_IMAGE,
      namespacePrefix: namespace,
      labels,
      caseId: String(index),
    });
    return [
      ...manifests.namespaces.map((n): WireObject => ({ ...n.object, kind: 'Namespace' })),
      ...manifests.pods.map((p) => p.object),
      ...resolveIpBlocks(
        manifests.policies.map((p) => p.object),
        EXAMPLE_POD_IPS,
      ),
    ];
  }
  const { namespaceLabels, objects } = manifestsFor(scenario, { image: DEFAULT_IMAGE, namespace, labels });
  const namespaceObject: WireObject = {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: namespace, labels: { ...labels, ...namespaceLabels } },
  };
  return [namespaceObject, ...objects];
}

function usesIpBlocks(scenario: Scenario): boolean {
  if (scenario.family !== 'networkpolicy') return false;
  return scenario.policies.some((policy) =>
    [...(policy.ingress ?? []), ...(policy.egress ?? [])].some((rule) =>
      rule.peers.some((peer) => peer.kind === 'ipBlock'),
    ),
  );
}

/**
 * Multi-document YAML for `kubectl apply -f`: the scenario (what each container does) and the
 * version it was generated for as leading comments, then the namespaces and objects.
 */
export function scenarioYaml(
  scenario: Scenario,
  index: number,
  version: ServerVersion,
  namespacePrefix?: string,
): string {
  const comments = [
    `kubeprop ${scenario.family} scenario ${index}: ${JSON.stringify(scenario)}`,
    `generated for Kubernetes ${version.gitVersion}: apply with kubectl apply -f <this file>`,
    ...(usesIpBlocks(scenario) ? exampleAddressesComment() : []),
  ];
  return manifestYaml(comments, scenarioObjects(scenario, index, namespacePrefix));
}
