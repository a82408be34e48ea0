import type { Expectation } from '../../model/expectation';
import type { Observation } from '../../model/observation';
import type { Scenario } from '../../model/scenario';
import type { AttemptInfo, CaseReport } from '../../reporting/report-types';
import { judgeCase } from '../../verdicts/case-verdict';

/** A case report as a runner test's executor returns it: the observation judged against the expectation. */
export function judgedCase(
  caseId: string,
  scenario: Scenario,
  attempt: AttemptInfo,
  expectation: Expectation,
  fields: Observation['fields'],
): CaseReport {
  const observation: Observation = { fields, timeline: [], anchors: {} };
  return {
    id: caseId,
    scenario,
    objects: [],
    observation,
    expectation,
    verdict: judgeCase(expectation, observation),
    attempt,
    durationMs: 1,
  };
}
