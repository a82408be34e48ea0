import type { ServerVersion } from '../model/capabilities';
import { DEFAULT_MODEL_OPTIONS, type ModelOptions } from '../model/expectation';
import type { FieldDiff } from '../verdicts/case-verdict';
import type { PropertyDefinition } from '../runner/property-definition';
import { judgeRecordedCase, unreliabilityOf } from '../verdicts/case-verdict';
import { derivePropertyVerdict, type CaseOutcome } from './property-verdict';
import type { CaseReport, PropertyEnd, PropertySummary, Report, ReportSkeleton } from './report-types';
import { reportSource, type ReportSource } from './report-stream';

/** One verdict that re-judging changed; `caseId` absent for a property's own verdict. */
export interface VerdictChange {
  propertyId: string;
  caseId?: string;
  from: string;
  to: string;
}

/** Receives the re-judged report as it is produced (e.g. a ReportWriter writing a new report). */
export interface JudgeSink {
  beginProperty(property: PropertySummary): void;
  addCase(propertyId: string, item: CaseReport): void;
  endProperty(propertyId: string, end: PropertyEnd): void;
}

export interface JudgeResult {
  skeleton: ReportSkeleton;
  changes: VerdictChange[];
  casesJudged: number;
  /** Cases whose observation was re-reduced from the recorded trace. */
  casesReduced: number;
  /** Properties of the report that the registry does not know (kept as they were). */
  unknownProperties: string[];
}

export interface JudgeOptions {
  modelOptions?: ModelOptions;
  sink?: JudgeSink;
  /**
   * Why a failure whose failing fields are all known deviations of the report's cluster is `known`
   * (runner/known-issues.ts knownIssueForFailure), as a run decides it; without it a failure stays one.
   */
  knownFailure?(failedFields: readonly FieldDiff[], version: ServerVersion): string | undefined;
}

/** Per-property state while its cases stream past. */
interface Judging {
  property: PropertySummary;
  definition: PropertyDefinition | undefined;
  outcomes: CaseOutcome[];
  counterexample?: CaseReport;
}

function endOf(property: PropertySummary): PropertyEnd {
  const { verdict, reason, runsMade, outOfTime, durationMs, path, counterexample } = property;
  return { verdict, reason, runsMade, outOfTime, durationMs, path, counterexample };
}

/**
 * Re-computes every expectation and verdict of a report with the current model (and the current
 * observation reducers where traces were kept), then the property verdicts, and lists what changed.
 * Cases stream through one at a time; only per-case outcomes are held.
 */
export async function judgeReport(
  report: Report | ReportSource,
  properties: readonly PropertyDefinition[],
  options: JudgeOptions = {},
): Promise<JudgeResult> {
  const source = 'skeleton' in report ? report : reportSource(report);
  const { skeleton } = source;
  const modelOptions = options.modelOptions ?? DEFAULT_MODEL_OPTIONS;
  const registry = new Map(properties.map((definition) => [definition.id, definition]));
  const changes: VerdictChange[] = [];
  const unknown = new Set<string>();
  const judged: PropertySummary[] = [];
  let casesJudged = 0;
  let casesReduced = 0;

  const begin = (property: PropertySummary): Judging => {
    options.sink?.beginProperty(property);
    const definition = registry.get(property.id);
    if (definition === undefined) unknown.add(property.id);
    return { property, definition, outcomes: [] };
  };
  const end = ({ property, definition, outcomes, counterexample }: Judging): void => {
    let result = property;
    if (definition !== undefined) {
      const derived = derivePropertyVerdict(property, outcomes);
      const failedFields = counterexample?.verdict.diff.filter((d) => d.outcome === 'fail') ?? [];
      const known =
        derived.verdict === 'fail' && failedFields.length > 0
          ? options.knownFailure?.(failedFields, skeleton.cluster.serverVersion)
          : undefined;
      result = {
        ...property,
        verdict: known === undefined ? derived.verdict : 'known',
        reason: known ?? derived.reason,
        // A counterexample that no longer fails under the current model is dropped.
        counterexample:
          property.counterexample && failedFields.length > 0
            ? { ...property.counterexample, failedFields }
            : undefined,
      };
      if (result.verdict !== property.verdict) {
        changes.push({ propertyId: property.id, from: property.verdict, to: result.verdict });
      }
    }
    judged.push(result);
    options.sink?.endProperty(property.id, endOf(result));
  };

  const indexOf = new Map(skeleton.properties.map((p, index) => [p.id, index]));
  let next = 0;
  let current: Judging | undefined;
  for await (const entry of source.cases()) {
    const index = indexOf.get(entry.propertyId) ?? -1;
    for (; next <= index; next += 1) {
      if (current) end(current);
      current = begin(skeleton.properties[next]);
    }
    if (current === undefined) throw new Error(`case ${entry.case.id} belongs to no property of the report`);
    const old = entry.case;
    let item = old;
    const { definition } = current;
    if (definition !== undefined && definition.family === old.scenario.family) {
      const observation = old.trace ? definition.observe(old.trace, old.scenario) : old.observation;
      const expectation = definition.expect(old.scenario, skeleton.cluster.capabilities, modelOptions);
      // Without a trace, the record's unreliability is what the verdict carried when it was judged.
      const unreliable = old.trace ? unreliabilityOf(old.trace) : old.verdict.unreliable;
      item = {
        ...old,
        observation,
        expectation,
        verdict: judgeRecordedCase(expectation, observation, definition.fields, unreliable),
      };
      casesJudged += 1;
      if (old.trace) casesReduced += 1;
      if (item.verdict.outcome !== old.verdict.outcome) {
        changes.push({
          propertyId: entry.propertyId,
          caseId: old.id,
          from: old.verdict.outcome,
          to: item.verdict.outcome,
        });
      }
    }
    current.outcomes.push({ id: item.id, outcome: item.verdict.outcome, attempt: item.attempt });
    if (current.property.counterexample?.caseId === item.id) current.counterexample = item;
    options.sink?.addCase(entry.propertyId, item);
  }
  for (; next < skeleton.properties.length; next += 1) {
    if (current) end(current);
    current = begin(skeleton.properties[next]);
  }
  if (current) end(current);
  return {
    skeleton: { ...skeleton, properties: judged },
    changes,
    casesJudged,
    casesReduced,
    unknownProperties: [...unknown].sort(),
  };
}
