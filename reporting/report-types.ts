import type { ManagedObject } from '../harness/cluster-port';
import type { Capabilities, ServerVersion } from '../model/capabilities';
import type { Expectation } from '../model/expectation';
import type { GenerationBasis } from '../model/generation-basis';
import type { Observation } from '../model/observation';
import type { Family, Scenario } from '../model/scenario';
import type { Trace } from '../model/trace';
import type { CaseVerdict, FieldDiff } from '../verdicts/case-verdict';

/**
 * The report of one kubeprop run (report.json). Versioned: a reader refuses any other
 * schemaVersion; the JSON Schema in schemas/report.schema.json describes the same shape.
 */
export const REPORT_SCHEMA_VERSION = 1;

export type PropertyVerdict = 'pass' | 'fail' | 'flaky' | 'inconclusive' | 'known' | 'skipped';
export const PROPERTY_VERDICTS: readonly PropertyVerdict[] = [
  'pass',
  'fail',
  'flaky',
  'inconclusive',
  'known',
  'skipped',
];

export interface RunOptions {
  families: Family[];
  /** fast-check runs wanted per property (absent: each property's own budget). */
  runs?: number;
  concurrency: number;
  /** How the concurrency was chosen (runner/concurrency.ts): from the cluster, or --concurrency. */
  concurrencyReason?: string;
  /** The container image the cases run (busybox by digest). */
  image: string;
  /** Overall time budget in seconds, when one was given. */
  budgetSeconds?: number;
  /** Whether raw traces are kept in the report (they are needed for re-reducing offline). */
  keepTraces: boolean;
  /** What the scenarios were generated from; absent in reports of kubeprop before it was recorded. */
  generation?: GenerationBasis;
}

export interface NodeImage {
  node: string;
  image: string;
  /** sha256 digest, when the runtime reported one. */
  digest?: string;
}

export interface ClusterInfo {
  serverVersion: ServerVersion;
  /** e.g. "kind", "k3s", "gke", when known. */
  distribution?: string;
  nodeImages: NodeImage[];
  capabilities: Capabilities;
}

/** What opens a report: everything known before the first property runs. */
export interface ReportHeader {
  kubepropVersion: string;
  runId: string;
  startedAt: string;
  seed: number;
  options: RunOptions;
  cluster: ClusterInfo;
}

export interface AttemptInfo {
  /** 1 for the first run of a scenario; confirmation re-runs of a failure count on from 2. */
  number: number;
  /** For a re-run: the id of the case whose failure it re-checks. */
  retryOf?: string;
  /** For a failing first run once re-checked: reproduced by a re-run ('confirmed') or not ('flaky'). */
  status?: 'confirmed' | 'flaky';
}

export interface CaseReport {
  id: string;
  scenario: Scenario;
  /** The manifests applied to the cluster. */
  objects: ManagedObject[];
  observation: Observation;
  expectation: Expectation;
  verdict: CaseVerdict;
  attempt: AttemptInfo;
  durationMs: number;
  /** Of durationMs, the waits the case inherently needs (runner/run-efficiency.ts caseWaitsMs). */
  waitedMs?: number;
  /** The raw trace; omitted when the run keeps reports small (the observation stays). */
  trace?: Trace;
}

export interface Counterexample {
  /** The minimal (shrunk) failing case. */
  caseId: string;
  /** Reproducer manifests, relative to the report directory. */
  reproducerPath: string;
  /** The failing fields of that case, for JUnit and summaries without reading the cases. */
  failedFields: FieldDiff[];
  /** How far shrinking got (absent in reports of kubeprop before it was recorded). */
  shrink?: ShrinkSummary;
}

export interface ShrinkSummary {
  /** Times a smaller confirmed failure replaced the counterexample. */
  steps: number;
  /** Shrink candidates run live (each a case, a failing one also its confirmation). */
  candidatesRun: number;
  /** Every candidate of the final counterexample ran and passed: it is minimal. */
  localMinimum: boolean;
  seconds: number;
  /**
   * Of the steps, those taken after fast-check's shrink tree (runner/speculative-shrink.ts): removed
   * containers, hooks, probes, ports…; the replay path gives the counterexample before them.
   */
  structuralSteps: number;
  /** Why the counterexample was not shrunk at all (a known deviation), when it was not. */
  notShrunk?: string;
}

/** The part of a property's report known when it begins. */
export interface PropertyStart {
  id: string;
  family: Family;
  statement: string;
  runsPlanned: number;
  seed: number;
}

/** The part known when it ends. */
export interface PropertyEnd {
  verdict: PropertyVerdict;
  /** Why, for skipped, inconclusive and known verdicts. */
  reason?: string;
  runsMade: number;
  /** Ran out of its time budget: reported as such, never as a pass. */
  outOfTime: boolean;
  durationMs: number;
  /** fast-check replay path of the failure. */
  path?: string;
  counterexample?: Counterexample;
}

export interface PropertyReport extends PropertyStart, PropertyEnd {
  cases: CaseReport[];
}

export interface RunEnd {
  endedAt: string;
  /** Set when the run stopped early (signal, fatal error). */
  interrupted?: string;
}

export interface Report extends ReportHeader, RunEnd {
  schemaVersion: typeof REPORT_SCHEMA_VERSION;
  properties: PropertyReport[];
}

/** A property without its cases: what the streaming reader returns before the cases. */
export type PropertySummary = Omit<PropertyReport, 'cases'> & { caseCount: number };

/** A report without its cases; cases are read one at a time (see reporting/report-stream.ts). */
export type ReportSkeleton = Omit<Report, 'properties'> & { properties: PropertySummary[] };

export interface CaseEntry {
  propertyId: string;
  case: CaseReport;
}
