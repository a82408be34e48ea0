import type fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import type { Family, ScenarioOf } from '../model/scenario';
import { hooksScenario } from './hooks-scenario';
import { initScenario } from './init-scenario';
import { limitRangeScenario } from './limitrange-scenario';
import { networkPolicyScenario } from './networkpolicy';
import { podSecurityScenario } from './podsecurity-scenario';
import { probesScenario } from './probes-scenario';
import { quotaScenario } from './quota-scenario';
import { resourcesScenario } from './resources-scenario';
import { terminationScenario } from './termination-scenario';

type FamilyArbitraries = { [F in Family]: (capabilities: Capabilities) => fc.Arbitrary<ScenarioOf<F>> };

const ARBITRARIES: FamilyArbitraries = {
  termination: (capabilities) => terminationScenario(capabilities),
  hooks: (capabilities) => hooksScenario(capabilities),
  probes: (capabilities) => probesScenario(capabilities),
  init: (capabilities) => initScenario(capabilities),
  resources: (capabilities) => resourcesScenario(capabilities),
  quota: (capabilities) => quotaScenario(capabilities),
  limitrange: (capabilities) => limitRangeScenario(capabilities),
  podsecurity: (capabilities) => podSecurityScenario(capabilities),
  networkpolicy: (capabilities) => networkPolicyScenario(capabilities),
};

/** The scenario arbitrary of a family with default constraints, emitting only what the target accepts. */
export function scenarioArbitrary<F extends Family>(
  family: F,
  capabilities: Capabilities,
): fc.Arbitrary<ScenarioOf<F>> {
  return ARBITRARIES[family](capabilities);
}

export { hooksScenario } from './hooks-scenario';
export { initScenario } from './init-scenario';
export { limitRangeScenario, limitRangeLifecycleScenario } from './limitrange-scenario';
export { networkPolicyScenario } from './networkpolicy';
export { podSecurityScenario } from './podsecurity-scenario';
export { probesScenario } from './probes-scenario';
export { quotaScenario } from './quota-scenario';
export { resourcesScenario } from './resources-scenario';
export { terminationScenario } from './termination-scenario';
export { podScenario } from './pod-scenario';
export { containerScenario } from './container-scenario';
export { containerBehaviour } from './container-behaviour';
export { containerProbes } from './container-probes';
export { containerResources } from './container-resources';
export { hookHandler } from './hook-handler';
export { lifecycle } from './lifecycle';
export { probeSpec } from './probe-spec';
export { deleteIntent, resolveDeleteAction } from './delete-intent';
export { quotaObjectsScenario } from './quota-objects-scenario';
export { quotaCustomResourceScenario } from './quota-custom-resource-scenario';
export { quotaLifecycleScenario } from './quota-lifecycle-scenario';
export { quotaPriorityScenario } from './quota-priority-scenario';
export { quotaAffinityScenario } from './quota-priority-scenario';
