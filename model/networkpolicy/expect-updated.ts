import type { Capabilities } from '../capabilities';
import type { Expectation, FieldExpectation, ModelOptions } from '../expectation';
import type { NetworkPolicyScenario } from '../scenario/families';
import { ruleOf } from './expect';
import { explainCell, cellReachability } from './matcher';
import { afterMutation } from './mutation';
import { assertedCells, cellName, type NetpolCell } from './topology';

/**
 * The cells networkpolicy/updated-reachability probes in each phase: 80/TCP between distinct pods
 * (72), as upstream's update tests probe one port and protocol. A third of the full matrix, so a
 * case with two phases stays shorter than one reachability-matrix case.
 */
export const UPDATE_CELLS: readonly NetpolCell[] = assertedCells(false).filter(
  (cell) => cell.port === 80 && cell.protocol === 'TCP',
);

export type UpdatePhase = 'before' | 'after';

/** A cell's field in one phase, e.g. "after x/a->y/b:80/TCP". */
export function phaseField(phase: UpdatePhase, cell: NetpolCell): string {
  return `${phase} ${cellName(cell)}`;
}

/** A mutation in one line, for reports. */
export function describeMutation(scenario: NetworkPolicyScenario): string {
  const mutation = scenario.mutation;
  switch (mutation?.kind) {
    case undefined:
      return 'no mutation';
    case 'updatePolicy':
      return `policy ${mutation.policy.namespace}/${mutation.policy.name} updated`;
    case 'deletePolicy':
      return `policy ${mutation.name} deleted`;
    case 'labelPod':
      return `pod ${mutation.namespace}/${mutation.pod} labelled`;
    case 'labelNamespace':
      return `namespace ${mutation.namespace} labelled`;
  }
}

/**
 * Both probe matrices: "before" judged against the scenario as created, "after" against its state
 * after the mutation (model/networkpolicy/mutation.ts), with the reachability-matrix rules.
 */
export function expectUpdatedReachability(
  scenario: NetworkPolicyScenario,
  _capabilities: Capabilities,
  _options: ModelOptions,
): Expectation {
  const fields: Record<string, FieldExpectation> = {};
  const phases: [UpdatePhase, NetworkPolicyScenario][] = [
    ['before', { ...scenario, mutation: undefined }],
    ['after', afterMutation(scenario)],
  ];
  for (const [phase, state] of phases) {
    for (const cell of UPDATE_CELLS) {
      const decided = cellReachability(state, cell);
      fields[phaseField(phase, cell)] = {
        expected: { kind: 'equals', value: decided.allowed },
        rule: ruleOf(decided),
        because:
          phase === 'after' ? `${describeMutation(scenario)}: ${explainCell(decided)}` : explainCell(decided),
      };
    }
  }
  return { family: 'networkpolicy', fields };
}
