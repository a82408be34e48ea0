/**
 * limitrange/defaults-applied
 * - A container of an admitted pod that leaves cpu/memory/ephemeral-storage unset MUST get the
 *   LimitRange's default limit and defaultRequest (defaultRequest falling back to the default limit, the
 *   default limit to max), requests defaulting from limits first; the pod MUST carry the kubernetes.io/limit-ranger
 *   annotation naming what was set, and nothing the container set itself MUST change.
 *
 * generator: generators/limitrange-scenario.ts, the first container setting nothing; when the model
 *   rejects the pod, every container sets nothing, and if that is still rejected (a ratio without
 *   defaults for both sides) the ratio is dropped.
 * model rule: model/limitrange.ts expectLimitRange / applyLimitRangeDefaults —
 *   limitrange.defaults-applied, limitrange.defaults-annotated.
 * observation: harness/observe/limitrange.ts observeLimitRange.
 * verdict: `*.admitted` (the focused pods are within every constraint once defaulted),
 *   `*.limitRangerAnnotation`, `*.requests.*`, `*.limits.*`.
 */
import { limitRangeScenario } from '../../generators';
import { observeLimitRange } from '../../harness/observe/limitrange';
import { DEFAULT_MODEL_OPTIONS } from '../../model/expectation';
import { expectLimitRange } from '../../model/limitrange';
import type { ContainerScenario, LimitRangeScenario } from '../../model/scenario';
import type { PropertyDefinition } from '../../runner/property-definition';
import { LIMITRANGE_BUDGET } from './limitrange-budget';

function settingNothing(container: ContainerScenario): ContainerScenario {
  return { ...container, resources: { requests: {}, limits: {} } };
}

export const defaultsApplied: PropertyDefinition<'limitrange'> = {
  id: 'limitrange/defaults-applied',
  family: 'limitrange',
  statement:
    'Containers leaving cpu/memory/ephemeral-storage unset MUST get the LimitRange defaults, annotated kubernetes.io/limit-ranger; set values MUST NOT change',
  arbitrary: (capabilities) =>
    limitRangeScenario(capabilities, { maxContainers: 2 }).map((scenario): LimitRangeScenario => {
      const [first, ...rest] = scenario.pod.containers;
      const admitted = (candidate: LimitRangeScenario): boolean => {
        const expected = expectLimitRange(candidate, capabilities, DEFAULT_MODEL_OPTIONS).fields[
          `${candidate.pod.name}.admitted`
        ]?.expected;
        return expected?.kind === 'equals' && expected.value === true;
      };
      const focused = { ...scenario, pod: { ...scenario.pod, containers: [settingNothing(first), ...rest] } };
      if (admitted(focused)) return focused;
      const bare = {
        ...focused,
        pod: { ...focused.pod, containers: focused.pod.containers.map(settingNothing) },
      };
      if (admitted(bare)) return bare;
      // A ratio needs a request and a limit: without defaults for both, a bare container breaks it.
      const limits = bare.limitRange.limits.map((item) => {
        const withoutRatio = { ...item };
        delete withoutRatio.maxLimitRequestRatio;
        return withoutRatio;
      });
      return { ...bare, limitRange: { ...bare.limitRange, limits } };
    }),
  expect: expectLimitRange,
  observe: observeLimitRange,
  fields: ['*.admitted', '*.limitRangerAnnotation', '*.requests.*', '*.limits.*'],
  budget: LIMITRANGE_BUDGET,
};
