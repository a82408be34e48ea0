// @ts-nocheck
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { ServerVersion } from '../model/capabilities';
import type { FieldDiff } from '../verdicts/case-verdict';

/**
 * A deviation the user already knows about: a property (or one model rule) expected to fail on some
 * versions. Such failures are reported as `known`, not hidden and not counted as regressions.
 */
export interface KnownIssue {
  property?: string;
  rule?: string;
  /** Space-separated comparators on 1.N, e.g. ">=1.26 <1.28" or "1.27"; absent: every version. */
  versions?: string;
  reason: string;
}

const COMPARATOR = /^(>=|<=|>|<|=)?v?1\.(\d+)$/;

function matchesVersions(range: string | undefined, version: ServerVersion): boolean {
  if (range === undefined) return true;
  return range
    .trim()
    .split(/\s+/)
    .every((term) => {
      const match = COMPARATOR.exec(term);
      if (!match)
        throw new Error(`known issue has an invalid version term "${term}": use e.g. ">=1.26 <1.28"`);
      const [, op = '=', minorText] = match;
      const minor = Number(minorText);
      const actual = version.major === 1 ? version.minor : Number.POSITIVE_INFINITY;
      switch (op) {
        case '>=':
          return actual >= minor;
        case '<=':
          return actual <= minor;
        case '>':
          return actual > minor;
        case '<':
          return actual < minor;
        default:
          return actual === minor;
      }
    });
}

/** Reads a known-issues YAML file (a list of {property|rule, versions?, reason}). */
export function loadKnownIssues(file: string): KnownIssue[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`cannot read known-issues file ${file}: check the path given to --known-issues`);
  }
  const parsed: unknown = parse(text);
  if (!Array.isArray(parsed)) {
    throw new Error(`known-issues file ${file} must be a YAML list of {property or rule, versions, reason}`);
  }
  return parsed.map((entry: unknown, index): KnownIssue => {
    const item = entry as Partial<KnownIssue> | null;
    const where = `known-issues file ${file}, entry ${index + 1}`;
    if (item === null || typeof item !== 'object') throw new Error(`${where}: expected a mapping`);
    if ((item.property === undefined) === (item.rule === undefined)) {
      throw new Error(`${where}: give exactly one of "property" or "rule"`);
    }
    if (typeof item.reason !== 'string' || item.reason.trim() === '')
      throw new Error(`${where}: "reason" is required`);
    const issue: KnownIssue = {
      reason: item.reason,
      property: item.property,
      rule: item.rule,
      versions: item.versions,
    };
    matchesVersions(issue.versions, { major: 1, minor: 0, gitVersion: 'v1.0' });
    return issue;
  });
}

/** The reason a whole property is a known issue on this version, if any. */
export function knownIssueForProperty(
  issues: readonly KnownIssue[],
  propertyId: string,
  version: ServerVersion,
): string | undefined {
  return issues.find((issue) => issue.property === propertyId && matchesVersions(issue.versions, version))
    ?.reason;
}

/** The reasons when every failing field of a counterexample is covered by a known rule issue. */
export function knownIssueForFailure(
  issues: readonly KnownIssue[],
  failedFields: readonly FieldDiff[],
  version: ServerVersion,
): string | undefined {
  if (failedFields.length === 0) return undefined;
  const reasons = failedFields.map(
    (field) =>
      issues.find((issue) => issue.rule === field.rule && matchesVersions(issue.versions, version))?.reason,
  );
  return reasons.every((reason) => reason !== undefined) ? [...new Set(reasons)].join('; ') : undefined;
}
