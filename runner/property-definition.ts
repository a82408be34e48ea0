import type fc from 'fast-check';
import type { Capabilities } from '../model/capabilities';
import type { Expectation, ModelOptions } from '../model/expectation';
import type { Observation } from '../model/observation';
import type { Family, ScenarioOf } from '../model/scenario';
import type { Trace } from '../model/trace';
import type { FieldPatterns } from '../verdicts/case-verdict';

export interface PropertyBudget {
  /** fast-check runs wanted. */
  numRuns: number;
  /** Upper bound on one live case, seconds (beyond the model's own windows). */
  caseSeconds: number;
  /** Total time for the property including confirmation and shrinking, seconds. */
  totalSeconds: number;
  /** Time allowed to the shrink phase, seconds (each shrink step is a live run). */
  shrinkSeconds: number;
}

/**
 * One property: the four places a reader looks for are named here. The suite file that exports it
 * opens with the property in MUST statements.
 */
// Methods (not function-typed fields) so that a PropertyDefinition<'termination'> can sit in a
// registry of PropertyDefinition<Family>: the runner only ever passes it scenarios of its own family.
export interface PropertyDefinition<F extends Family = Family> {
  /** Stable id, "<family>/<name>"; used in reports, JUnit and known-issues files. */
  id: string;
  family: F;
  /** The property in words (MUST statement), one line. */
  statement: string;
  /** A reason to skip on this target, or undefined when it can run. */
  unsupported?(capabilities: Capabilities): string | undefined;
  /** Generator (generators/). */
  arbitrary(capabilities: Capabilities): fc.Arbitrary<ScenarioOf<F>>;
  /** Model rule (model/). */
  expect(scenario: ScenarioOf<F>, capabilities: Capabilities, options: ModelOptions): Expectation;
  /** Observation reducer (harness/observe/). */
  observe(trace: Trace, scenario: ScenarioOf<F>): Observation;
  /** Verdict: the fields of the expectation this property judges, as patterns (verdicts/case-verdict.ts). */
  fields: FieldPatterns;
  budget: PropertyBudget;
}
