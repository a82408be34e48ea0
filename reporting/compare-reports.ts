import type { Capabilities } from '../model/capabilities';
import { NO_UPPER_BOUND } from '../model/observation';
import { FAMILIES, type Family } from '../model/scenario';
import { distribution, type Distribution } from './distribution';
import { PROPERTY_VERDICTS, type PropertyVerdict, type ReportSkeleton } from './report-types';
import type { ReportSource } from './report-stream';

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
      return {
        family: family as Family,
        metric,
        a: distribution(samplesA.get(key) ?? []),
        b: distribution(samplesB.get(key) ?? []),
      };
    })
    .sort(
      (x, y) => familyOrder.indexOf(x.family) - familyOrder.indexOf(y.family) || byString(x.metric, y.metric),
    );
  return {
    a: identity(a),
    b: identity(b),
    properties,
    families,
    capabilities: capabilityDifferences(a.skeleton.cluster.capabilities, b.skeleton.cluster.capabilities),
    timings,
    regressed: properties.some((p) => p.change === 'regressed'),
  };
}
