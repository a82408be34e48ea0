/**
 * networkpolicy/updated-reachability
 *
 * For any set of NetworkPolicies over the fixed topology and any one change made after probing
 * (a policy's spec updated, a policy deleted, or a label added to a pod or to a namespace):
 * - before the change, every 80/TCP connection between two distinct topology pods MUST get through
 *   exactly when the policies allow it;
 * - after the change (and the same settle as after the creates), every such connection MUST get
 *   through exactly when the changed state allows it: an update replaces the old spec, a deleted
 *   policy no longer isolates, and selectors follow the new labels.
 *
 * Generator: generators/networkpolicy.ts networkPolicyUpdateScenario (1–2 policies whose selectors
 *   may test the `updated: yes` label a change adds; one mutation).
 * Model rule: model/networkpolicy/expect-updated.ts expectUpdatedReachability (the reachability
 *   rules on each phase; model/networkpolicy/mutation.ts afterMutation for the second).
 * Observation: harness/observe/networkpolicy.ts observeUpdatedReachability (the last probe of each
 *   cell within its phase; the change's trace action separates the phases).
 * Verdict: "before <cell>" and "after <cell>" for the 72 cells 80/TCP between distinct pods.
 */
import { networkPolicyUpdateScenario } from '../../generators/networkpolicy';
import { expectUpdatedReachability } from '../../model/networkpolicy/expect-updated';
import { observeUpdatedReachability } from '../../harness/observe/networkpolicy';
import type { PropertyDefinition } from '../../runner/property-definition';
import { networkPolicyUnsupported } from './unsupported';

export const updatedReachability: PropertyDefinition<'networkpolicy'> = {
  id: 'networkpolicy/updated-reachability',
  family: 'networkpolicy',
  statement:
    'After a NetworkPolicy is updated or deleted, or a pod or namespace relabelled, every connection MUST get through exactly when the changed state allows it',
  unsupported: networkPolicyUnsupported,
  arbitrary: (capabilities) => networkPolicyUpdateScenario(capabilities),
  expect: expectUpdatedReachability,
  observe: observeUpdatedReachability,
  fields: ['before *', 'after *'],
  // Nine pods (~13 s live), then two 72-cell matrices around a change with a 3 s settle each: about
  // as long as one reachability-matrix case (216 cells).
  budget: { numRuns: 4, caseSeconds: 180, totalSeconds: 420, shrinkSeconds: 150 },
};
