import type { NetworkPolicyScenario } from '../scenario/families';

/**
 * The scenario's state after its mutation: the policy updated or deleted, or the pod or namespace
 * carrying NETPOL_UPDATED_LABEL. An enforcer must enforce the current objects only, whatever it
 * enforced before: a policy's update replaces its old spec (upstream's "should enforce updated
 * policy"), a deleted policy no longer isolates (kubernetes.io network-policies: a pod is isolated
 * while a policy selects it; "should stop enforcing policies after they are deleted"), and selectors
 * follow label changes of pods and namespaces.
 */
export function afterMutation(scenario: NetworkPolicyScenario): NetworkPolicyScenario {
  const { mutation, ...state } = scenario;
  const labelled = state.labelled ?? { pods: [], namespaces: [] };
  switch (mutation?.kind) {
    case undefined:
      return state;
    case 'updatePolicy':
      return {
        ...state,
        policies: state.policies.map((p) => (p.name === mutation.policy.name ? mutation.policy : p)),
      };
    case 'deletePolicy':
      return { ...state, policies: state.policies.filter((p) => p.name !== mutation.name) };
    case 'labelPod':
      return {
        ...state,
        labelled: { ...labelled, pods: [...labelled.pods, `${mutation.namespace}/${mutation.pod}`] },
      };
    case 'labelNamespace':
      return {
        ...state,
        labelled: { ...labelled, namespaces: [...labelled.namespaces, mutation.namespace] },
      };
  }
}
