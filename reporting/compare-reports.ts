import type { Capabilities } from '../model/capabilities';
import { basisOf, describeBasis, sameBasis, type GenerationBasis } from '../model/generation-basis';
import { NO_UPPER_BOUND } from '../model/observation';
import { FAMILIES, type Family } from '../model/scenario';
import { distribution, type Distribution } from './distribution';
import { PROPERTY_VERDICTS, type PropertyVerdict, type ReportSkeleton } from './report-types';
import type { ReportSource } from './report-stream';
import { timingShift, type Shift } from './shift-test';

export type VerdictChangeKind = 'regressed' | 'fixed' | 'changed' | 'same' | 'added' | 'removed';

export interface PropertyComparison {
  id: string;
  family: Family;
  a?: PropertyVerdict;
  b?: PropertyVerdict;
  change: VerdictChangeKind;
}

export interface FamilyComparison {
  family: Family;
  a: Record<PropertyVerdict, number>;
  b: Record<PropertyVerdict, number>;
}

export interface CapabilityDifference {
  name: string;
  a: string;
  b: string;
}

export interface TimingComparison {
  family: Family;
  /** The observation field name without its container prefix, e.g. "sigkillAfterSigtermSeconds". */
  metric: string;
  a?: Distribution;
  b?: Distribution;
  /** How far the distribution moved, when both runs have samples. */
  shift?: Shift;
}

/** Whether the two runs ran the same cases: only then is a verdict difference the cluster's. */
export interface InputsComparison {
  same: boolean;
  /** "seed 7, generated for v1.23 with …" when the same; what differs otherwise. */
  detail: string;
}

/** A case both runs ran with the same scenario, whose outcome differs. */
export interface CaseDifference {
  propertyId: string;
  caseId: string;
  a: string;
  b: string;
  /** The fields that failed on the failing side(s), "field: expected … observed …". */
  failing: string[];
}

export interface RunIdentity {
  file: string;
  runId: string;
  serverVersion: string;
  nodeImages: string[];
}

export interface Comparison {
  a: RunIdentity;
  b: RunIdentity;
  properties: PropertyComparison[];
  families: FamilyComparison[];
  capabilities: CapabilityDifference[];
  timings: TimingComparison[];
  inputs: InputsComparison;
  /** Cases run on both with the same scenario. */
  casesCompared: number;
  caseDifferences: CaseDifference[];
  /** Some property went from pass to fail. */
  regressed: boolean;
}

export interface CompareOptions {
  /** Only instant fields whose name matches are compared (default: all). */
  timingPattern?: RegExp;
}

function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function changeKind(a: PropertyVerdict | undefined, b: PropertyVerdict | undefined): VerdictChangeKind {
  if (a === undefined) return 'added';
  if (b === undefined) return 'removed';
  if (a === b) return 'same';
  if (a === 'pass' && b === 'fail') return 'regressed';
  if (a === 'fail' && b === 'pass') return 'fixed';
  return 'changed';
}

function identity(source: ReportSource): RunIdentity {
  const { skeleton } = source;
  return {
    file: source.file,
    runId: skeleton.runId,
    serverVersion: skeleton.cluster.serverVersion.gitVersion,
    nodeImages: skeleton.cluster.nodeImages.map((n) => `${n.image}${n.digest ? `@${n.digest}` : ''}`),
  };
}

function verdictCounts(skeleton: ReportSkeleton, family: Family): Record<PropertyVerdict, number> {
  const counts = Object.fromEntries(PROPERTY_VERDICTS.map((v) => [v, 0])) as Record<PropertyVerdict, number>;
  for (const property of skeleton.properties) if (property.family === family) counts[property.verdict] += 1;
  return counts;
}

function capabilityDifferences(a: Capabilities, b: Capabilities): CapabilityDifference[] {
  const names = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(byString);
  const show = (value: unknown): string =>
    value === undefined ? 'unknown' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return names
    .map((name) => ({
      name,
      a: show(a[name as keyof Capabilities]),
      b: show(b[name as keyof Capabilities]),
    }))
    .filter((difference) => difference.a !== difference.b);
}

/** Midpoints of instant fields per family and metric, collected as the cases stream past. */
async function timingSamples(source: ReportSource, pattern: RegExp): Promise<Map<string, number[]>> {
  const samples = new Map<string, number[]>();
  for await (const { case: item } of source.cases()) {
    for (const [field, observed] of Object.entries(item.observation.fields)) {
      // An instant known only from below has no midpoint to compare.
      if (observed.kind !== 'instant' || observed.hi === NO_UPPER_BOUND || !pattern.test(field)) continue;
      const key = `${item.scenario.family}\u0000${field.slice(field.lastIndexOf('.') + 1)}`;
      let list = samples.get(key);
      if (!list) samples.set(key, (list = []));
      list.push((observed.lo + observed.hi) / 2);
    }
  }
  return samples;
}

function generationOf(source: ReportSource): GenerationBasis {
  const { skeleton } = source;
  // Reports from before the basis was recorded generated from their cluster's own capabilities.
  return (
    skeleton.options.generation ??
    basisOf(skeleton.cluster.capabilities, skeleton.cluster.serverVersion.gitVersion)
  );
}

function compareInputs(a: ReportSource, b: ReportSource): InputsComparison {
  const [basisA, basisB] = [generationOf(a), generationOf(b)];
  const differences = [
    a.skeleton.seed === b.skeleton.seed ? undefined : `seeds ${a.skeleton.seed} and ${b.skeleton.seed}`,
    sameBasis(basisA, basisB)
      ? undefined
      : `A generated for ${describeBasis(basisA)}, B for ${describeBasis(basisB)}`,
  ].filter((text): text is string => text !== undefined);
  return differences.length === 0
    ? { same: true, detail: `seed ${a.skeleton.seed}, cases generated for ${describeBasis(basisA)}` }
    : { same: false, detail: differences.join('; ') };
}

interface CaseDigest {
  scenario: string;
  outcome: string;
  failing: string[];
}

/** First runs of each case (confirmation re-runs repeat them), keyed by property and case id. */
async function caseDigests(source: ReportSource): Promise<Map<string, CaseDigest>> {
  const digests = new Map<string, CaseDigest>();
  for await (const { propertyId, case: item } of source.cases()) {
    if (item.attempt.number !== 1) continue;
    digests.set(`${propertyId}\u0000${item.id}`, {
      scenario: JSON.stringify(item.scenario),
      outcome: item.verdict.outcome,
      failing: item.verdict.diff
        .filter((field) => field.outcome === 'fail')
        .map((field) => `${field.field}: ${field.detail} (${field.rule})`),
    });
  }
  return digests;
}

async function compareCases(
  a: ReportSource,
  b: ReportSource,
): Promise<{ compared: number; differences: CaseDifference[] }> {
  const [inA, inB] = [await caseDigests(a), await caseDigests(b)];
  const differences: CaseDifference[] = [];
  let compared = 0;
  for (const [key, left] of inA) {
    const right = inB.get(key);
    if (right === undefined || right.scenario !== left.scenario) continue;
    compared += 1;
    if (right.outcome === left.outcome) continue;
    const [propertyId, caseId] = key.split('\u0000');
    differences.push({
      propertyId,
      caseId,
      a: left.outcome,
      b: right.outcome,
      failing: [...left.failing.map((f) => `A ${f}`), ...right.failing.map((f) => `B ${f}`)],
    });
  }
  differences.sort((x, y) => byString(x.propertyId, y.propertyId) || byString(x.caseId, y.caseId));
  return { compared, differences };
}

/** Compares run b against run a: verdict changes, capability differences, timing distributions. */
export async function compareReports(
  a: ReportSource,
  b: ReportSource,
  options: CompareOptions = {},
): Promise<Comparison> {
  const familyOrder = FAMILIES as readonly string[];
  const inA = new Map(a.skeleton.properties.map((p) => [p.id, p]));
  const inB = new Map(b.skeleton.properties.map((p) => [p.id, p]));
  const ids = [...new Set([...inA.keys(), ...inB.keys()])];
  const properties = ids
    .map((id): PropertyComparison => {
      const left = inA.get(id);
      const right = inB.get(id);
      const family = (left ?? right)?.family as Family;
      return {
        id,
        family,
        a: left?.verdict,
        b: right?.verdict,
        change: changeKind(left?.verdict, right?.verdict),
      };
    })
    .sort((x, y) => familyOrder.indexOf(x.family) - familyOrder.indexOf(y.family) || byString(x.id, y.id));
  const families = FAMILIES.filter((family) => properties.some((p) => p.family === family)).map((family) => ({
    family,
    a: verdictCounts(a.skeleton, family),
    b: verdictCounts(b.skeleton, family),
  }));
  const pattern = options.timingPattern ?? /./;
  const [samplesA, samplesB] = [await timingSamples(a, pattern), await timingSamples(b, pattern)];
  const timings = [...new Set([...samplesA.keys(), ...samplesB.keys()])]
    .map((key): TimingComparison => {
      const [family, metric] = key.split('\u0000');
      const [left, right] = [samplesA.get(key) ?? [], samplesB.get(key) ?? []];
      return {
        family: family as Family,
        metric,
        a: distribution(left),
        b: distribution(right),
        shift: timingShift(left, right),
      };
    })
    .sort(
      (x, y) => familyOrder.indexOf(x.family) - familyOrder.indexOf(y.family) || byString(x.metric, y.metric),
    );
  const inputs = compareInputs(a, b);
  // Different inputs make case ids name different scenarios: nothing to compare case by case.
  const cases = inputs.same ? await compareCases(a, b) : { compared: 0, differences: [] };
  return {
    a: identity(a),
    b: identity(b),
    properties,
    families,
    capabilities: capabilityDifferences(a.skeleton.cluster.capabilities, b.skeleton.cluster.capabilities),
    timings,
    inputs,
    casesCompared: cases.compared,
    caseDifferences: cases.differences,
    regressed: properties.some((p) => p.change === 'regressed'),
  };
}
